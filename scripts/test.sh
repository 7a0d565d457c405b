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
# `entente check data/*.json` runs in tests/cli.rs (check_passes_the_shipped_data), on the
# binary the tests build: `cargo run` here would build it all again in another profile.
# Fuzzing runs in scripts/fuzz.sh (docs/reliability.md): building the fuzzer alone takes ten
# minutes on two cores. tests/fuzz_seeds.rs puts every seed through the fuzz targets' checks.
