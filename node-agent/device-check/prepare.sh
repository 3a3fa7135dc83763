#!/usr/bin/env bash
# Fills carry/ (git-ignored) so that run.sh works on a GPU machine without Node.js or network:
#   carry/node.xz            this machine's node binary, xz-compressed
#   carry/device-check.mjs   the check and Tessera's NVML binding, bundled into one file by esbuild
#   carry/node_modules/koffi the one runtime module the bundle leaves out (native FFI), with its native binary
#                            (koffi 3 ships it in an optional package, @koromix/koffi-PLATFORM-ARCH)
#   carry/python/            pynvml.py, when this machine has pynvml installed (else the GPU machine's is used)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
carry="$here/carry"

node_bin="$(command -v node)" || { echo "prepare: node is not on PATH" >&2; exit 1; }
[ -x "$repo/node_modules/.bin/esbuild" ] || { echo "prepare: run npm ci in $repo first" >&2; exit 1; }

rm -rf "$carry"
mkdir -p "$carry/node_modules" "$carry/python"
echo "prepare: bundling the device check"
"$repo/node_modules/.bin/esbuild" "$here/deviceCheck.ts" --bundle --platform=node --format=esm --target=node20 \
  --external:koffi --log-level=warning --outfile="$carry/device-check.mjs"
cp -R "$repo/node_modules/koffi" "$carry/node_modules/koffi"
native="$repo/node_modules/@koromix/koffi-linux-x64"
[ -d "$native" ] || { echo "prepare: $native is missing (koffi's native binary for the x86-64 GPU machine)" >&2; exit 1; }
mkdir -p "$carry/node_modules/@koromix"
cp -R "$native" "$carry/node_modules/@koromix/"
echo "prepare: compressing $node_bin ($("$node_bin" --version))"
xz -T0 -6 -c "$node_bin" >"$carry/node.xz"
if python3 -c 'import pynvml' 2>/dev/null; then
  cp "$(python3 -c 'import pynvml; print(pynvml.__file__)')" "$carry/python/pynvml.py"
  echo "prepare: carrying pynvml from this machine"
fi
du -sh "$carry"
echo "prepare: done; on the GPU machine run: node-agent/device-check/run.sh"
