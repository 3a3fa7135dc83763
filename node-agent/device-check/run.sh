#!/usr/bin/env bash
# Tessera's hardware check: prints our NVML binding's view of every GPU next to nvidia-smi's and pynvml's and
# fails on any difference. Strictly read-only: no MIG mode change, no instance created or destroyed, no reset.
# Needs only what prepare.sh put in carry/ (no Node.js, no network). Usage: run.sh [REPORT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
carry="$here/carry"
report="${1:-$carry/report}"

if [ ! -f "$carry/device-check.mjs" ] || [ ! -f "$carry/node.xz" ]; then
  echo "run: $carry is not prepared; run node-agent/device-check/prepare.sh on a machine with Node.js first" >&2
  exit 2
fi
node_bin="$carry/node"
if [ ! -x "$node_bin" ]; then
  if command -v xz >/dev/null 2>&1; then
    xz -dc "$carry/node.xz" >"$node_bin.tmp"
  else
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' \
      "$carry/node.xz" "$node_bin.tmp"
  fi
  chmod +x "$node_bin.tmp"
  mv "$node_bin.tmp" "$node_bin"
fi
export PYTHONPATH="$carry/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$node_bin" "$carry/device-check.mjs" --pynvml-script "$here/pynvml_view.py" --report "$report"
