#!/usr/bin/env bash
# Benchmarks/run.sh — time `briefing build` on synthetic briefings, with Hugo and cmark as references.
#
# Usage (from anywhere in the repo; paths are resolved from the repo root):
#   Benchmarks/run.sh [N ...]        N = number of articles per set (default: 1000 10000)
#   Benchmarks/run.sh --smoke        CI mode: N=1000, RUNS=1, never installs hugo/cmark
#
# For each N it generates a set with Benchmarks/generate.py (seed SEED, reused when already
# complete in DATA_DIR), copies it to a scratch content folder, and times, RUNS times each:
#   1 full-empty      full build into an empty output folder (output and build cache removed first)
#   2 full-existing   full build over an existing output: every article's mtime bumped, the build cache removed
#   3 no-change       build again right after a build, nothing changed (incremental case)
#   4 one-changed     insert a paragraph three quarters down one article's body, then build
#   serve-changed     the same edits made while `briefing serve` runs: the rebuild time it prints
#                     (serve-edit-to-built: from the edit to that line, watcher and debounce included),
#                     after one untimed warm-up edit (the first rebuild after start), as for Hugo's server
#   hugo              `hugo --quiet -d OUT` on a minimal Hugo site holding the same .md files
#   hugo-existing     the same over Hugo's existing output, every article's mtime bumped
#                     (each round times full-empty, full-existing, hugo, hugo-existing in turn)
#   hugo-server-changed  the same edits in `hugo server` (its "Total in N ms"; and edit-to-built)
#   cmark             every .md file through the cmark CLI (xargs -P2 -n200), output discarded
# Command under test: $BRIEFING build --content DIR --output OUT --quiet
# It prints every run, then a table: median seconds, peak MB (max RSS over the runs, from
# /usr/bin/time -f '%e %M'), articles/s (N / median), and Briefing/Hugo, Briefing/cmark ratios.
#
# Environment:
#   BRIEFING=path   command under test (default .build/release/briefing, built with
#                   `make release` when missing)
#   RUNS=5          runs per measure (median reported; even counts average the middle two)
#   SEED=1          generator seed
#   HUGO=auto|0     0 skips Hugo; auto uses it if installed (installs with apt outside --smoke)
#   CMARK=auto|0    same for the cmark CLI
#   INSTALL=1       0: never run apt-get
#   DATA_DIR=dir    where generated sets are kept/reused (default: inside the temp folder)
#   KEEP=1          keep the temp folder (printed at the end)
# Exit status: 0 when every build succeeded; non-zero if generation or any build fails.
# No wall-clock assertions are made: the figures are for people to read.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SMOKE=0
SIZES=()
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) echo "run.sh: unknown argument '$arg' (expected N or --smoke)" >&2; exit 2 ;;
    *) SIZES+=("$arg") ;;
  esac
done
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
HUGO="${HUGO:-auto}"
CMARK="${CMARK:-auto}"
INSTALL="${INSTALL:-1}"
if [ "$SMOKE" = 1 ]; then
  [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000)
  RUNS=1
  INSTALL_TOOLS=0
else
  [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
  INSTALL_TOOLS="$INSTALL"
fi
case "$RUNS" in ''|*[!0-9]*|0) echo "run.sh: RUNS must be a positive integer" >&2; exit 2 ;; esac

WORK="$(mktemp -d "${TMPDIR:-/tmp}/briefing-bench.XXXXXX")"
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
DATA_DIR="${DATA_DIR:-$WORK/data}"
mkdir -p "$DATA_DIR"

