#!/usr/bin/env bash
# Clustering time at 1k, 10k and 100k articles (issue #3): replicate-and-shift of a base set,
# timed by `briefing eval --scale-to N --runs RUNS` (clustering alone, median of the runs).
#
#   Benchmarks/cluster-scale.sh [N ...]          default sizes: 1000 10000 100000
#   SOURCE=synthetic BASE=2000 Benchmarks/cluster-scale.sh
#
# SOURCE=corpora (default): the shared corpora basil + ecbplus + allsides (../shared/corpus).
# SOURCE=synthetic: Benchmarks/generate.py BASE articles (default 2000, seed SEED=1).
# BRIEFING: the binary (default .build/release/briefing, built if missing). RUNS: default 3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 100000)
RUNS="${RUNS:-3}"
SOURCE="${SOURCE:-corpora}"
BRIEFING="${BRIEFING:-$ROOT/.build/release/briefing}"
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"

if [ ! -x "$BRIEFING" ]; then
  make -C "$ROOT" release
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cluster-scale.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/content"

case "$SOURCE" in
  corpora)
    [ -d "$CORPUS" ] || { echo "cluster-scale: no corpora at $CORPUS (set CORPUS or SOURCE=synthetic)" >&2; exit 1; }
    for name in basil ecbplus allsides; do
      cp -R "$CORPUS/$name/articles" "$WORK/content/$name"
      sed "s|^|$name/|" "$CORPUS/$name/labels.tsv" >> "$WORK/labels.tsv"
    done ;;
  synthetic)
    python3 "$ROOT/Benchmarks/generate.py" "${BASE:-2000}" "$WORK/content" --seed "${SEED:-1}"
    mv "$WORK/content.labels.tsv" "$WORK/labels.tsv" ;;
  *) echo "cluster-scale: SOURCE must be corpora or synthetic" >&2; exit 2 ;;
esac
BASE_COUNT=$(wc -l < "$WORK/labels.tsv")
echo "base: $SOURCE, $BASE_COUNT articles; $RUNS runs per size; $BRIEFING"

# An empty folder to run in, so no briefing.yml changes the settings.
cd "$WORK"
printf '%-8s %12s %14s %10s  %s\n' N "median ms" "µs/article" "× prev" "B-cubed"
prev=""
for n in "${SIZES[@]}"; do
  out="$("$BRIEFING" eval --content "$WORK/content" --labels "$WORK/labels.tsv" \
          --scale-to "$n" --runs "$RUNS" 2>/dev/null)"
  ms=$(sed -n 's/^clustering: [0-9]* articles in \([0-9]*\) ms.*/\1/p' <<<"$out")
  f1=$(sed -n 's/^B-cubed *//p' <<<"$out")
  ratio="-"
  [ -n "$prev" ] && [ "$prev" -gt 0 ] && ratio=$(awk -v a="$ms" -v b="$prev" 'BEGIN { printf "%.1f", a / b }')
  printf '%-8s %12s %14s %10s  %s\n' "$n" "$ms" "$(awk -v a="$ms" -v n="$n" 'BEGIN { printf "%.1f", a * 1000 / n }')" "$ratio" "$f1"
  prev="$ms"
done
