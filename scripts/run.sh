#!/usr/bin/env bash
# Builds and starts Entente, after installing the system libraries it needs.
# Usage: scripts/run.sh [FILE]   (no FILE: the built-in dataset)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec cargo run --release --locked -- "$@"
