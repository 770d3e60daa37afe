#!/usr/bin/env bash
# nanoFramework gate: compile the nano-safe sources against nanoFramework's mscorlib, then scan the IL; then the same
# for the platform code (DeviceFirmware/Nano and the NFUnitTest project) against the signature stand-ins in stubs/.
# Exits non-zero if any stage fails. See README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

echo "nano-check: compiling nano-safe sources against nanoFramework.CoreLibrary's mscorlib"
build_gate ""
echo "nano-check: building IlScan"
build_ilscan
echo "nano-check: scanning $(gate_dll "")"
scan_gate ""

echo "nano-check: compiling DeviceFirmware/Nano against NanoCheck.dll and the package stand-ins (stubs/)"
build_platform adapters ""
echo "nano-check: scanning $(platform_dll adapters) (allowed: $(xargs -n1 basename < "$(dirname "$(platform_dll adapters)")/nano-allowed.paths" | tr '\n' ' '))"
scan_platform adapters

echo "nano-check: compiling DeviceFirmware.NanoTests against NanoCheck.dll and the TestFramework stand-in"
build_platform nftests ""
echo "nano-check: scanning $(platform_dll nftests)"
scan_platform nftests

echo "nano-check: scanning the stand-ins themselves"
scan_stand_ins