apt_install() { # apt_install PACKAGE: best effort, never fatal
  [ "$INSTALL" = 1 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 || return 0; sudo="sudo -n"; fi
  echo "installing $1 with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null 2>&1 || \
    echo "warning: could not install $1" >&2
}

[ -x /usr/bin/time ] || apt_install time
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time (GNU time) is required" >&2; exit 1; }

use_tool() { # use_tool SETTING COMMAND PACKAGE -> 0 when the tool should be measured
  [ "$1" = 0 ] && return 1
  command -v "$2" >/dev/null 2>&1 && return 0
  [ "$INSTALL_TOOLS" = 1 ] && apt_install "$3"
  command -v "$2" >/dev/null 2>&1
}
HAVE_HUGO=0; use_tool "$HUGO" hugo hugo && HAVE_HUGO=1
HAVE_CMARK=0; use_tool "$CMARK" cmark cmark && HAVE_CMARK=1

if [ -z "${BRIEFING:-}" ]; then
  BRIEFING="$ROOT/.build/release/briefing"
  if [ ! -x "$BRIEFING" ]; then
    echo "building $BRIEFING (make release)" >&2
    make -C "$ROOT" release >&2
  fi
fi
[ -x "$BRIEFING" ] || command -v "$BRIEFING" >/dev/null 2>&1 || {
  echo "run.sh: BRIEFING=$BRIEFING is not executable" >&2; exit 1; }

# ------------------------------------------------------------------ timing helpers
RESULTS="$WORK/results.tsv"   # N  measure  median_s  peak_mb  articles_per_s
: > "$RESULTS"

# timed LABEL RUN_NO CMD... : runs CMD under /usr/bin/time, appends "secs kb" to $WORK/t.LABEL
timed() {
  local label="$1" run="$2"; shift 2
  local tf="$WORK/time.out"
  if ! /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$WORK/cmd.log" 2>&1; then
    echo "FAILED: $label run $run: $*" >&2
    tail -n 20 "$WORK/cmd.log" >&2 || true
    exit 1
  fi
  local secs kb
  read -r secs kb < <(tail -n 1 "$tf")
  echo "$secs $kb" >> "$WORK/t.$label"
  printf '  %-14s run %d/%d  %7.2f s  %8.1f MB\n' "$label" "$run" "$RUNS" "$secs" \
    "$(awk -v k="$kb" 'BEGIN{printf "%.1f", k/1024}')"
}

# summarise N LABEL : median seconds, max RSS, articles/s -> $RESULTS
summarise() {
  local n="$1" label="$2"
  sort -n -k1,1 "$WORK/t.$label" | awk -v n="$n" -v label="$label" '
    { s[NR] = $1; if ($2 > kb) kb = $2 }
    END {
      m = (NR % 2) ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
      rate = (m > 0) ? n / m : 0
      printf "%s\t%s\t%.3f\t%.1f\t%.0f\n", n, label, m, kb / 1024, rate
    }' >> "$RESULTS"
  rm -f "$WORK/t.$label"
}

# ------------------------------------------------------------------ per size
for N in "${SIZES[@]}"; do
  SET="$DATA_DIR/articles-$N-seed$SEED"
  if [ -f "$SET.complete" ] && [ -d "$SET" ] && [ -f "$SET.labels.tsv" ]; then
    echo "== N=$N: reusing $SET"
  else
    echo "== N=$N: generating $SET"
    rm -rf "$SET" "$SET.labels.tsv" "$SET.complete"
    start=$(date +%s.%N)
    python3 "$ROOT/Benchmarks/generate.py" "$N" "$SET" --seed "$SEED"
    echo "   generated in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
    touch "$SET.complete"
  fi
  files=$(find "$SET" -type f | wc -l)
  mdfiles=$(find "$SET" -type f -name '*.md' | wc -l)
  mb=$(du -sm "$SET" | cut -f1)
  stories=$(cut -f2 "$SET.labels.tsv" | sort -u | wc -l)
  echo "   $files files ($mdfiles .md), ${mb} MB on disk, $stories stories"

  CONTENT="$WORK/content-$N"; OUT="$WORK/out-$N"
  rm -rf "$CONTENT" "$OUT"
  cp -R "$SET" "$CONTENT"
  build() { "$BRIEFING" build --content "$CONTENT" --output "$OUT" --quiet; }

  if [ "$HAVE_HUGO" = 1 ]; then
    SITE="$WORK/hugo-$N"
    rm -rf "$SITE"; mkdir -p "$SITE/content" "$SITE/layouts/_default"
    cat > "$SITE/hugo.toml" <<'EOF'
baseURL = "https://example.org/"
title = "Briefing benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
EOF
    cat > "$SITE/layouts/_default/single.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1>{{ .Content }}</article></body></html>
EOF
    cat > "$SITE/layouts/_default/list.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
EOF
    # Same .md files, .txt scrapes skipped; `url:` (an absolute outlet link) would become
    # the Hugo permalink, so it is renamed.
    tar -C "$SET" -cf - --exclude='*.txt' . | tar -C "$SITE/content" -xf -
    find "$SITE/content" -name '*.md' -print0 | xargs -0 sed -i 's/^url: /source_url: /'
  fi

  CACHE="$(dirname "$OUT")/.$(basename "$OUT").briefing-cache"
  HUGO_OUT="$WORK/hugo-out-$N"
  # Round by round, each tool's full builds one after the other: on a shared machine speed
  # drifts over minutes, and both tools' medians then come from the same stretches of time.
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$OUT" "$CACHE"
    timed full-empty "$i" "$BRIEFING" build --content "$CONTENT" --output "$OUT" --quiet
    find "$CONTENT" -type f -exec touch -d "@$((1767225600 + i * 3600))" {} +
    rm -rf "$CACHE"  # a full build: nothing parsed, compared or rendered is reused
    timed full-existing "$i" "$BRIEFING" build --content "$CONTENT" --output "$OUT" --quiet
    if [ "$HAVE_HUGO" = 1 ]; then
      rm -rf "$HUGO_OUT"
      timed hugo "$i" hugo --quiet --source "$SITE" -d "$HUGO_OUT"
      find "$SITE/content" -type f -exec touch -d "@$((1767225600 + i * 3600))" {} +
      timed hugo-existing "$i" hugo --quiet --source "$SITE" -d "$HUGO_OUT"
    fi
  done
  summarise "$N" full-empty
  summarise "$N" full-existing

  for i in $(seq 1 "$RUNS"); do
    build >/dev/null
    timed no-change "$i" "$BRIEFING" build --content "$CONTENT" --output "$OUT" --quiet
  done
  summarise "$N" no-change

  # one article changed: a different article each run, chosen deterministically
  mapfile -t MDS < <(cd "$CONTENT" && find . -type f -name '*.md' | LC_ALL=C sort)
  for i in $(seq 1 "$RUNS"); do
    build >/dev/null
    f="$CONTENT/${MDS[$(( (i * 7919) % ${#MDS[@]} ))]#./}"
    python3 "$ROOT/Benchmarks/late-correction.py" "$f" "$i"
    timed one-changed "$i" "$BRIEFING" build --content "$CONTENT" --output "$OUT" --quiet
  done
  summarise "$N" one-changed

  # The same edits in `briefing serve`, which keeps the cache's stores in memory between builds.
  python3 "$ROOT/Benchmarks/serve-edits.py" briefing "$CONTENT" "$RUNS" "$WORK/t.serve-changed" "$WORK/t.serve-edit-to-built" \
    -- "$BRIEFING" serve --content "$CONTENT" --output "$OUT" --port 0
  summarise "$N" serve-changed
  summarise "$N" serve-edit-to-built
  rm -rf "$OUT"

  if [ "$HAVE_HUGO" = 1 ]; then
    summarise "$N" hugo
    summarise "$N" hugo-existing
    hugo_pages=$(find "$WORK/hugo-out-$N" -name '*.html' | wc -l)
    echo "   hugo wrote $hugo_pages HTML pages"
    # Hugo's server as it starts by default: pages in memory, "fast render" of changed pages.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$ROOT/Benchmarks/serve-edits.py" hugo "$SITE/content" "$RUNS" "$WORK/t.hugo-server-changed" \
      "$WORK/t.hugo-server-edit-to-built" -- hugo server --source "$SITE" --port "$port"
    summarise "$N" hugo-server-changed
    summarise "$N" hugo-server-edit-to-built
    rm -rf "$SITE" "$WORK/hugo-out-$N"
  fi

  if [ "$HAVE_CMARK" = 1 ]; then
    for i in $(seq 1 "$RUNS"); do
      timed cmark "$i" bash -c 'find "$1" -type f -name "*.md" -print0 | LC_ALL=C sort -z |
        xargs -0 -P2 -n200 cmark --safe >/dev/null' _ "$SET"
    done
    summarise "$N" cmark
  fi
  rm -rf "$CONTENT"
done

# ------------------------------------------------------------------ report
echo
echo "Briefing benchmark: BRIEFING=$BRIEFING RUNS=$RUNS SEED=$SEED"
printf '%-8s %-26s %10s %9s %12s\n' N measure "median s" "peak MB" "articles/s"
while IFS=$'\t' read -r n label med mb rate; do
  printf '%-8s %-26s %10s %9s %12s\n' "$n" "$label" "$med" "$mb" "$rate"
done < "$RESULTS"
awk -F'\t' '
  { v[$1 "|" $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  END {
    for (i = 1; i <= k; i++) {
      n = order[i]; b = v[n "|full-empty"]; e = v[n "|full-existing"]
      if ((n "|hugo") in v && v[n "|hugo"] > 0) {
        printf "N=%s  Briefing/Hugo  (full build, empty output):    %.2fx\n", n, b / v[n "|hugo"]
        h = ((n "|hugo-existing") in v && v[n "|hugo-existing"] > 0) ? v[n "|hugo-existing"] : v[n "|hugo"]
        printf "N=%s  Briefing/Hugo  (full build, existing output): %.2fx\n", n, e / h
      }
      if ((n "|hugo-server-changed") in v && v[n "|hugo-server-changed"] > 0)
        printf "N=%s  Briefing/Hugo  (one article changed, servers): %.2fx\n", n, v[n "|serve-changed"] / v[n "|hugo-server-changed"]
      if ((n "|cmark") in v && v[n "|cmark"] > 0)
        printf "N=%s  Briefing/cmark (full build, empty output):    %.2fx\n", n, b / v[n "|cmark"]
    }
  }' "$RESULTS"
