#!/usr/bin/python3
"""A second fake kubelet, on Debian's python3-grpcio (gRPC C-core, not grpc-js), driving `tessera device-plugin`
as a separate process over real unix sockets: registration, ListAndWatch, GetPreferredAllocation, Allocate, bad
input, a layout change, a kubelet restart and the plugin's exit. Messages come from the project's .proto compiled
by python3-grpc-tools into a descriptor set at run time, so the wire format is checked against another protobuf
and gRPC implementation.

Usage: fake-kubelet.py WORKDIR NODE_BINARY
"""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from concurrent import futures

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROTO_DIR = os.path.join(REPO, "proto", "k8s", "v1beta1")
H100 = ["GPU-aaaaaaaa-0000-4000-8000-00000000000%d" % i for i in range(3)]
A100 = "GPU-aaaaaaaa-0000-4000-8000-0000000000a1"
L4 = "GPU-aaaaaaaa-0000-4000-8000-0000000000b4"
VM = "GPU-aaaaaaaa-0000-4000-8000-0000000000c7"
MIG_SMALL = "MIG-aaaaaaaa-0000-4000-8000-00000000a100"
MIG_BIG = "MIG-aaaaaaaa-0000-4000-8000-00000000a102"

passed = 0


def check(name, condition, detail=""):
    global passed
    if not condition:
        print("FAIL: %s %s" % (name, detail), flush=True)
        print("%d passed, 1 failed" % passed, flush=True)
        sys.exit(1)
    passed += 1
    print("ok: %s" % name, flush=True)


def load_messages(workdir):
    """Compiles the project's .proto with python3-grpc-tools and builds message classes from the descriptors."""
    from grpc_tools import protoc

    out = os.path.join(workdir, "deviceplugin.pb")
    rc = protoc.main(["protoc", "-I" + PROTO_DIR, "--descriptor_set_out=" + out, os.path.join(PROTO_DIR, "deviceplugin.proto")])
    if rc != 0:
        raise SystemExit("protoc failed on deviceplugin.proto")
    with open(out, "rb") as f:
        files = descriptor_pb2.FileDescriptorSet.FromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:
        pool.Add(file)
    factory = message_factory.MessageFactory(pool)
    names = ["Empty", "RegisterRequest", "DevicePluginOptions", "ListAndWatchResponse", "AllocateRequest",
             "AllocateResponse", "PreferredAllocationRequest", "PreferredAllocationResponse"]
    return {n: factory.GetPrototype(pool.FindMessageTypeByName("v1beta1." + n)) for n in names}


def gpu(uuid, index, model, mem, bus, use, peers=None, numa=0):
    return {"uuid": uuid, "index": index, "model": model, "memoryMiB": mem, "pciBusId": "00000000:%s:00.0" % bus,
            "numaNode": numa, "nvlinkPeers": peers or {}, "health": "Healthy", "use": use}


def inventory(mig_instances):
    return {"gpus": [
        gpu(H100[0], 0, "H100-SXM5-80GB", 81559, "18", {"mode": "whole"}, {H100[2]: 18}),
        gpu(H100[1], 1, "H100-SXM5-80GB", 81559, "19", {"mode": "whole"}),
        gpu(H100[2], 2, "H100-SXM5-80GB", 81559, "1a", {"mode": "whole"}, {H100[0]: 18}),
        gpu(A100, 3, "A100-80GB", 81920, "3b", {"mode": "mig", "instances": mig_instances}),
        gpu(L4, 4, "L4-24GB", 23034, "5e", {"mode": "shared", "replicas": 2, "memoryMiBPerReplica": 11000,
                                           "computePercentPerReplica": 50}),
        gpu(VM, 5, "H100-SXM5-80GB", 81559, "65", {"mode": "vfio", "iommuGroup": 7}, numa=1),
    ]}


