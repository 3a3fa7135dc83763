"""The pynvml side of the Tessera device check: prints the GPUs as NVIDIA's Python binding sees them, as JSON
in the shape of node-agent/device-check/hostView.ts. Read-only: it calls getters only. Exit 3: no pynvml."""

import ctypes
import json
import sys

try:
    import pynvml
except ImportError:
    print("pynvml is not installed (pip install nvidia-ml-py, or put pynvml.py in carry/python)", file=sys.stderr)
    sys.exit(3)

MIB = 1 << 20
COMPUTE_MODES = ["Default", "Exclusive_Thread", "Prohibited", "Exclusive_Process"]


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def optional(read):
    try:
        return read()
    except pynvml.NVMLError:
        return None


def mig_profiles(handle):
    profiles = []
    count = getattr(pynvml, "NVML_GPU_INSTANCE_PROFILE_COUNT", 0x12)
    for index in range(max(count, 0x12)):
        try:
            info = pynvml.nvmlDeviceGetGpuInstanceProfileInfo(handle, index)
        except pynvml.NVMLError:
            continue
        n = ctypes.c_uint(0)
        pynvml.nvmlDeviceGetGpuInstancePossiblePlacements(handle, info.id, None, ctypes.byref(n))
        placements = (pynvml.c_nvmlGpuInstancePlacement_t * max(n.value, 1))()
        pynvml.nvmlDeviceGetGpuInstancePossiblePlacements(handle, info.id, placements, ctypes.byref(n))
        starts = ",".join(str(placements[i].start) for i in range(n.value))
        size = placements[0].size if n.value else 0
        profiles.append(
            (
                info.id,
                "%d:%d:%d:%d:%d@%s/%d"
                % (info.id, index, info.sliceCount, info.instanceCount, info.memorySizeMB, starts, size),
                info.instanceCount,
            )
        )
    return profiles


def gpu_instances(handle, profiles):
    found = []
    for profile_id, _, capacity in profiles:
        n = ctypes.c_uint(0)
        instances = (pynvml.c_nvmlGpuInstance_t * max(capacity, 1))()
        pynvml.nvmlDeviceGetGpuInstances(handle, profile_id, instances, ctypes.byref(n))
        for i in range(n.value):
            info = pynvml.nvmlGpuInstanceGetInfo(instances[i])
            found.append(
                "gi%d:profile%d@%d/%d" % (info.id, info.profileId, info.placement.start, info.placement.size)
            )
    return sorted(found)


def mig_devices(handle):
    devices = []
    for i in range(pynvml.nvmlDeviceGetMaxMigDeviceCount(handle)):
        try:
            mig = pynvml.nvmlDeviceGetMigDeviceHandleByIndex(handle, i)
        except pynvml.NVMLError:
            continue
        name = text(pynvml.nvmlDeviceGetName(mig))
        profile = name.split(" MIG ", 1)[1] if " MIG " in name else name
        devices.append("%s=%s" % (profile, text(pynvml.nvmlDeviceGetUUID(mig))))
    return sorted(devices)


def guarded(read):
    """A section pynvml could not read shows up as a difference naming the error, not as a crash."""
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - any failure is reported, the check must go on
        return ["error: %s: %s" % (type(error).__name__, error)]


def gpu_view(index):
    handle = pynvml.nvmlDeviceGetHandleByIndex(index)
    mig = optional(lambda: pynvml.nvmlDeviceGetMigMode(handle))
    major, minor = pynvml.nvmlDeviceGetCudaComputeCapability(handle)
    mode = optional(lambda: pynvml.nvmlDeviceGetComputeMode(handle))
    power = optional(lambda: pynvml.nvmlDeviceGetPowerUsage(handle))
    profile_rows, instances, devices = [], [], []
    # The driver lists MIG profiles with MIG mode off too; instances and MIG devices exist only with it on.
    if mig:
        profiles = guarded(lambda: mig_profiles(handle))
        if profiles and isinstance(profiles[0], str):  # an error
            profile_rows = instances = profiles
        else:
            profile_rows = sorted(p[1] for p in profiles)
            if mig[0] == 1:
                instances = guarded(lambda: gpu_instances(handle, profiles))
    if mig and mig[0] == 1:
        devices = guarded(lambda: mig_devices(handle))
    return {
        "index": index,
        "uuid": text(pynvml.nvmlDeviceGetUUID(handle)),
        "name": text(pynvml.nvmlDeviceGetName(handle)),
        "serial": optional(lambda: text(pynvml.nvmlDeviceGetSerial(handle))),
        "pciBusId": text(pynvml.nvmlDeviceGetPciInfo(handle).busId).upper(),
        "memoryTotalMiB": (pynvml.nvmlDeviceGetMemoryInfo(handle).total + MIB // 2) // MIB,
        "minorNumber": pynvml.nvmlDeviceGetMinorNumber(handle),
        "computeCapability": "%d.%d" % (major, minor),
        "migCurrent": None if mig is None else mig[0] == 1,
        "migPending": None if mig is None else mig[1] == 1,
        "temperatureC": optional(lambda: pynvml.nvmlDeviceGetTemperature(handle, pynvml.NVML_TEMPERATURE_GPU)),
        "powerW": None if power is None else power / 1000.0,
        "computeMode": None if mode is None else COMPUTE_MODES[mode] if mode < len(COMPUTE_MODES) else str(mode),
        "migDevices": devices,
        "migProfiles": profile_rows,
        "gpuInstances": instances,
    }


def main():
    pynvml.nvmlInit()
    try:
        cuda_version = getattr(pynvml, "nvmlSystemGetCudaDriverVersion_v2", None) or getattr(
            pynvml, "nvmlSystemGetCudaDriverVersion", None
        )
        cuda = optional(cuda_version) if cuda_version else None
        view = {
            "source": "pynvml",
            "driverVersion": text(pynvml.nvmlSystemGetDriverVersion()),
            "cudaDriverVersion": cuda,
            "gpus": [gpu_view(i) for i in range(pynvml.nvmlDeviceGetCount())],
        }
    finally:
        pynvml.nvmlShutdown()
    json.dump(view, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
