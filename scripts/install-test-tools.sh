#!/usr/bin/env bash
# The system tools the tests drive for real: a headless browser for the HTML report,
# Graphviz for the DOT export, and jq for the filter the CI template's comment step gives
# `gh api --jq`. Installed from Debian's packages when missing; CI starts clean.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v jq >/dev/null 2>&1 || missing+=(jq)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-test-tools: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-test-tools: installing ${missing[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
