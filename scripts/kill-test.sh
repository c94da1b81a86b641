#!/usr/bin/env bash
# kill -9 at random moments of a large build must leave the previous site exactly as it was,
# and the next build must not be blocked. Runs the release binary on a generated briefing.
#
# Usage: scripts/kill-test.sh [ROUNDS] [ARTICLES]   (defaults 20 and 1000)
# Each round: checksum the site, change one article (a late correction, which changes its story
# page), remove the build cache (so the build is a full one), start a build, kill -9 it after a
# random delay, checksum again (must equal the previous site, or the new one if the build
# finished first), then build to the end. INCREMENTAL=1 keeps the cache instead: one-article
# rebuilds, recycling the spare site kept in the cache. Delays are drawn up to 1.2 times a build
# measured first, so most kills land mid-build however fast builds get.
# Prints 'kill-test: N passed, M failed' and exits non-zero on any failure, or when no round's
# edit changed the site (the check could not have failed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-20}"
ARTICLES="${2:-1000}"
BRIEFING="${BRIEFING:-$ROOT/.build/release/briefing}"
[ -x "$BRIEFING" ] || { echo "kill-test: $BRIEFING not found (make release)" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/briefing-kill.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
CONTENT="$WORK/content"; OUT="$WORK/public"; CACHE="$WORK/.public.briefing-cache"
python3 "$ROOT/Benchmarks/generate.py" "$ARTICLES" "$CONTENT" >/dev/null
build() { "$BRIEFING" build --content "$CONTENT" --templates "$ROOT/templates" --output "$OUT" --quiet 2>/dev/null; }
# Every file's path and bytes; the lock and cache live beside the site, not in it.
tree_sum() { (cd "$OUT" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

mapfile -t FILES < <(cd "$CONTENT" && find . -name '*.md' | LC_ALL=C sort)
edit() { python3 "$ROOT/Benchmarks/late-correction.py" "$CONTENT/${FILES[$(( ($1 * 7919) % ${#FILES[@]} ))]#./}" "round $1"; }
# The build each round starts, timed once (a full one, or an incremental one after an edit).
build
edit 0
if [ "${INCREMENTAL:-0}" = 1 ]; then
  # The first rebuild after a full build has no spare site to recycle and takes several times
  # longer than the rounds' rebuilds: made untimed, so the delays fit the rebuilds the rounds make.
  build
  edit $((ROUNDS + 1))
else
  rm -rf "$CACHE"
fi
start=$(date +%s%N); build; duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
passed=0; failed=0; killed_mid=0; changed=0
for round in $(seq 1 "$ROUNDS"); do
  before=$(tree_sum)
  edit "$round"
  [ "${INCREMENTAL:-0}" = 1 ] || rm -rf "$CACHE"
  "$BRIEFING" build --content "$CONTENT" --templates "$ROOT/templates" --output "$OUT" --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v r="$RANDOM" -v ms="$duration_ms" 'BEGIN { printf "%.3f", (r % 1000) / 1000 * ms * 1.2 / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
  wait "$pid" 2>/dev/null || true
  after=$(tree_sum)
  if ! build; then
    echo "FAIL round $round: the build after the kill did not succeed (stale lock?)"; failed=$((failed + 1)); continue
  fi
  complete=$(tree_sum)
  [ "$complete" = "$before" ] || changed=$((changed + 1))
  if [ "$after" = "$before" ] || [ "$after" = "$complete" ]; then
    passed=$((passed + 1))
  else
    echo "FAIL round $round: after kill -9 the site was neither the previous one nor the new one"; failed=$((failed + 1))
  fi
done
echo "kill-test: $ROUNDS rounds on $ARTICLES articles$([ "${INCREMENTAL:-0}" = 1 ] && echo ", incremental"), build ${duration_ms} ms, $killed_mid killed mid-build, $changed changed the site"
echo "kill-test: $passed passed, $failed failed"
[ "$changed" -gt 0 ] || { echo "kill-test: no edit changed the site, so no round could fail"; exit 1; }
[ "$failed" -eq 0 ]
