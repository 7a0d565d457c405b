#!/usr/bin/env bash
# Times the app from launch to its first frame on the built-in dataset, in a virtual X display,
# RUNS times (default 10), each with a fresh settings folder (a first launch), and prints the
# runs and their median beside the baseline measured in the same run: launching the same
# binary to print its version and exit, which is what loading the program costs before any
# window. Usage: [RUNS=10] scripts/start-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --quiet
runs=${RUNS:-10}
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

firsts=(); mains=(); bares=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  ./target/release/entente --version >/dev/null
  bares+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print (b - a) * 1000 }')")

  log=$(mktemp)
  ENTENTE_LAUNCHED_AT=$(date +%s.%N) XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) \
    DISPLAY=$display ./target/release/entente 2>"$log" &
  app=$!
  for _ in $(seq 100); do
    grep -q "^start:" "$log" && break
    sleep 0.05
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  line=$(grep "^start:" "$log" || echo "start: no first frame")
  echo "$line"
  mains+=("$(sed -n 's/.*main after \([0-9.]*\) ms.*/\1/p' <<< "$line")")
  firsts+=("$(sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' <<< "$line")")
done
printf '\n| runs | launch to first frame (median) | launch to main (median) | baseline: `entente --version` (median) |\n'
printf '|---:|---:|---:|---:|\n'
printf '| %s | %.0f ms | %.0f ms | %.0f ms |\n' "$runs" \
  "$(printf '%s\n' "${firsts[@]}" | median)" \
  "$(printf '%s\n' "${mains[@]}" | median)" \
  "$(printf '%s\n' "${bares[@]}" | median)"
