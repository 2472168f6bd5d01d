#!/bin/bash
# Runs the libFuzzer targets built by fuzz/build.sh, each for FUZZ_RUNS executions (default
# 1,000,000) or FUZZ_MAX_SECONDS (default 3600), whichever comes first, starting from a seed
# corpus made of the repository's files and every input in Tests/FuzzCorpus/TARGET.
# ASan keeps no allocation stacks (FUZZ_ASAN_OPTIONS to change), for speed: rerun a finding
# with ASAN_OPTIONS=malloc_context_size=30 for a full report.
# A crash leaves its input in fuzz/.build/artifacts/TARGET/: copy it into
# Tests/FuzzCorpus/TARGET/ (swift test replays that folder) once it is fixed.
#
#   fuzz/run.sh                 # every target
#   fuzz/run.sh FuzzEDTF        # one
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${FUZZ_BUILD:-fuzz/.build}
RUNS=${FUZZ_RUNS:-1000000}
SECONDS_EACH=${FUZZ_MAX_SECONDS:-3600}
ALL=(FuzzReportedValue FuzzEDTF FuzzDataset FuzzStyle FuzzChartSpec FuzzBrief FuzzExpression FuzzExtract)
export SWIFT_BACKTRACE=enable=no
export FUZZ_STYLES=$PWD/styles

# seed TARGET DIR: writes the seed inputs of TARGET into DIR.
seed() {
  local t=$1 dir=$2 i=0
  mkdir -p "$dir"
  case $t in
    FuzzReportedValue)
      sed -n 's/^ *\(value\|rate\): *"\{0,1\}\([^"]*\)"\{0,1\} *$/\2/p' seeds/observations.yaml seeds/rates.yaml |
        while IFS= read -r v; do i=$((i + 1)); printf '%s' "$v" > "$dir/value-$i"; done ;;
    FuzzEDTF)
      sed -n 's/^ *\(period\|date\|published\): *"\{0,1\}\([^"]*\)"\{0,1\} *$/\2/p' seeds/*.yaml |
        while IFS= read -r v; do i=$((i + 1)); printf '%s' "$v" > "$dir/date-$i"; done
      # Every example of the EDTF test list, accepted or not (the second field of each line).
      grep -v '^#' Tests/BriefModelTests/EDTFExamples.txt | awk -F'|' 'NF == 6 { gsub(/^ +| +$/, "", $2); print $2 }' |
        while IFS= read -r v; do i=$((i + 1)); printf '%s' "$v" > "$dir/example-$i"; done ;;
    FuzzDataset)
      # The first byte chooses the file the input replaces: 0 observations, 1 sources, 2 events, 3 rates.
      local n=0
      for f in observations sources events rates; do
        { printf "\\x0$n"; cat "seeds/$f.yaml"; } > "$dir/$f.yaml"; n=$((n + 1))
      done
      for f in Tests/BadInputs/*/seeds/*.yaml; do
        [ -e "$f" ] || continue
        case $(basename "$f") in observations.yaml) n=0 ;; sources.yaml) n=1 ;; events.yaml) n=2 ;; *) n=3 ;; esac
        i=$((i + 1)); { printf "\\x0$n"; head -c 20000 "$f"; } > "$dir/bad-$i.yaml"
      done ;;
    FuzzStyle) cp styles/*.yaml "$dir/"; for f in Tests/BadInputs/*/styles/*.yaml; do [ -e "$f" ] && { i=$((i + 1)); cp "$f" "$dir/bad-$i.yaml"; }; done ;;
    FuzzChartSpec)
      cp seeds/charts.yaml "$dir/"
      for f in Tests/BadInputs/*/*.yaml; do [ -e "$f" ] && { i=$((i + 1)); head -c 20000 "$f" > "$dir/bad-$i.yaml"; }; done ;;
    FuzzExpression)
      # Even first byte: a formula (every formula and let of seeds/derived.yaml); odd: a derived.yaml.
      sed -n 's/^ *\(formula\|[a-z_]*\): *"\{0,1\}\(.*[()].*\)"\{0,1\} *$/\2/p' seeds/derived.yaml |
        while IFS= read -r v; do i=$((i + 1)); { printf '\x00'; printf '%s' "$v"; } > "$dir/formula-$i"; done
      { printf '\x01'; cat seeds/derived.yaml; } > "$dir/derived.yaml"
      for f in Tests/BadInputs/*/seeds/derived.yaml; do
        [ -e "$f" ] || continue
        i=$((i + 1)); { printf '\x01'; head -c 20000 "$f"; } > "$dir/bad-$i.yaml"
      done ;;
    FuzzExtract)
      cp README.md seeds/briefs/*.md "$dir/"
      printf 'Up to 10,000 workers left in late January; bribes of USD 3,500 to 4,000, about $800 monthly.\n' > "$dir/figures"
      [ -d ../shared/seeds ] && cp ../shared/seeds/*.txt "$dir/" 2>/dev/null ;;
    FuzzBrief)
      cp seeds/briefs/*.md "$dir/"
      for f in Tests/BadInputs/*/briefs/*.md; do [ -e "$f" ] && { i=$((i + 1)); cp "$f" "$dir/bad-$i.md"; }; done ;;
  esac
  if [ -d "Tests/FuzzCorpus/$t" ]; then cp Tests/FuzzCorpus/"$t"/* "$dir/" 2>/dev/null; fi
}

status=0
for t in "${@:-${ALL[@]}}"; do
  [ -x "$OUT/$t" ] || { echo "fuzz/run.sh: $OUT/$t is not built (fuzz/build.sh)" >&2; exit 2; }
  rm -rf "$OUT/seeds/$t"
  seed "$t" "$OUT/seeds/$t"
  mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
  echo "fuzz/run.sh: $t: up to $RUNS runs or ${SECONDS_EACH}s"
  leaks=1
  start=$(date +%s)
  ASAN_OPTIONS=${FUZZ_ASAN_OPTIONS:-detect_leaks=$leaks:malloc_context_size=0} TMPDIR=${FUZZ_TMPDIR:-/dev/shm} "$OUT/$t" -runs="$RUNS" -detect_leaks=$leaks -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t/" "$OUT/corpus/$t" "$OUT/seeds/$t" \
    > "$OUT/$t.log" 2>&1
  code=$?
  end=$(date +%s)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$t.log" | tail -1)
  echo "fuzz/run.sh: $t: exit $code, ${runs:-?} executions in $((end - start))s$([ $code -ne 0 ] && echo "; FINDING, see $OUT/$t.log and $OUT/artifacts/$t/")"
  [ $code -ne 0 ] && status=1
done
exit $status
