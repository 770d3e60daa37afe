#!/usr/bin/env bash
# The demo (README): the codec end to end through gizctl, on the public example frames and the
# reference product. The full loop (mock cloud + firmware on the simulated board + app) replaces this
# when the mock cloud lands.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build DeviceFirmware.MockCloud -c Release -v quiet -nologo >/dev/null
gizctl() { dotnet DeviceFirmware.MockCloud/bin/Release/net10.0/gizctl.dll "$@"; }
product=hardware/products/gokit.json

echo "== The public example frames (../shared/vectors/frames.tsv), decoded"
grep -v '^#' DeviceFirmware.Tests/Vectors/frames.tsv | while IFS=$'\t' read -r name _ hex _; do
  [ "$name" = varlen-2 ] && continue   # 200 zero bytes: long and dull
  printf '%-18s %s\n' "$name" "$(gizctl frame decode "$hex")"
done

echo
echo "== An app turns the GoKit relay on, sets the LED to Pink and the motor to -5 (P0 write, action 0x01)"
p0=$(gizctl p0 encode --product "$product" --write Relay=true LED_Color=Pink Motor_Speed=-5)
echo "P0 business data:   $p0"
frame=$(gizctl frame encode --command 0x0093 --sn 42 --body "$p0")
echo "0x0093 frame, sn 42: $frame"
echo "decoded frame:       $(gizctl frame decode "$frame")"
body=$(gizctl frame decode "$frame" | sed -E 's/.*"body":"([0-9a-f]*)".*/\1/')
echo "decoded P0:          $(gizctl p0 decode --product "$product" "$body")"

echo
echo "== The device reports its status (action 0x04): Temperature raw 615 -> 21.5 C (ratio 0.1, addition -40)"
echo "$(gizctl p0 decode --product "$product" 04 01 05 0a 14 1e 08 01 02 67 28 01 00)"

echo
echo "== Bad input gets a named error and the offset where it went wrong (exit code 2)"
set +e
printf 'varlen says 5, 3 bytes follow:  '; gizctl frame decode 0000000305000010; echo "  (exit $?)"
printf 'Motor_Speed 9 is out of range:  '; gizctl p0 encode --product "$product" --write Motor_Speed=9; echo "  (exit $?)"
set -e
