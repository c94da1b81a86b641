# Benchmarks/common.sh — set-up shared by profile.sh and instructions.sh (sourced, not run).
#
# setup_profiling NAME TOOL PACKAGE: installs PACKAGE with apt when TOOL is missing; sets BRIEFING
# (default .build/release/briefing, made with `make release` when missing), WORK (a temp folder
# removed on exit unless KEEP=1) and SET (N articles of seed SEED in DATA_DIR, generated as
# run.sh does when not complete there). Needs ROOT, N and SEED.
setup_profiling() {
  local name="$1" tool="$2" package="$3"
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $package with apt-get" >&2
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null 2>&1 || true
  fi
  command -v "$tool" >/dev/null 2>&1 || { echo "$name.sh: $tool is required (apt-get install $package)" >&2; exit 1; }

  if [ -z "${BRIEFING:-}" ]; then
    BRIEFING="$ROOT/.build/release/briefing"
    [ -x "$BRIEFING" ] || make -C "$ROOT" release >&2
  fi

  WORK="$(mktemp -d "${TMPDIR:-/tmp}/briefing-$name.XXXXXX")"
  trap 'if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi' EXIT
  DATA_DIR="${DATA_DIR:-$WORK/data}"
  SET="$DATA_DIR/articles-$N-seed$SEED"
  if [ ! -f "$SET.complete" ] || [ ! -d "$SET" ]; then
    echo "== generating $SET" >&2
    mkdir -p "$DATA_DIR"
    rm -rf "$SET" "$SET.labels.tsv"
    python3 "$ROOT/Benchmarks/generate.py" "$N" "$SET" --seed "$SEED"
    touch "$SET.complete"
  fi
}
