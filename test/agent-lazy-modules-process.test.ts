import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startAgentProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-agent-lazy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("an agent without --kubelet-dir, a device-plugin config or containers loads none of their code", async () => {
  const hook = resolve(import.meta.dirname, "support", "module-load-log.mjs");
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --import=${hook}`.trim();
  // No scheduler answers there: the agent keeps trying, which is all this test needs. From the sources, where each
  // module is loaded when first imported (a bundle holds them all and evaluates each only when imported).
  const node = { name: "lazy", models: ["H100-SXM5-80GB"], mig: true };
  const agent = startAgentProcess(dir, node, "127.0.0.1:9", [], {
    NODE_OPTIONS: nodeOptions,
    TESSERA_RUN_SOURCES: "1",
  });
  try {
    await agent.process.waitFor(/agent lazy: 1 GPU\(s\)/);
    await agent.process.waitFor(/VM runtime qemu/);
    const loaded = [...agent.process.output.matchAll(/^module-loaded (\S+)$/gm)].map((m) => m[1]!);
    const loads = (fragment: string) => loaded.some((url) => url.includes(fragment));
    // What it runs on: the agent's own NodeService codec and the VM runtime it was given.
    expect(loads("proto/generated/static/node."), loaded.join("\n")).toBe(true);
    expect(loads("plugins/vm/qemu/QemuRuntime.")).toBe(true);
    for (const unused of [
      "plugins/deviceplugin/NvmlDevicePlugin.",
      "plugins/deviceplugin/PodResourcesReleaser.",
      "node_modules/yaml/",
      "plugins/vm/kubevirt/",
      "plugins/vm/libvirt/",
      "node-agent/container/CdiSpecWriter.",
      "proto/generated/static/tessera.",
    ])
      expect(loads(unused), unused).toBe(false);
  } finally {
    await agent.process.kill();
  }
}, 60_000);
