#!/usr/bin/env bash
# Instruction profiles (valgrind --tool=callgrind) of the batch of bar charts to PNG
# and of the default brief. Needs valgrind (apt-get install valgrind) and the release
# builds of `make bench`. Writes bench/out/callgrind.*.out and prints the top costs.
#   bench/profile.sh [CHARTS]     CHARTS defaults to 10 (about 1.5 minutes under valgrind; 1,000 would take hours)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${BENCH_SCRATCH:-.build-bench}
charts=${1:-10}
mkdir -p bench/out/profile
# valgrind 3.19 cannot read Swift 6's DWARF 5: profile copies without debug info (symbols stay).
for b in brief-bench brief; do cp "$scratch/release/$b" "bench/out/profile/$b" && strip --strip-debug "bench/out/profile/$b"; done
valgrind --tool=callgrind --callgrind-out-file=bench/out/callgrind.batch.out \
  bench/out/profile/brief-bench child "batch-png-$charts" bench/out/profile/report.json 2>/dev/null
valgrind --tool=callgrind --callgrind-out-file=bench/out/callgrind.brief.out \
  bench/out/profile/brief build seeds/briefs/monthly.md -o bench/out/profile/brief-out 2>/dev/null
for p in batch brief; do
  echo "== $p: inclusive"
  callgrind_annotate --inclusive=yes bench/out/callgrind.$p.out 2>/dev/null | head -60 | tail -45
  echo "== $p: self"
  callgrind_annotate bench/out/callgrind.$p.out 2>/dev/null | head -40 | tail -25
done
