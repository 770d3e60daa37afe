#!/usr/bin/env bash
# nanoFramework gate: compile the nano-safe sources against nanoFramework's mscorlib, then scan the IL.
# Exits non-zero if either stage fails. See README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

echo "nano-check: compiling nano-safe sources against nanoFramework.CoreLibrary's mscorlib"
build_gate ""
echo "nano-check: building IlScan"
build_ilscan
echo "nano-check: scanning $(gate_dll "")"
scan_gate ""
