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
