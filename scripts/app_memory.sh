#!/usr/bin/env bash
# Peak memory of the real app, window drawn in a virtual X display, with a file open and its
# layout settled: the figure the 2 GB target is about. The baseline, measured in the same run,
# is the app on its built-in dataset, i.e. what the window, fonts and renderer cost alone.
# Usage: scripts/app_memory.sh FILE [SECONDS]    (SECONDS to let the file open and settle; 45)
set -euo pipefail
file=${1:?usage: scripts/app_memory.sh FILE [SECONDS]}
wait_seconds=${2:-45}
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --quiet
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb_pid=$!
app_pid=
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true' EXIT
sleep 1

# Runs the app for $2 seconds with args $3..., printing its peak resident memory in MB.
peak_of() {
  local label=$1 seconds=$2
  shift 2
  XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) DISPLAY=$display ./target/release/entente "$@" &
  app_pid=$!
  sleep "$seconds"
  local kb
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  echo "| $label | $((kb / 1024)) MB |"
}

echo "| the app with | peak resident memory |"
echo "|---|---:|"
peak_of "the built-in dataset (baseline)" 8
peak_of "$(basename "$file"), $wait_seconds s after launch" "$wait_seconds" "$file"
