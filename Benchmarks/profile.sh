#!/usr/bin/env bash
# Benchmarks/profile.sh — where a full build's CPU time goes, stage by stage, with perf.
#
# Usage (from anywhere in the repo):
#   Benchmarks/profile.sh [N]            N articles (default 10000), generated as run.sh does
#   Benchmarks/profile.sh --focus NAME   also list what functions matching NAME call
#
# It records one full build (output and build cache removed first) with
# `perf record -F 1000 -e cpu-clock --call-graph dwarf` on THREADS threads (default 1: every
# sample is the build's own CPU, in a steady order), then prints the stage times the build
# reports and Benchmarks/profile.py's summary: each stage's share of the samples and the
# functions inside it by inclusive share, then self time.
#
# Environment: BRIEFING (command under test, as run.sh), DATA_DIR (reuse generated sets),
# SEED=1, THREADS=1, TOP=8 (functions per stage), KEEP=1 (keep perf.data and the stacks).
# Needs `perf` (Debian: linux-perf, installed with apt when missing) and kernel.perf_event_paranoid
# at most 2 for one's own processes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

N=10000
FOCUS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --focus) [ $# -ge 2 ] || { echo "profile.sh: --focus needs a name" >&2; exit 2; }; FOCUS=(--focus "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) echo "profile.sh: unknown argument '$1' (expected N or --focus NAME)" >&2; exit 2 ;;
    *) N="$1"; shift ;;
  esac
done
SEED="${SEED:-1}"
THREADS="${THREADS:-1}"

# shellcheck source=Benchmarks/common.sh
. "$ROOT/Benchmarks/common.sh"
setup_profiling profile perf linux-perf

echo "== N=$N, $THREADS thread(s), $BRIEFING"
BRIEFING_THREADS="$THREADS" perf record -q -o "$WORK/perf.data" -F 1000 -e cpu-clock --call-graph dwarf,16384 \
  "$BRIEFING" build --content "$SET" --output "$WORK/out" --verbose >"$WORK/build.log" 2>&1 ||
  { echo "profile.sh: the build or perf failed:" >&2; tail -n 20 "$WORK/build.log" >&2; exit 1; }
grep -E '^(Stages|CPU time|Built)' "$WORK/build.log" || true
perf script -i "$WORK/perf.data" -F ip,sym 2>/dev/null | swift demangle --simplified > "$WORK/stacks.txt"
python3 "$ROOT/Benchmarks/profile.py" "$WORK/stacks.txt" --top "${TOP:-8}" "${FOCUS[@]}"
