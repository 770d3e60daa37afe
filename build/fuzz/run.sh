#!/usr/bin/env bash
# Long coverage-guided fuzz run of one harness under AFL++ (issue 8; docs/security.md "Running the long fuzz").
#   build/fuzz/run.sh <frame|p0|identity|dispatcher|dispatcher-sim> <seconds>
# Installs afl++ (Debian) and the SharpFuzz instrumenter (dotnet tool) when missing, publishes the fuzz project to
# build/fuzz/out/<harness>/bin, instruments the code under test there (never the normal build output), writes the
# seed corpus from the public vectors, runs afl-fuzz for <seconds>, then prints execs, paths and findings and replays
# every crash through the harness so its broken invariant is printed. Exit 0 when nothing was found, 1 otherwise.
# Several harnesses may run at once (they share no output folder; AFL_NO_AFFINITY lets them share the cores).
set -euo pipefail

harness="${1:-}"
seconds="${2:-}"
case "$harness" in
  frame|p0|identity|dispatcher|dispatcher-sim) ;;
  *) echo "usage: $0 <frame|p0|identity|dispatcher|dispatcher-sim> <seconds>" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 $harness <seconds>" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$repo/build/fuzz/out/$harness"
bin="$out/bin"
plain="$out/plain"
export PATH="$PATH:$HOME/.dotnet/tools"

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++ ..."
  (apt-get update -qq && apt-get install -y -qq afl++) >/dev/null
fi
if ! command -v sharpfuzz >/dev/null; then
  echo "installing the SharpFuzz instrumenter ..."
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

# One publish at a time: parallel runs share the project's obj/ folder.
rm -rf "$bin"
mkdir -p "$out"
(
  flock 9
  dotnet publish "$repo/DeviceFirmware.Fuzz/DeviceFirmware.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet >/dev/null
) 9>"$repo/build/fuzz/out/.publish.lock"

rm -rf "$out/seeds" "$out/findings" "$plain"
dotnet "$bin/DeviceFirmware.Fuzz.dll" seeds "$repo/DeviceFirmware.Tests/Vectors/frames.tsv" "$out/seeds"
# An uninstrumented copy replays findings: instrumented code only runs under afl-fuzz.
cp -r "$bin" "$plain"

# Instrument only the code under test, so AFL's coverage map is about it and not the runtime.
targets=(DeviceFirmware.Protocol.dll)
case "$harness" in dispatcher|dispatcher-sim) targets+=(DeviceFirmware.Core.dll DeviceFirmware.dll) ;; esac
for dll in "${targets[@]}"; do
  sharpfuzz "$bin/$dll" >/dev/null
done


echo "fuzzing $harness for $seconds s (instrumented: ${targets[*]}) ..."
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$out/seeds/$harness" -o "$out/findings" -t 10000 -m none -V "$seconds" \
  -- dotnet "$bin/DeviceFirmware.Fuzz.dll" "$harness" > "$out/afl.log" 2>&1 || true

stats="$out/findings/default/fuzzer_stats"
[[ -f "$stats" ]] || { echo "afl-fuzz did not start; see $out/afl.log" >&2; tail -20 "$out/afl.log" >&2; exit 1; }
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "harness=$harness run_time=$(field run_time)s execs=$(field execs_done) execs_per_sec=$(field execs_per_sec) paths=$(field corpus_count) crashes=$(field saved_crashes) hangs=$(field saved_hangs) stability=$(field stability)"

crashes=("$out/findings/default/crashes"/id:*)
if [[ -e "${crashes[0]}" ]]; then
  echo "crashes (replayed through the harness):"
  dotnet "$plain/DeviceFirmware.Fuzz.dll" "$harness" --replay "${crashes[@]}" || true
  exit 1
fi
[[ "$(field saved_hangs)" == "0" ]] || { echo "hangs in $out/findings/default/hangs"; exit 1; }
echo "no findings"
