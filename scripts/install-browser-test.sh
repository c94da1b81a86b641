#!/usr/bin/env bash
# Installs what Tests/browser/ needs when missing: Debian's chromium and chromium-driver (apt),
# and selenium (pip). Works as root; uses sudo otherwise.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to install packages" >&2; exit 1; }
  sudo="sudo"
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import selenium' >/dev/null 2>&1; then
  echo "Installing selenium with pip" >&2
  # pip installs for the user when not root, so no sudo here.
  user=""
  [ "$(id -u)" -eq 0 ] || user="--user"
  # Debian's own python refuses pip installs outside a venv (PEP 668); then say so explicitly.
  "$python" -m pip install --quiet $user selenium \
    || "$python" -m pip install --quiet $user --break-system-packages selenium
fi
