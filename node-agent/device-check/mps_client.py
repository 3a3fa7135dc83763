"""A CUDA client under MPS for the device check (mps-server-check.sh), through the driver API in libcuda.so.1 (no
CUDA toolkit needed): prints the SMs its context may use and which device allocations succeed, as JSON. It changes
no GPU setting; it makes one context and frees what it allocates. Usage: mps_client.py UID ALLOC_MIB...
(switches to UID first, so that it is a client of that user's MPS server)."""

import ctypes
import json
import os
import sys
import time

MIB = 1 << 20
SM_COUNT_ATTRIBUTE = 16  # CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT
EXEC_AFFINITY_SM_COUNT = 0  # CU_EXEC_AFFINITY_TYPE_SM_COUNT


class ExecAffinity(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("value", ctypes.c_uint)]


def main():
    uid = int(sys.argv[1])
    if os.getuid() != uid:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    cuda = ctypes.CDLL("libcuda.so.1")
    out = {"uid": os.getuid(), "env": {k: v for k, v in os.environ.items() if k.startswith("CUDA_")}}

    def call(name, *args):
        code = getattr(cuda, name)(*args)
        if code != 0:
            raise RuntimeError(f"{name} returned CUDA error {code}")

    call("cuInit", 0)
    device = ctypes.c_int()
    call("cuDeviceGet", ctypes.byref(device), 0)
    sms = ctypes.c_int()
    call("cuDeviceGetAttribute", ctypes.byref(sms), SM_COUNT_ATTRIBUTE, device)
    out["deviceSmCount"] = sms.value
    context = ctypes.c_void_p()
    call("cuCtxCreate_v2", ctypes.byref(context), 0, device)
    affinity = ExecAffinity()
    code = cuda.cuCtxGetExecAffinity(ctypes.byref(affinity), EXEC_AFFINITY_SM_COUNT)
    out["contextSmCount"] = affinity.value if code == 0 else f"CUDA error {code}"
    free, total = ctypes.c_size_t(), ctypes.c_size_t()
    call("cuMemGetInfo_v2", ctypes.byref(free), ctypes.byref(total))
    out["memGetInfoMiB"] = {"free": free.value // MIB, "total": total.value // MIB}
    out["alloc"] = {}
    for mib in (int(a) for a in sys.argv[2:]):
        pointer = ctypes.c_uint64()
        code = cuda.cuMemAlloc_v2(ctypes.byref(pointer), ctypes.c_size_t(mib * MIB))
        out["alloc"][str(mib)] = "ok" if code == 0 else f"CUDA error {code}"
        if code == 0:
            cuda.cuMemFree_v2(pointer)
    print(json.dumps(out), flush=True)
    # Stays a client a little while, so that the check can list it.
    time.sleep(float(os.environ.get("TESSERA_CLIENT_HOLD_S", "3")))
    call("cuCtxDestroy_v2", context)


if __name__ == "__main__":
    main()
