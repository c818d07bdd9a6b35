#!/usr/bin/env bash
# Shared helpers for the README's two commands. Sourced, not run.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else die "need root to run: $* (run this script as root, or install sudo)"; fi
}

# ensure_packages PKG... — installs the Debian packages that are missing, and says which.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages present: $*"
    return 0
  fi
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
  for p in "${missing[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || die "package $p is still not installed"
  done
}

# A JDK 17 or newer for the build.
ensure_jdk() {
  if command -v javac >/dev/null && javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
    return 0
  fi
  ensure_packages openjdk-17-jdk-headless
}

BASE_PACKAGES=(ca-certificates curl unzip openssl util-linux procps)
PCSC_PACKAGES=(pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools opensc socat)
# Headless browser for the cashier-console tests (ConsoleIT), with CJK fonts so Chinese renders.
BROWSER_PACKAGES=(chromium chromium-driver fonts-noto-cjk)
# PostgreSQL server programs for the central-host tests: they start a throwaway cluster of their own
# (initdb + pg_ctl in a temporary directory, as the postgres user, on a free loopback port) and never
# use a system cluster.
POSTGRES_PACKAGES=(postgresql)

# Node.js for the contract tools (OpenApiLintIT, OpenApiConformanceIT): Debian's nodejs and npm,
# unless a node and an npm are already on the PATH (e.g. a newer Node.js packaged for Debian).
NODE_PACKAGES=(nodejs npm)

# ensure_node_tools — installs the pinned npm tools of scripts/npm (the Redocly linter, the Prism
# proxy) with `npm ci` into target/npm, never globally; skips when the lockfile is unchanged since
# the last install. Says what it installs.
ensure_node_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_packages "${NODE_PACKAGES[@]}"
  fi
  local src="$REPO_ROOT/scripts/npm" dest="$REPO_ROOT/target/npm"
  if [ -x "$dest/node_modules/.bin/prism" ] && [ -x "$dest/node_modules/.bin/redocly" ] \
      && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    say "npm tools present in target/npm: $(cd "$src" && node -p 'Object.entries(require("./package.json").dependencies).map(e => e.join("@")).join(" ")')"
    return 0
  fi
  say "installing npm tools into target/npm with npm ci (node $(node --version)): @redocly/cli, @stoplight/prism-cli"
  mkdir -p "$dest"
  cp "$src/package.json" "$src/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dest"
  for tool in redocly prism; do
    [ -x "$dest/node_modules/.bin/$tool" ] || die "$tool is missing in $dest after npm ci"
  done
}
