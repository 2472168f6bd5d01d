#!/usr/bin/env bash
# Issue 16: scores `brief extract` and quantulum3 on the gold list of the five reference articles by
# the same rules (`brief extract --evaluate`), times extraction of a 5,000-word article, and writes
# bench/EXTRACT.md. Usage: bench/extract.sh [ARTICLES_DIR] (default ../shared/seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-../shared/seeds}
gold=Tests/ExtractGold/reference-articles.tsv
brief=${BRIEF:-.build/release/brief}
venv=bench/.venv-extract
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q -r bench/peers/extract-requirements.txt
mkdir -p bench/out
"$venv/bin/python" bench/extract_peer.py "$gold" "$articles" > bench/out/quantulum3.tsv 2>/dev/null
ours=$("$brief" extract --evaluate "$gold" --articles "$articles")
peer=$("$brief" extract --evaluate "$gold" --predictions bench/out/quantulum3.tsv)
# A 5,000-word article: the five reference articles repeated, under a date-free source.
python3 - "$articles" > bench/out/article-5000.txt <<'PY'
import sys, glob
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
out, words = [], 0
while words < 5000:
    for t in texts:
        out.append(t); words += len(t.split())
        if words >= 5000: break
print("\n".join(out))
PY
words=$(wc -w < bench/out/article-5000.txt)
printf 'Nothing.\n' > bench/out/article-empty.txt
best_of() { # ARTICLE: best wall time of 10 runs, in ms
  local best=999999 start end ms
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    start=$(date +%s%N)
    "$brief" extract "$1" --source bench --published 2025-01 -o bench/out/article.yaml
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
best=$(best_of bench/out/article-5000.txt)
base=$(best_of bench/out/article-empty.txt)
row() { # NAME SUMMARY
  echo "$2" | python3 -c '
import re, sys
t = sys.stdin.read()
g = lambda p: re.search(p, t).group(1)
print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (sys.argv[1], g(r"recall ([0-9.]+%)"), g(r"precision ([0-9.]+%)"),
  g(r"kind accuracy ([0-9.]+%)"), g(r"unit accuracy ([0-9.]+%)"), g(r"period accuracy ([0-9.]+%)"),
  g(r"measure accuracy ([0-9.]+%)"), g(r"(\d+) matched")))' "$1"
}
{
  echo "# Extraction of reported figures (issue 16)"
  echo
  echo "Written by \`bench/extract.sh\`: \`brief extract\` and quantulum3 $(grep -o '[0-9.]*$' bench/peers/extract-requirements.txt) on the gold list"
  echo "\`$gold\` (39 figures of the five reference articles), both scored by \`brief extract --evaluate\`:"
  echo "a figure matches when its span overlaps the gold one and its value, kind included, is the same"
  echo "(quantulum3's \`10000\` for \"up to 10,000\" is a kind error); kind accuracy is among the figures whose"
  echo "numbers match, unit, period and measure accuracy among the matches. Targets: recall ≥ 95%,"
  echo "precision ≥ 90%, kind ≥ 97%, unit ≥ 95%, period ≥ 90% (held by \`ExtractionScoreTests\`)."
  echo
  echo "| extractor | recall | precision | kind | unit | period | measure | matched |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  row "BriefKit \`brief extract\`" "$ours"
  row "quantulum3" "$peer"
  echo
  echo "quantulum3 writes no hedges, periods or measures; its units are mapped to the dataset's spelling"
  echo "(\`bench/extract_peer.py\`). Speed: a ${words}-word article (the five articles repeated) takes ${best} ms"
  echo "for the whole \`brief extract\` run (start, dataset load, extraction, YAML), best of 10, on this machine; a"
  echo "one-word article takes ${base} ms, so extraction itself takes about $((best - base)) ms (target: under 50 ms)."
} > bench/EXTRACT.md
cat bench/EXTRACT.md
