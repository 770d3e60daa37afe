#!/usr/bin/env bash
# Proves the nanoFramework gate can fail: pushes each fixtures/*.cs, one at a time and together with the
# real nano-safe sources, through the same gate (compile against nano's mscorlib, then IlScan) and
# asserts that the gate rejects it, at the stage and with the message named by the fixture's first line
#   // nano-gate-expect: compile <text in the compiler output>
#   // nano-gate-expect: il <text in IlScan's findings>
# Fixture builds go to obj/selftest/<name>/ so they never touch the real build.
# Also checks IlScan's assembly-reference rule on an assembly that references the .NET BCL.
# Exits non-zero if any fixture got through the gate or was caught for another reason than expected.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

work="$NANO_HERE/obj/selftest"
rm -rf "$work"
mkdir -p "$work"
build_ilscan

failures=0
count=0
for fixture in "$NANO_HERE"/fixtures/*.cs; do
  name="$(basename "$fixture" .cs)"
  count=$((count + 1))
  expect="$(head -n 1 "$fixture" | sed -n 's|^// nano-gate-expect: *||p')"
  want_stage="${expect%% *}"
  want_text="${expect#* }"
  if [[ "$want_stage" != compile && "$want_stage" != il ]] || [[ -z "$want_text" || "$want_text" == "$expect" ]]; then
    echo "FAIL $name: first line must be '// nano-gate-expect: compile|il <text>'"
    failures=$((failures + 1)); continue
  fi

  out="$work/$name"
  log="$work/$name.log"
  stage=passed
  if ! build_gate "$out" "-p:ExtraNanoSource=$fixture" >"$log" 2>&1; then
    stage=compile
  elif ! scan_gate "$out" >>"$log" 2>&1; then
    stage=il
  fi

  first="$(grep -m1 -iF -- "$want_text" "$log" | sed 's/^ *//' || true)"
  if [[ "$stage" == passed ]]; then
    echo "FAIL $name: got through the gate (expected the $want_stage stage to catch it)"
    failures=$((failures + 1))
  elif [[ "$stage" != "$want_stage" ]]; then
    echo "FAIL $name: caught by the $stage stage, expected $want_stage ('$want_text'); see $log"
    failures=$((failures + 1))
  elif [[ -z "$first" ]]; then
    echo "FAIL $name: caught by the $stage stage but not for '$want_text'; see $log"
    failures=$((failures + 1))
  else
    echo "ok   $name: caught by the $stage stage: ${first:0:200}"
  fi
done

# The platform stage (DeviceFirmware/Nano against the stand-ins): each fixtures/adapters/*.cs is pushed through it alone.
for fixture in "$NANO_HERE"/fixtures/adapters/*.cs; do
  name="adapters/$(basename "$fixture" .cs)"
  count=$((count + 1))
  expect="$(head -n 1 "$fixture" | sed -n 's|^// nano-gate-expect: *||p')"
  want_stage="${expect%% *}"
  want_text="${expect#* }"
  out="$work/adapters-$(basename "$fixture" .cs)"
  log="$out.log"
  stage=passed
  if ! build_platform adapters "$out" "-p:ExtraNanoPlatformSource=$fixture" >"$log" 2>&1; then
    stage=compile
  elif ! scan_platform adapters "$out" >>"$log" 2>&1; then
    stage=il
  fi
  first="$(grep -m1 -iF -- "$want_text" "$log" | sed 's/^ *//' || true)"
  if [[ "$stage" == passed ]]; then
    echo "FAIL $name: got through the platform stage (expected the $want_stage stage to catch it)"
    failures=$((failures + 1))
  elif [[ "$stage" != "$want_stage" || -z "$first" ]]; then
    echo "FAIL $name: caught by the $stage stage, expected $want_stage ('$want_text'); see $log"
    failures=$((failures + 1))
  else
    echo "ok   $name: caught by the $stage stage: ${first:0:200}"
  fi
done

# The allow-list is per stage: the adapters assembly, scanned with the core's rules (no --allow), must fail on its
# stand-in references. (run.sh has built it; a selftest run on its own builds it here.)
count=$((count + 1))
[[ -f "$(platform_dll adapters)" ]] || build_platform adapters "" >"$work/adapters-build.log" 2>&1
adapters_dir="$(dirname "$(platform_dll adapters)")"
if dotnet "$ILSCAN_DLL" "$(platform_dll adapters)" --mscorlib "$(cat "$adapters_dir/nano-mscorlib.path")" >"$work/adapters-strict.log" 2>&1; then
  echo "FAIL stand-in references: the core's rules accepted an assembly that references the stand-ins"
  failures=$((failures + 1))
else
  echo "ok   stand-in references without --allow: caught by the il stage: $(grep -m1 'nanoFramework.M2Mqtt,' "$work/adapters-strict.log")"
fi

# The allow-list is exact: leave one real reference (NanoCheck.dll) out of it and the scan fails on that reference.
count=$((count + 1))
if dotnet "$ILSCAN_DLL" "$(platform_dll adapters)" --mscorlib "$(cat "$adapters_dir/nano-mscorlib.path")" \
     $(grep -v '/NanoCheck.dll$' "$adapters_dir/nano-allowed.paths" | sed 's/^/--allow /') >"$work/adapters-partial.log" 2>&1; then
  echo "FAIL allow-list: NanoAdapters.dll passed without NanoCheck.dll among the allowed references"
  failures=$((failures + 1))
else
  echo "ok   allow-list is exact: caught by the il stage: $(grep -m1 '^assembly reference: NanoCheck' "$work/adapters-partial.log")"
fi

# The assembly-reference rule: IlScan itself is a net10.0 assembly referencing System.Runtime & co.
count=$((count + 1))
if dotnet "$ILSCAN_DLL" "$ILSCAN_DLL" >"$work/IlScan-self.log" 2>&1; then
  echo "FAIL assembly-reference rule: IlScan accepted a .NET (BCL-referencing) assembly"
  failures=$((failures + 1))
else
  echo "ok   assembly-reference rule: caught by the il stage: $(grep -m1 '^assembly reference' "$work/IlScan-self.log")"
fi

echo "nano-check selftest: $((count - failures)) of $count cases rejected as expected, $failures failed"
[[ "$failures" -eq 0 ]]
