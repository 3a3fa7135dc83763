import { describe, expect, it } from "vitest";
import { mpsClientEnvironment } from "./MpsClientEnvironment.ts";

describe("mpsClientEnvironment", () => {
  it("gives a share its SM percentage, its memory limit on device 0 and its device's pipe directory", () => {
    const pipe = "/var/lib/tessera/mps/MIG-3a6e8f1c-0b1d-5c2e-9f4a-1d2c3b4a5e6f/pipe";
    expect(mpsClientEnvironment({ milli: 125, memoryMiB: 5120, mpsPipeDirectory: pipe })).toEqual({
      CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "13",
      CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=5120M",
      CUDA_MPS_PIPE_DIRECTORY: pipe,
    });
  });

  it("names the path a container sees when the pipe directory is mounted, and none when time-sliced", () => {
    expect(
      mpsClientEnvironment(
        { milli: 500, memoryMiB: 8192, mpsPipeDirectory: "/host/pipe" },
        "/tmp/nvidia-mps",
      ),
    ).toMatchObject({ CUDA_MPS_PIPE_DIRECTORY: "/tmp/nvidia-mps" });
    expect(mpsClientEnvironment({ milli: 2, memoryMiB: 1024 })).toEqual({
      CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "1",
      CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=1024M",
    });
  });
});
