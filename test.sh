#!/usr/bin/env bash
# The one test command (README): set-up, build with warnings as errors, every test, the nanoFramework gate.
# Works on a fresh machine with only the .NET SDK; NuGet packages are restored here.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== tools"
# Debian packages the tests drive, installed only when missing:
# - mosquitto (+ _pub/_sub): the independent broker and app of the interop tests;
# - iproute2 + nftables: the HIL network-fault tests (firmware in its own netns, faults injected with nft; root only);
# - qemu-user + the arm64 C/C++ runtime: the firmware's linux-arm64 build run under qemu-aarch64 (the Pi's CPU);
# - chromium: the web console's browser tests (Playwright drives Debian's chromium; its own browser download cannot work).
# - clang, lld, llvm (llvm-objcopy) + the arm64 C start files and libgcc: the NativeAOT cross-compile of the Pi binary.
has() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
need=()
{ has mosquitto && has mosquitto_sub; } || need+=(mosquitto mosquitto-clients)
has ip || need+=(iproute2)
has nft || need+=(nftables)
has qemu-aarch64 || need+=(qemu-user)
[ -e /usr/aarch64-linux-gnu/lib/libc.so.6 ] || need+=(libc6-arm64-cross)
[ -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ] || need+=(libstdc++6-arm64-cross)
[ -e /usr/aarch64-linux-gnu/lib/libgcc_s.so.1 ] || need+=(libgcc-s1-arm64-cross)
[ -x /usr/bin/chromium ] || need+=(chromium)
has clang || need+=(clang)
has ld.lld || need+=(lld)
has llvm-objcopy || need+=(llvm)
[ -e /usr/aarch64-linux-gnu/lib/crt1.o ] || need+=(libc6-dev-arm64-cross)
[ -e /usr/lib/gcc-cross/aarch64-linux-gnu/12/crtbegin.o ] || need+=(libgcc-12-dev-arm64-cross)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "installing: ${need[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mosquitto -h 2>/dev/null | head -1 || true
qemu-aarch64 --version 2>/dev/null | head -1 || true
nft --version 2>/dev/null || true
/usr/bin/chromium --version 2>/dev/null || true

echo "== restore"
dotnet restore DeviceFirmware.sln

echo "== build (warnings are errors)"
dotnet build DeviceFirmware.sln -c Release --no-restore

echo "== nanoFramework gate"
bash build/nano-check/run.sh
bash build/nano-check/selftest.sh

echo "== tests"
log=$(mktemp)
set +e
dotnet test DeviceFirmware.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then
  echo "test.sh: FAILED" >&2
  exit 1
fi
echo "test.sh: OK"
