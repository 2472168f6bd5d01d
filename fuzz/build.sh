#!/bin/bash
# Builds the libFuzzer targets into fuzz/.build (or $FUZZ_BUILD): the package's modules and
# Yams are compiled from source with -sanitize=fuzzer,address (CYaml, a C target, with clang),
# then each target links its fuzz/Fuzz*.swift file against them.
#
#   fuzz/build.sh            # every target
#   fuzz/build.sh FuzzEDTF   # one
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT_BIN=${SWIFT_BIN:-$( [ -x /opt/swift/usr/bin/swiftc ] && echo /opt/swift/usr/bin || dirname "$(command -v swiftc)")}
SWIFTC="$SWIFT_BIN/swiftc"
CLANG="$SWIFT_BIN/clang"
OUT=${FUZZ_BUILD:-fuzz/.build}
YAMS=${YAMS_DIR:-}
for candidate in .build/checkouts/Yams .build-robust/checkouts/Yams .build-*/checkouts/Yams; do
  [ -z "$YAMS" ] && [ -d "$candidate/Sources/Yams" ] && YAMS=$candidate
done
[ -n "$YAMS" ] || { echo "fuzz/build.sh: Yams sources not found; run 'swift package resolve' first" >&2; exit 2; }
CYAML_INC="$YAMS/Sources/CYaml/include"
SAN="-sanitize=fuzzer,address"
SWIFTFLAGS=(-O -g -parse-as-library -swift-version 6 -DSWIFT_PACKAGE -I "$OUT" -I "$CYAML_INC" -I Sources/CCmark)
mkdir -p "$OUT"

# newer TARGET SOURCES...: whether TARGET is missing or older than any source.
newer() {
  local target=$1; shift
  [ -e "$target" ] || return 0
  for s in "$@"; do [ "$s" -nt "$target" ] && return 0; done
  return 1
}

# The C part of Yams.
cyaml=()
for c in "$YAMS"/Sources/CYaml/src/*.c; do
  o="$OUT/cyaml-$(basename "$c" .c).o"
  if newer "$o" "$c"; then
    "$CLANG" -c -O1 -g -fsanitize=fuzzer-no-link,address -I "$CYAML_INC" "$c" -o "$o"
  fi
  cyaml+=("$o")
done

# module NAME SOURCES...: a Swift module as one object file plus its .swiftmodule.
module() {
  local name=$1; shift
  if newer "$OUT/$name.o" "$@"; then
    echo "fuzz/build.sh: compiling $name"
    "$SWIFTC" "${SWIFTFLAGS[@]}" $SAN -module-name "$name" -wmo -c "$@" \
      -emit-module -emit-module-path "$OUT/$name.swiftmodule" -o "$OUT/$name.o"
  fi
}

module Yams "$YAMS"/Sources/Yams/*.swift
module BriefModel $(find Sources/BriefModel -name '*.swift' | sort)
module BriefScene $(find Sources/BriefScene -name '*.swift' | sort)
module BriefCharts $(find Sources/BriefCharts -name '*.swift' | sort)
module BriefDocument $(find Sources/BriefDocument -name '*.swift' | sort)
module BriefExtract $(find Sources/BriefExtract -name '*.swift' | sort)

# target NAME MODULES...: an executable from fuzz/NAME.swift.
target() {
  local name=$1; shift
  local objects=("${cyaml[@]}")
  for m in "$@"; do objects+=("$OUT/$m.o"); done
  local extra=()
  [ "$name" = FuzzChartSpec ] && extra=(Tests/BriefTestSupport/FixedMeasurer.swift)
  if newer "$OUT/$name" "fuzz/$name.swift" "${extra[@]}" "${objects[@]}"; then
    echo "fuzz/build.sh: linking $name"
    "$SWIFTC" "${SWIFTFLAGS[@]}" $SAN -module-name "$name" "fuzz/$name.swift" "${extra[@]}" "${objects[@]}" \
      -lcmark-gfm -lcmark-gfm-extensions -o "$OUT/$name"
  fi
}

ALL=(FuzzReportedValue FuzzEDTF FuzzDataset FuzzStyle FuzzChartSpec FuzzBrief FuzzExpression FuzzExtract)
WANTED=("${@:-${ALL[@]}}")
for t in "${WANTED[@]}"; do
  case $t in
    FuzzReportedValue | FuzzEDTF | FuzzDataset | FuzzExpression) target "$t" Yams BriefModel ;;
    FuzzStyle | FuzzChartSpec) target "$t" Yams BriefModel BriefScene BriefCharts ;;
    FuzzBrief) target "$t" Yams BriefModel BriefScene BriefCharts BriefDocument ;;
    FuzzExtract) target "$t" Yams BriefModel BriefExtract ;;
    *) echo "fuzz/build.sh: unknown target $t (targets: ${ALL[*]})" >&2; exit 2 ;;
  esac
done
