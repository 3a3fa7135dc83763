// Constants of the kubelet device-plugin API (fact sheet §1.3), apart from DevicePluginApi.ts, which loads the
// .proto when imported: settings and flags need these without the gRPC definitions.
export const API_VERSION = "v1beta1";
export const DEFAULT_DEVICE_PLUGIN_DIR = "/var/lib/kubelet/device-plugins";
export const KUBELET_SOCKET_NAME = "kubelet.sock";
export const KUBELET_CHECKPOINT_NAME = "kubelet_internal_checkpoint";