class Kubelet:
    """Registration server on kubelet.sock plus the device manager's client side for each registered plugin."""

    def __init__(self, directory, messages):
        self.dir = directory
        self.m = messages
        self.lock = threading.Condition()
        self.endpoints = {}  # resource name -> dict(channel, options, lists, connected)
        self.server = None

    def start(self):
        for name in os.listdir(self.dir):
            path = os.path.join(self.dir, name)
            # A plugin may remove or re-create its socket meanwhile; the kubelet logs that and goes on.
            try:
                if name != "kubelet_internal_checkpoint" and stat.S_ISSOCK(os.lstat(path).st_mode):
                    os.unlink(path)
            except FileNotFoundError:
                pass
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
        handler = grpc.method_handlers_generic_handler("v1beta1.Registration", {
            "Register": grpc.unary_unary_rpc_method_handler(
                self.register,
                request_deserializer=self.m["RegisterRequest"].FromString,
                response_serializer=self.m["Empty"].SerializeToString),
        })
        self.server.add_generic_rpc_handlers((handler,))
        self.server.add_insecure_port("unix:" + os.path.join(self.dir, "kubelet.sock"))
        self.server.start()

    def stop(self):
        with self.lock:
            for endpoint in self.endpoints.values():
                endpoint["channel"].close()
            self.endpoints = {}
        self.server.stop(grace=None)
        sock = os.path.join(self.dir, "kubelet.sock")
        if os.path.exists(sock):
            os.unlink(sock)

    def unary(self, channel, method, request, response_type, timeout=10):
        call = channel.unary_unary("/v1beta1.DevicePlugin/" + method,
                                   request_serializer=lambda r: r if isinstance(r, bytes) else r.SerializeToString(),
                                   response_deserializer=self.m[response_type].FromString)
        return call(request, timeout=timeout)

    def register(self, request, context):
        if request.version != "v1beta1":
            context.abort(grpc.StatusCode.UNKNOWN, 'requested API version "%s" is not supported by kubelet. '
                          'Supported version is "[v1beta1]"' % request.version)
        name = request.resource_name
        if "/" not in name or "kubernetes.io/" in name or name.startswith("requests."):
            context.abort(grpc.StatusCode.UNKNOWN, 'the ResourceName "%s" is invalid' % name)
        channel = grpc.insecure_channel("unix:" + os.path.join(self.dir, request.endpoint),
                                        options=[("grpc.default_authority", "localhost")])
        try:
            grpc.channel_ready_future(channel).result(timeout=10)
            options = self.unary(channel, "GetDevicePluginOptions", self.m["Empty"](), "DevicePluginOptions")
        except Exception as error:  # the kubelet fails Register when it cannot reach the plugin
            channel.close()
            context.abort(grpc.StatusCode.UNKNOWN, "failed to get device plugin options: %s" % error)
        endpoint = {"channel": channel, "options": options, "register": request, "lists": [], "connected": True}
        with self.lock:
            old = self.endpoints.get(name)
            if old:
                old["channel"].close()
            self.endpoints[name] = endpoint
            self.lock.notify_all()
        threading.Thread(target=self.watch, args=(name, endpoint), daemon=True).start()
        return self.m["Empty"]()

    def watch(self, name, endpoint):
        stream = endpoint["channel"].unary_stream("/v1beta1.DevicePlugin/ListAndWatch",
                                                  request_serializer=self.m["Empty"].SerializeToString,
                                                  response_deserializer=self.m["ListAndWatchResponse"].FromString)
        try:
            for response in stream(self.m["Empty"]()):
                with self.lock:
                    endpoint["lists"].append([(d.ID, d.health, [n.ID for n in d.topology.nodes]) for d in response.devices])
                    self.lock.notify_all()
        except grpc.RpcError:
            pass
        with self.lock:
            endpoint["connected"] = False
            self.lock.notify_all()

    def wait(self, predicate, what, timeout=30):
        deadline = time.time() + timeout
        with self.lock:
            while not predicate():
                left = deadline - time.time()
                if left <= 0:
                    check(what, False, "(timed out; endpoints: %s)" % {k: v["lists"][-1:] for k, v in self.endpoints.items()})
                self.lock.wait(left)
        check(what, True)

    def latest(self, name):
        endpoint = self.endpoints.get(name)
        return endpoint["lists"][-1] if endpoint and endpoint["lists"] else None

    def allocate(self, name, ids):
        request = self.m["AllocateRequest"]()
        request.container_requests.add().devices_ids.extend(ids)
        return self.unary(self.endpoints[name]["channel"], "Allocate", request, "AllocateResponse")


def expect_error(what, code, fragment, call):
    try:
        call()
    except grpc.RpcError as error:
        check(what, error.code() == code and fragment in error.details(), "got %s %r" % (error.code(), error.details()))
        return
    check(what, False, "(no error)")


