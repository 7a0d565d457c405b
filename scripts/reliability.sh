#!/usr/bin/env bash
# Every reliability check in docs/reliability.md, in one go: the hostile-file corpus, the
# interrupted save, unsaved-changes prompts, unknown fields surviving a save, the 100-reload
# soak test, then each fuzz target for FUZZ_SECONDS (default 300, as in the doc).
# Usage: scripts/reliability.sh [FUZZ_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds="${1:-300}"

bash scripts/setup.sh
echo "== hostile files, saves, unsaved changes, reload soak"
cargo test --locked --test hostile --test cli --test dataset_files --test unsaved_ui --test reload_soak -- --nocapture
echo "== links, persisted state, limits (unit tests)"
cargo test --locked --lib -- validate saved_state xml_reader io::file
echo "== fuzzing, ${fuzz_seconds} s per target"
bash scripts/fuzz.sh "$fuzz_seconds"
