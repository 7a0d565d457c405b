#!/usr/bin/env bash
# Installs the system packages Entente needs to run and to be tested on Debian:
# the Mesa GL/Vulkan drivers eframe loads at run time, zenity for file dialogs where no
# desktop portal runs, and Xvfb + ImageMagick for
# headless runs and screenshots, graphviz, whose sfdp the scale benchmark runs against, and
# chromium, which loads an exported briefing in the tests as a reader's browser would.
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(libegl1 libegl-mesa0 libgl1-mesa-dri libvulkan1 mesa-vulkan-drivers libxkbcommon-x11-0
          xvfb xauth x11-apps imagemagick xdotool zenity graphviz chromium)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
