#!/usr/bin/env bash
# Runs the real app in a virtual X display and saves a screenshot of the whole window.
# Usage: [CLICKS="x,y x,y"] [TEXT="words"] [KEYS="ctrl+f"] [STEPS="key ctrl+z|click x,y|type words|dclick x,y"]
#        scripts/screenshot.sh OUT.png [SECONDS] [-- ENTENTE ARGS...]
# CLICKS are clicked in order once the window is up, then TEXT is typed and KEYS pressed, to
# show a state. The pointer rests in the bottom-right corner first, away from the graph.
set -euo pipefail
out=${1:?usage: scripts/screenshot.sh OUT.png [SECONDS] [-- ARGS...]}
wait_seconds=${2:-6}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift

cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --quiet
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb_pid=$!
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
# A throwaway config dir so the screenshot never depends on (or touches) saved user state.
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) DISPLAY=$display ./target/release/entente "$@" &
app_pid=$!
sleep "$wait_seconds"
# With no window manager nothing gives the window keyboard focus; keys would go nowhere.
window=$(DISPLAY=$display xdotool search --name 'Entente' | head -1 || true)
[ -n "$window" ] && DISPLAY=$display xdotool windowfocus "$window" || true
DISPLAY=$display xdotool mousemove 1275 795 || true
for point in ${CLICKS:-}; do
  DISPLAY=$display xdotool mousemove "${point%,*}" "${point#*,}" click 1
  sleep 0.7
done
if [ -n "${TEXT:-}" ]; then
  DISPLAY=$display xdotool type --delay 60 "$TEXT"
  sleep 0.8
fi
for key in ${KEYS:-}; do
  DISPLAY=$display xdotool key "$key"
  sleep 0.5
done
# STEPS="key ctrl+shift+a|type Wagner Group|click 933,372|dclick 700,300|wheel 100,300|sleep 2": any
# order ("wheel x,y" scrolls down there, "wheelup x,y" up).
IFS='|' read -ra steps <<< "${STEPS:-}"
for step in "${steps[@]}"; do
  what=${step%% *}; arg=${step#* }
  case $what in
    key) DISPLAY=$display xdotool key "$arg" ;;
    type) DISPLAY=$display xdotool type --delay 60 "$arg" ;;
    click) DISPLAY=$display xdotool mousemove "${arg%,*}" "${arg#*,}" click 1 ;;
    dclick) DISPLAY=$display xdotool mousemove "${arg%,*}" "${arg#*,}" click --repeat 2 --delay 80 1 ;;
    wheel) DISPLAY=$display xdotool mousemove "${arg%,*}" "${arg#*,}" click 5 click 5 click 5 click 5 click 5 ;;
    wheelup) DISPLAY=$display xdotool mousemove "${arg%,*}" "${arg#*,}" click 4 click 4 click 4 click 4 click 4 ;;
    sleep) sleep "$arg" ;;
  esac
  sleep 0.6
done
sleep 0.5
DISPLAY=$display import -window root "$out"
echo "saved $out"
