#!/usr/bin/env bash
# Make sure the Debian packages the project needs are installed.
# Usage: scripts/system-deps.sh COMMAND=PACKAGE ...   (e.g. java=default-jre-headless)
# Installs what is missing with apt-get when running as root; otherwise stops naming the package.
set -euo pipefail
missing=()
for pair in "$@"; do
  cmd=${pair%%=*}; pkg=${pair#*=}
  if ! command -v "$cmd" >/dev/null 2>&1; then missing+=("$pkg"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing system package(s): ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing system package(s): ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
