#!/usr/bin/env bash
# Tessera's MPS server and client check for a GPU machine (docs/device-check.md, "Next: MPS servers and a client").
# Starts one MPS control daemon in a private pipe and log directory for one device (GPU 0, or DEVICE=<GPU or MIG
# uuid>), has it start a server for the user nobody, sets that server's own limits with the commands Tessera's agent
# sends, runs two CUDA clients as nobody (mps_client.py: with and without their own variables) and stops the daemon.
# Changes no GPU setting: no compute-mode change, no MIG change, no reset; compute and MIG mode are printed before
# and after. Needs nvidia-smi, nvidia-cuda-mps-control and python3. Usage: mps-server-check.sh
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mps="${MPS_CONTROL:-$(command -v nvidia-cuda-mps-control || echo /usr/local/nvidia/bin/nvidia-cuda-mps-control)}"
device="${DEVICE:-$(nvidia-smi --query-gpu=uuid --format=csv,noheader -i 0)}"
nobody="$(id -u nobody)"
echo "device $device, control $mps, client uid $nobody"
echo "before: $(nvidia-smi --query-gpu=compute_mode,mig.mode.current --format=csv,noheader -i 0)"
dir="$(mktemp -d /tmp/tessera-mps-server-XXXXXX)"
mkdir -p "$dir/pipe" "$dir/log"
chmod 755 "$dir" "$dir/pipe"
export CUDA_VISIBLE_DEVICES="$device" CUDA_MPS_PIPE_DIRECTORY="$dir/pipe" CUDA_MPS_LOG_DIRECTORY="$dir/log"
ask() {
  local answer
  answer="$(echo "$*" | "$mps" 2>&1)"
  echo "> $* -> \"$answer\" (exit $?)"
}
"$mps" -d
echo "daemon: exit $?, PID $(cat "$dir/pipe/nvidia-cuda-mps-control.pid")"
ask set_default_active_thread_percentage 50
ask set_default_device_pinned_mem_limit 0 8192M
ask start_server -uid "$nobody"
sleep 2
ask get_server_list
server="$(echo get_server_list | "$mps" | head -n 1 | tr -dc 0-9)"
echo "server $server: $(ps -o pid=,uid=,comm= -p "$server")"
ask get_active_thread_percentage "$server"
ask set_active_thread_percentage "$server" 25
ask get_active_thread_percentage "$server"
ask get_device_pinned_mem_limit "$server" 0
ask set_device_pinned_mem_limit "$server" 0 4096M
ask get_device_pinned_mem_limit "$server" 0
# A client with its own, lower variables, then one without (the server's 25% and 4 GiB should hold).
CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=20 CUDA_MPS_PINNED_DEVICE_MEM_LIMIT=0=2048M \
  python3 "$here/mps_client.py" "$nobody" 1024 3072 &
client=$!
sleep 2
ask get_client_list "$server"
wait "$client"
echo "client 1: exit $?"
# Whether a server started by start_server outlives its last client decides what the next client gets.
ask get_server_list
env -u CUDA_MPS_ACTIVE_THREAD_PERCENTAGE -u CUDA_MPS_PINNED_DEVICE_MEM_LIMIT \
  python3 "$here/mps_client.py" "$nobody" 3072 6144
echo "client 2: exit $?"
ask get_server_list
ask quit
sleep 2
echo "left running: $(pgrep -a -f nvidia-cuda-mps || echo none)"
echo "after: $(nvidia-smi --query-gpu=compute_mode,mig.mode.current --format=csv,noheader -i 0)"
echo "control.log:"
cat "$dir/log/control.log"
rm -rf "$dir"
