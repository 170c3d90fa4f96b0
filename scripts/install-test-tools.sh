#!/usr/bin/env bash
# The system tools the tests drive for real: a headless browser for the HTML report and the
# site, Graphviz for the DOT export, jq for the filter the CI template's comment step gives
# `gh api --jq`, and axe-core (the accessibility checker the site's tests inject into the
# browser). Chromium, Graphviz and jq come from Debian's packages, axe-core from the npm
# registry into a cache folder outside the project (never from a CDN); each only when missing.
# CI starts clean.
set -euo pipefail

# axe-core: pinned to one major release, so a new rule set cannot fail the tests unannounced.
AXE_VERSION="4.10"
AXE_DIR="${EACHECK_TEST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/eacheck-test-tools}"
install_axe() {
  [ -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-test-tools: npm is missing; installing it from Debian's packages" >&2
    apt_install npm
  fi
  echo "install-test-tools: installing axe-core@$AXE_VERSION into $AXE_DIR"
  mkdir -p "$AXE_DIR"
  npm install --silent --no-audit --no-fund --prefix "$AXE_DIR" "axe-core@~$AXE_VERSION" >/dev/null
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "install-test-tools: need root (or sudo) to install: $*" >&2
      exit 1
    fi
  fi
  echo "install-test-tools: installing $* from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v jq >/dev/null 2>&1 || missing+=(jq)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
install_axe
