import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram, commandSets } from "./cli.ts";

const names = (program: Command) => program.commands.map((c) => c.name());

describe("the tessera command tree", () => {
  it("lists, for each command set, exactly the top-level commands it registers", async () => {
    for (const set of commandSets) {
      const program = new Command();
      (await set.load())(program);
      expect(names(program)).toEqual(set.names);
    }
  });

  it("loads only the set of the command a command line runs", async () => {
    expect(names(await buildProgram(["node", "tessera", "jobs", "--json"]))).toEqual([
      "submit",
      "jobs",
      "job",
      "cancel",
      "logs",
      "nodes",
      "capacity",
      "watch",
    ]);
    // `capacity plan` lives with the planner commands: both sets, one `capacity`.
    const capacity = await buildProgram(["node", "tessera", "capacity", "plan"]);
    expect(names(capacity)).toContain("top");
    expect(capacity.commands.find((c) => c.name() === "capacity")?.commands.map((c) => c.name())).toEqual([
      "plan",
    ]);
    expect(names(await buildProgram(["node", "tessera", "--version"]))).toEqual([]);
  });

  it("loads every command for help, an unknown command, or no command line", async () => {
    const all = commandSets.flatMap((s) => s.names);
    for (const argv of [["node", "tessera", "--help"], ["node", "tessera", "nosuch"], undefined]) {
      expect(new Set(names(await buildProgram(argv)))).toEqual(new Set(all));
    }
  });
});
