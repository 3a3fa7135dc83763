import { describe, expect, it } from "vitest";
import {
  type AllocateResponse,
  devicePluginServerService,
  devicePluginService,
  MalformedRequest,
  type PreferredAllocationRequest,
  type RegisterRequest,
  registrationService,
} from "./DevicePluginApi.ts";

// A misspelt property in the TypeScript shapes would be dropped by protobuf and break these round trips.
describe("v1beta1 message shapes", () => {
  it("round-trip every message with every field set", () => {
    const register: RegisterRequest = {
      version: "v1beta1",
      endpoint: "tessera-nvidia.com_gpu.sock",
      resource_name: "nvidia.com/gpu",
      options: { pre_start_required: true, get_preferred_allocation_available: true },
    };
    const r = registrationService.Register;
    expect(r.requestDeserialize(r.requestSerialize(register))).toEqual(register);

    const list = {
      devices: [{ ID: "GPU-1", health: "Healthy", topology: { nodes: [{ ID: 1 }, { ID: 3 }] } }],
    };
    const lw = devicePluginService.ListAndWatch;
    expect(lw.responseDeserialize(lw.responseSerialize(list))).toEqual(list);

    const preferred: PreferredAllocationRequest = {
      container_requests: [
        { available_deviceIDs: ["a", "b"], must_include_deviceIDs: ["a"], allocation_size: 2 },
      ],
    };
    const pa = devicePluginService.GetPreferredAllocation;
    expect(pa.requestDeserialize(pa.requestSerialize(preferred))).toEqual(preferred);
    const preferredResponse = { container_responses: [{ deviceIDs: ["a", "b"] }] };
    expect(pa.responseDeserialize(pa.responseSerialize(preferredResponse))).toEqual(preferredResponse);

    const allocate = devicePluginService.Allocate;
    const request = { container_requests: [{ devices_ids: ["GPU-1", "GPU-2"] }] };
    expect(allocate.requestDeserialize(allocate.requestSerialize(request))).toEqual(request);
    const response: AllocateResponse = {
      container_responses: [
        {
          envs: { NVIDIA_VISIBLE_DEVICES: "GPU-1" },
          mounts: [{ container_path: "/c", host_path: "/h", read_only: true }],
          devices: [{ container_path: "/dev/vfio/1", host_path: "/dev/vfio/1", permissions: "mrw" }],
          annotations: { "cdi.k8s.io/x": "nvidia.com/gpu=GPU-1" },
          cdi_devices: [{ name: "nvidia.com/gpu=GPU-1" }],
        },
      ],
    };
    expect(allocate.responseDeserialize(allocate.responseSerialize(response))).toEqual(response);

    const pre = devicePluginService.PreStartContainer;
    expect(pre.requestDeserialize(pre.requestSerialize({ devices_ids: ["x"] }))).toEqual({
      devices_ids: ["x"],
    });
    const options = devicePluginService.GetDevicePluginOptions;
    const opts = { pre_start_required: false, get_preferred_allocation_available: true };
    expect(options.responseDeserialize(options.responseSerialize(opts))).toEqual(opts);
  });

  it("uses the field numbers of the fact sheet on the wire", () => {
    // ContainerAllocateRequest.devices_ids = 1 inside AllocateRequest.container_requests = 1.
    const bytes = devicePluginService.Allocate.requestSerialize({
      container_requests: [{ devices_ids: ["a"] }],
    });
    expect([...bytes]).toEqual([0x0a, 0x03, 0x0a, 0x01, 0x61]);
    // Device: ID = 1, health = 2.
    const list = devicePluginService.ListAndWatch.responseSerialize({
      devices: [{ ID: "a", health: "b", topology: null }],
    });
    expect([...list]).toEqual([0x0a, 0x06, 0x0a, 0x01, 0x61, 0x12, 0x01, 0x62]);
  });

  it("hands undecodable requests to the server handler as MalformedRequest", () => {
    const decoded = devicePluginServerService.Allocate.requestDeserialize(Buffer.from([0x0a, 0xff]));
    expect(decoded).toBeInstanceOf(MalformedRequest);
    expect((decoded as MalformedRequest).messageType).toBe("AllocateRequest");
  });
});
