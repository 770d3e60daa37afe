# Shared by run.sh and selftest.sh (sourced, not run). See README.md.
NANO_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NANO_TFM=netstandard2.0   # must match <TargetFramework> in NanoCheck.csproj
ILSCAN_DLL="$NANO_HERE/IlScan/bin/Release/net10.0/IlScan.dll"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# build_ilscan: builds the IL scanner (a normal net10.0 console app).
build_ilscan() {
  dotnet build "$NANO_HERE/IlScan/IlScan.csproj" -c Release -nologo -v:quiet -warnaserror
}

# build_gate OUTROOT [msbuild args...]: compiles NanoCheck.csproj against nano's mscorlib. With an OUTROOT,
# bin/ and obj/ go under it (self-test builds); empty OUTROOT = the project's own bin/ and obj/.
build_gate() {
  local outroot="$1"; shift
  local props=()
  if [[ -n "$outroot" ]]; then
    props+=("-p:BaseOutputPath=$outroot/bin/" "-p:BaseIntermediateOutputPath=$outroot/obj/")
  fi
  dotnet build "$NANO_HERE/NanoCheck.csproj" -c Release -nologo -v:quiet -warnaserror "${props[@]}" "$@"
}

# gate_dll OUTROOT: where build_gate put NanoCheck.dll.
gate_dll() {
  local outroot="${1:-$NANO_HERE}"
  echo "$outroot/bin/Release/$NANO_TFM/NanoCheck.dll"
}

# scan_gate OUTROOT: runs IlScan on that build, checking it references exactly the mscorlib it was compiled against.
scan_gate() {
  local dll; dll="$(gate_dll "$1")"
  local mscorlib; mscorlib="$(cat "$(dirname "$dll")/nano-mscorlib.path")"
  dotnet "$ILSCAN_DLL" "$dll" --mscorlib "$mscorlib"
}

# --- The platform stages: DeviceFirmware/Nano (adapters/) and the NFUnitTest project (nftests/), compiled against
# NanoCheck.dll and the signature stand-ins in stubs/. See README.md, "Stand-ins".

# platform_project NAME: the project file of a platform stage (adapters | nftests).
platform_project() {
  case "$1" in
    adapters) echo "$NANO_HERE/adapters/NanoAdapters.csproj" ;;
    nftests) echo "$NANO_HERE/nftests/NanoUnitTests.csproj" ;;
    *) echo "nano-check: unknown platform stage $1" >&2; return 2 ;;
  esac
}

# platform_dll NAME [OUTROOT]: where build_platform put the stage's assembly.
platform_dll() {
  local name="$1" outroot="${2:-}" project asm
  project="$(platform_project "$name")"
  asm="$(basename "$project" .csproj)"; [[ "$asm" == NanoUnitTests ]] && asm=NFUnitTest
  if [[ -n "$outroot" ]]; then echo "$outroot/bin/$NANO_TFM/$asm.dll"; else echo "$(dirname "$project")/bin/Release/$NANO_TFM/$asm.dll"; fi
}

# build_platform NAME OUTROOT [msbuild args...]: compiles a platform stage (empty OUTROOT = its own bin/ and obj/).
build_platform() {
  local name="$1" outroot="$2"; shift 2
  local props=()
  [[ -n "$outroot" ]] && props+=("-p:NanoOut=$outroot")
  dotnet build "$(platform_project "$name")" -c Release -nologo -v:quiet -warnaserror "${props[@]}" "$@"
}

# scan_platform NAME [OUTROOT]: IlScan with the same rules, allowing exactly the references the stage was compiled
# against (NanoCheck.dll and its stand-ins, listed by the build in nano-allowed.paths) besides nano's mscorlib.
scan_platform() {
  local dll dir
  dll="$(platform_dll "$1" "${2:-}")"; dir="$(dirname "$dll")"
  dotnet "$ILSCAN_DLL" "$dll" --mscorlib "$(cat "$dir/nano-mscorlib.path")" --allow-list "$dir/nano-allowed.paths"
}

# scan_stand_ins: every stand-in assembly must itself pass the IL rules (a stand-in copied with generics would be
# caught here), each allowed to reference only mscorlib and the other stand-ins.
scan_stand_ins() {
  local stubs=() s status=0
  for s in "$NANO_HERE"/stubs/*/bin/Release/$NANO_TFM/*.dll; do
    [[ "$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$s")")")")")" == "$(basename "$s" .dll)" ]] && stubs+=("$s")
  done
  local mscorlib; mscorlib="$(cat "$(dirname "$(platform_dll adapters)")/nano-mscorlib.path")"
  local allow=()
  for s in "${stubs[@]}"; do allow+=(--allow "$s"); done
  for s in "${stubs[@]}"; do
    printf '%s: ' "$(basename "$s" .dll)"
    dotnet "$ILSCAN_DLL" "$s" --mscorlib "$mscorlib" "${allow[@]}" | tail -n 1 || status=1
  done
  return $status
}
