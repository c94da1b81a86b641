#!/usr/bin/env bash
# Benchmarks/instructions.sh — a full build's instructions under callgrind, stage by stage: a
# count that, unlike time on a shared VM, does not move with the machine's load.
#
# Usage (from anywhere in the repo):
#   Benchmarks/instructions.sh [N]                   N articles (default 1000), generated as run.sh does
#   BASE=/path/to/old/briefing Benchmarks/instructions.sh
#                                                    the same build with BASE first, then each
#                                                    stage's and function's change
#
# One thread (BRIEFING_THREADS=1) and deterministic hashing (SWIFT_DETERMINISTIC_HASHING=1), so
# two runs of one binary count the same within a few thousand instructions. valgrind cannot read
# the release binary's debug information (its static runtime's), so a copy without it is run:
# functions keep their names from the symbol table, but lines are not known.
#
# Environment: BRIEFING (binary under test, default .build/release/briefing, made with `make
# release` when missing), BASE, DATA_DIR (reuse generated sets), SEED=1, TOP=25, KEEP=1 (keep
# the callgrind files). Needs valgrind (Debian: valgrind, installed with apt when missing).
# A 1,000-article build takes about 45 s under callgrind on the 2-core VM.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

N="${1:-1000}"
case "$N" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  ''|*[!0-9]*) echo "instructions.sh: unknown argument '$N' (expected N)" >&2; exit 2 ;;
esac
SEED="${SEED:-1}"

# shellcheck source=Benchmarks/common.sh
. "$ROOT/Benchmarks/common.sh"
setup_profiling instructions valgrind valgrind

# One binary's build under callgrind: NAME.inclusive and NAME.self, demangled.
count() {
  local name="$1" binary="$2"
  strip --strip-debug -o "$WORK/$name.bin" "$binary"
  rm -rf "$WORK/out" "$WORK/.out.briefing-cache"
  SWIFT_DETERMINISTIC_HASHING=1 BRIEFING_THREADS=1 valgrind --tool=callgrind \
    --callgrind-out-file="$WORK/$name.callgrind" "$WORK/$name.bin" build --content "$SET" --output "$WORK/out" --quiet \
    >"$WORK/$name.log" 2>&1 || { echo "instructions.sh: the build under callgrind failed:" >&2; tail -n 20 "$WORK/$name.log" >&2; exit 1; }
  for mode in yes no; do
    callgrind_annotate --inclusive="$mode" --threshold=100 "$WORK/$name.callgrind" 2>/dev/null | swift demangle --simplified \
      >"$WORK/$name.$([ "$mode" = yes ] && echo inclusive || echo self)"
  done
}

FILES=()
if [ -n "${BASE:-}" ]; then
  echo "== N=$N, base $BASE" >&2
  count base "$BASE"
  FILES+=("$WORK/base.inclusive" "$WORK/base.self")
fi
echo "== N=$N, $BRIEFING" >&2
count tested "$BRIEFING"
FILES+=("$WORK/tested.inclusive" "$WORK/tested.self")
python3 "$ROOT/Benchmarks/instructions.py" "${FILES[@]}" --top "${TOP:-25}"
