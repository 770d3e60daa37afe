#!/usr/bin/env bash
# The demo (README): the whole loop on this machine. The mock cloud (M2M broker + GService) starts, the firmware
# starts on the simulated board, registers itself and connects; an App user registers, binds the device and
# controls it with gizctl while a second gizctl watches the broadcasts. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Waits (up to $3 seconds) for a line matching $2 in file $1 and prints it.
wait_for() {
  for _ in $(seq 1 $(( ${3:-30} * 10 ))); do
    if line=$(grep -m1 -E "$2" "$1" 2>/dev/null); then echo "$line"; return 0; fi
    sleep 0.1
  done
  echo "demo: '$2' did not appear in $1:" >&2; tail -20 "$1" >&2; exit 1
}
# The simulated board's control API (curl when present, else the same request through bash's /dev/tcp).
sim() {
  local method=$1 path=$2 body=${3:-}
  if [ -z "${DEMO_NO_CURL:-}" ] && command -v curl >/dev/null; then
    # HttpListener wants a Content-Length on POST/PUT: -d always sends one (0 for an empty body).
    if [ "$method" = GET ]; then curl -s "$sim_url$path"; else curl -s -X "$method" -d "$body" "$sim_url$path"; fi; echo
  else
    exec 3<>"/dev/tcp/127.0.0.1/$sim_port"
    printf '%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: %s\r\n\r\n%s' "$method" "$path" "${#body}" "$body" >&3
    sed -n '/^\r$/,$p' <&3 | tail -n +2; echo; exec 3<&-
  fi
}

step "Building (Release)"
dotnet build DeviceFirmware.sln -c Release -v quiet -nologo | grep -E 'error|Warn|Elapsed' || true
gizctl() { dotnet DeviceFirmware.MockCloud/bin/Release/net10.0/gizctl.dll "$@"; }
export GIZCTL_SESSION="$work/session.json"

step "Starting the mock cloud: GService (HTTP) + M2M (MQTT), free ports, database in $work"
dotnet DeviceFirmware.MockCloud/bin/Release/net10.0/gizctl.dll cloud serve --http 127.0.0.1:0 --mqtt 127.0.0.1:0 \
  --mqtts off --db "$work/cloud.db" --appid demo-app >"$work/cloud.log" 2>&1 &
pids+=($!)
ready=$(wait_for "$work/cloud.log" 'mock cloud ready:')
gservice=$(sed -E 's/.*gservice=([^ ]*).*/\1/' <<<"$ready")

step "Starting the firmware on the simulated board: it registers itself (POST /dev/devices) and connects"
dotnet DeviceFirmware/bin/Release/net10.0/DeviceFirmware.dll --board simulated --product hardware/products/gokit.json \
  --gservice "$gservice" --state-file "$work/device.json" --sim-control 127.0.0.1:0 >"$work/firmware.log" 2>&1 &
pids+=($!)
sim_url=$(wait_for "$work/firmware.log" 'control API at' | sed -E 's#.*(http://[^ ]*)/.*#\1#')
sim_port=${sim_url##*:}
wait_for "$work/firmware.log" 'Connected to'
did=$(sed -E 's/.*"did":"([^"]*)".*/\1/' "$work/device.json")
passcode=$(sed -E 's/.*"passcode":"([^"]*)".*/\1/' "$work/device.json")
echo "device DID $did (passcode kept in its state file)"

step "An App user registers and binds the device"
gizctl app register --cloud "$gservice" --appid demo-app --username demo --password 'demo-password-1'
gizctl app bind --did "$did" --passcode "$passcode" --remark "demo board"
gizctl app devices

step "A second terminal would watch the device: gizctl app watch (here in the background for 15 s)"
gizctl app watch --did "$did" --seconds 15 >"$work/watch.log" 2>&1 &
watch_pid=$!
sleep 2

step "Relay on, LED red 100, with sn: the device answers 0x0094 and broadcasts its status"
gizctl app send --did "$did" --write Relay=true --write LED_R=100 --sn
echo "relay pin on the board: $(sim GET /pins/17)"

step "Read the full status (0x0093 read -> 0x0094)"
gizctl app send --did "$did" --read

step "Press the button on the simulated board: the device broadcasts Button=true at once"
sim POST /pins/27/press
sleep 0.3
sim POST /pins/27/release

step "Too hot: 45 C sets Alert_Over_Temperature (the sensor is polled every 2 s)"
sim PUT /sensor '{"temperature": 45.0, "humidity": 35}'
sleep 2.5

step "Log level Info and indicator LED off (0x0010 -> 0x0011)"
gizctl app settings --did "$did" --log-level 3 --led off
echo "indicator LED pin: $(sim GET /pins/25)"

step "Unplug the sensor: Fault_Sensor set, and a Warning log reaches the App (0x0012)"
sim POST /sensor/fail
sleep 2.5

step "What the watching App saw"
wait "$watch_pid" || true
cat "$work/watch.log"

step "Stopping the firmware (SIGTERM): outputs to their safe level, clean disconnect -> the App sees offline"
kill -TERM "${pids[1]}"
wait "${pids[1]}" || true
wait_for "$work/cloud.log" "device $did offline"
echo
echo "Logs: mock cloud and firmware logs were in $work (removed on exit). Try the steps yourself: README, 'A walk through gizctl'."
