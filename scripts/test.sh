#!/usr/bin/env bash
# Runs every check and test Entente has, after installing what they need.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --all-targets --locked
echo "== entente check data/*.json"
cargo run --quiet --locked -- check data/*.json
echo "== fuzz smoke run (scripts/fuzz.sh; docs/reliability.md has the long run)"
bash scripts/fuzz.sh 6
