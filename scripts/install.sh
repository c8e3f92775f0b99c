#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build qikan: Chromium for the PDFs, Ghostscript for --cmyk and
# Java for the Nu HTML checker of the tests (each only when missing), and the npm packages, which bring their own Node (the npm package `node`, first on
# the PATH of every npm script).
set -euo pipefail
cd "$(dirname "$0")/.."

has_chromium() {
  [ -n "${QIKAN_CHROMIUM:-}" ] && [ -x "${QIKAN_CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1
}

missing=()
has_chromium || missing+=(chromium)
command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "qikan: installing ${missing[*]} (Debian packages)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm runs on the system Node, which may be older than the project's: its engine warnings are noise here.
npm ci --no-audit --no-fund --loglevel=error
