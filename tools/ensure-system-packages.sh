#!/usr/bin/env bash
# What the platform needs from Debian beyond the .NET SDK: npm (to vendor the front-end libraries at build
# time) and a CJK font (for the Chinese PDFs). Installs what is missing when it can (root or password-less
# sudo); otherwise says what to install. Called by the build once; ./test.sh installs its own needs too.
set -u
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo_cmd="sudo -n"; else
    echo "Please install: sudo apt-get install -y ${missing[*]}" >&2
    command -v npm >/dev/null 2>&1 || exit 1   # the build cannot go on without npm; PDFs only need the font
    exit 0
  fi
fi
echo "Installing ${missing[*]} (once) ..."
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -q >/dev/null && $sudo_cmd apt-get install -y -q "${missing[@]}" >/dev/null
command -v npm >/dev/null 2>&1
