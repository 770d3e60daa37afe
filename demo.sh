#!/usr/bin/env bash
# The demo (README's first command): builds, then runs `gizctl demo` — the mock cloud (M2M + GService), a firmware
# on the simulated board that registers itself, and an App controlling it live; it stays up for another terminal
# until Ctrl+C. Arguments go to `gizctl demo` (e.g. --no-wait, --http 127.0.0.1:0). Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building (Release)..."
dotnet build DeviceFirmware.sln -c Release -v quiet -nologo | grep -E ' error |rror\(s\)' || true
exec dotnet DeviceFirmware.MockCloud/bin/Release/net10.0/gizctl.dll demo "$@"
