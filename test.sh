#!/usr/bin/env bash
# The one test command (README): set-up, build with warnings as errors, every test, the nanoFramework gate.
# Works on a fresh machine with only the .NET SDK; NuGet packages are restored here.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== tools"
# Debian's mosquitto is the independent broker (and mosquitto_pub/_sub the independent app) of the interop tests.
if ! command -v mosquitto >/dev/null || ! command -v mosquitto_sub >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq mosquitto mosquitto-clients >/dev/null
fi
mosquitto -h 2>/dev/null | head -1 || true

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