def main():
    # The stand-in MPS control daemon: the plugin runs one per shared GPU, under the work directory.
    workdir, node, mps_control = sys.argv[1], sys.argv[2], sys.argv[3]
    directory = os.path.join(workdir, "device-plugins")
    os.makedirs(directory, mode=0o750, exist_ok=True)
    inventory_path = os.path.join(workdir, "inventory.json")
    small = {"uuid": MIG_SMALL, "profile": "1g.10gb", "gpuInstanceId": 9, "computeInstanceId": 0}
    big = {"uuid": MIG_BIG, "profile": "3g.40gb", "gpuInstanceId": 2, "computeInstanceId": 0}
    with open(inventory_path, "w") as f:
        json.dump(inventory([small]), f)

    m = load_messages(workdir)
    kubelet = Kubelet(directory, m)
    kubelet.start()
    plugin = subprocess.Popen([node, os.path.join(REPO, "bin", "tessera.js"), "device-plugin",
                               "--inventory", inventory_path, "--kubelet-dir", directory,
                               "--mps-control", mps_control, "--mps-root", os.path.join(workdir, "mps")])
    try:
        resources = {"nvidia.com/gpu", "nvidia.com/mig-1g.10gb", "nvidia.com/gpu.shared", "nvidia.com/H100_SXM5_80GB"}
        kubelet.wait(lambda: resources <= set(k for k, e in kubelet.endpoints.items() if e["lists"]),
                     "all four resources registered and listed", timeout=30)
        gpu_endpoint = kubelet.endpoints["nvidia.com/gpu"]
        check("Register carries v1beta1, the socket name and the options",
              gpu_endpoint["register"].version == "v1beta1"
              and gpu_endpoint["register"].endpoint == "tessera-nvidia.com_gpu.sock"
              and gpu_endpoint["register"].options.get_preferred_allocation_available)
        check("GetDevicePluginOptions offers preferred allocation, no pre-start",
              gpu_endpoint["options"].get_preferred_allocation_available and not gpu_endpoint["options"].pre_start_required)
        check("ListAndWatch lists whole GPUs with health and NUMA",
              kubelet.latest("nvidia.com/gpu") == [(u, "Healthy", [0]) for u in H100], str(kubelet.latest("nvidia.com/gpu")))
        check("shared replicas are UUID::N",
              [d[0] for d in kubelet.latest("nvidia.com/gpu.shared")] == [L4 + "::0", L4 + "::1"])

        preferred = m["PreferredAllocationRequest"]()
        preferred.container_requests.add(available_deviceIDs=H100, allocation_size=2)
        answer = kubelet.unary(gpu_endpoint["channel"], "GetPreferredAllocation", preferred, "PreferredAllocationResponse")
        check("GetPreferredAllocation picks the NVLink pair",
              sorted(answer.container_responses[0].deviceIDs) == sorted([H100[0], H100[2]]), str(answer))

        response = kubelet.allocate("nvidia.com/gpu", [H100[0], H100[2]])
        check("Allocate sets NVIDIA_VISIBLE_DEVICES",
              dict(response.container_responses[0].envs) == {"NVIDIA_VISIBLE_DEVICES": H100[0] + "," + H100[2]})
        share = kubelet.allocate("nvidia.com/gpu.shared", [L4 + "::1"]).container_responses[0]
        check("a share gets MPS env with its memory limit and mounts",
              share.envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] == "0=11000M"
              and share.envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] == "50"
              and [mount.container_path for mount in share.mounts] == ["/tmp/nvidia-mps", "/dev/shm"])
        vm = kubelet.allocate("nvidia.com/H100_SXM5_80GB", ["0000:65:00.0"]).container_responses[0]
        check("a VM GPU gets PCI_RESOURCE_ and VFIO device specs",
              dict(vm.envs) == {"PCI_RESOURCE_NVIDIA_COM_H100_SXM5_80GB": "0000:65:00.0"}
              and [(d.host_path, d.permissions) for d in vm.devices] == [("/dev/vfio/vfio", "mrw"), ("/dev/vfio/7", "mrw")])

        expect_error("unknown device ID -> INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT, 'unknown device ID "GPU-bogus"',
                     lambda: kubelet.allocate("nvidia.com/gpu", ["GPU-bogus"]))
        expect_error("two replicas where one is allowed -> INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT,
                     "maximum request size for shared resources",
                     lambda: kubelet.allocate("nvidia.com/gpu.shared", [L4 + "::0", L4 + "::1"]))
        expect_error("garbage bytes -> INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT, "malformed AllocateRequest",
                     lambda: kubelet.unary(gpu_endpoint["channel"], "Allocate", b"\x0a\xff\xff\xff", "AllocateResponse"))
        check("still serving after bad input",
              kubelet.allocate("nvidia.com/gpu", [H100[1]]).container_responses[0].envs["NVIDIA_VISIBLE_DEVICES"] == H100[1])

        # A MIG layout change: 1g.10gb goes, 3g.40gb comes, without restarting the plugin.
        with open(inventory_path + ".new", "w") as f:
            json.dump(inventory([big]), f)
        os.replace(inventory_path + ".new", inventory_path)
        kubelet.wait(lambda: kubelet.latest("nvidia.com/mig-3g.40gb") == [(MIG_BIG, "Healthy", [0])],
                     "new MIG profile advertised after the layout change")
        kubelet.wait(lambda: kubelet.latest("nvidia.com/mig-1g.10gb") == [], "the old profile announced empty")

        # Kubelet restart: the new kubelet deletes the plugin sockets and the plugin must register again.
        kubelet.stop()
        kubelet.start()
        kubelet.wait(lambda: {"nvidia.com/gpu", "nvidia.com/mig-3g.40gb"} <= set(kubelet.endpoints)
                     and kubelet.latest("nvidia.com/gpu") is not None,
                     "re-registered after the kubelet restart")
        check("the old profile did not come back", "nvidia.com/mig-1g.10gb" not in kubelet.endpoints)

        plugin.send_signal(signal.SIGTERM)
        check("plugin exits cleanly on SIGTERM", plugin.wait(timeout=15) == 0)
        kubelet.wait(lambda: not kubelet.endpoints["nvidia.com/gpu"]["connected"], "ListAndWatch stream ends with the plugin")
        check("plugin sockets removed on exit", sorted(os.listdir(directory)) == ["kubelet.sock"], str(os.listdir(directory)))
    finally:
        if plugin.poll() is None:
            plugin.kill()
            plugin.wait()
        kubelet.stop()
    print("%d passed, 0 failed" % passed, flush=True)


if __name__ == "__main__":
    main()
