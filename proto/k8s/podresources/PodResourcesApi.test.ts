import protobuf from "protobufjs";
import { expect, it } from "vitest";
import { podResourcesListerService, podResourcesSocketPath } from "./PodResourcesApi.ts";

/** Bytes of a ListPodResourcesResponse built field by field from upstream's numbers, not from our .proto. */
function upstreamResponse(): Buffer {
  const devices = protobuf.Writer.create();
  devices.uint32((1 << 3) | 2).string("nvidia.com/gpu");
  devices.uint32((2 << 3) | 2).string("GPU-a");
  devices.uint32((2 << 3) | 2).string("GPU-b");
  devices.uint32((3 << 3) | 2).bytes(new Uint8Array([0x0a, 0x02, 0x08, 0x01])); // topology: skipped
  const container = protobuf.Writer.create();
  container.uint32((1 << 3) | 2).string("main");
  container.uint32((2 << 3) | 2).bytes(devices.finish());
  container.uint32((3 << 3) | 2).bytes(new Uint8Array([4, 7])); // packed cpu_ids
  container.uint32((4 << 3) | 2).bytes(new Uint8Array([])); // memory: not in our .proto
  const pod = protobuf.Writer.create();
  pod.uint32((1 << 3) | 2).string("train");
  pod.uint32((2 << 3) | 2).string("ml");
  pod.uint32((3 << 3) | 2).bytes(container.finish());
  const response = protobuf.Writer.create();
  response.uint32((1 << 3) | 2).bytes(pod.finish());
  return Buffer.from(response.finish());
}

it("decodes List answers with the upstream field numbers, skipping the fields Tessera does not read", () => {
  const { List } = podResourcesListerService;
  expect(List.path).toBe("/v1.PodResourcesLister/List");
  expect(List.responseDeserialize(upstreamResponse())).toEqual({
    pod_resources: [
      {
        name: "train",
        namespace: "ml",
        containers: [
          {
            name: "main",
            devices: [{ resource_name: "nvidia.com/gpu", device_ids: ["GPU-a", "GPU-b"] }],
            cpu_ids: [4, 7],
          },
        ],
      },
    ],
  });
  expect(List.requestSerialize({}).length).toBe(0);
});

it("finds the socket beside the device-plugin directory", () => {
  expect(podResourcesSocketPath("/var/lib/kubelet/device-plugins")).toBe(
    "/var/lib/kubelet/pod-resources/kubelet.sock",
  );
});
