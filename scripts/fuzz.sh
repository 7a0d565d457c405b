#!/usr/bin/env bash
# Fuzzes every loader and the validator with libFuzzer (cargo fuzz), each for a set time,
# starting from the files in tests/. Prints a table of executions and crashes per target.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
#
# cargo fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP lets the stable toolchain take them,
# so nothing beyond the one toolchain is needed. A crash is kept in fuzz/artifacts/<target>/:
# copy it into tests/fuzz-regressions/ with a `.expect` line so that `cargo test` keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
targets=(load_entente_json load_graphml load_gexf load_csv load_gml load_pajek load_edge_list load_workbook load_parquet validate)

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked --version 0.13.2
fi
export RUSTC_BOOTSTRAP=1

seed() {
    local target="$1" dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    local patterns
    case "$target" in
        load_entente_json | validate) patterns=("*.json") ;;
        load_graphml) patterns=("*.graphml") ;;
        load_gexf) patterns=("*.gexf") ;;
        load_csv) patterns=("*.csv") ;;
        load_gml) patterns=("*.gml") ;;
        load_pajek) patterns=("*.net") ;;
        load_edge_list) patterns=("*.txt" "*.edges" "*.tsv") ;;
        load_workbook) patterns=("*.xlsx" "*.ods") ;;
        load_parquet) patterns=("*.parquet") ;;
    esac
    for pattern in "${patterns[@]}"; do
        find data tests/hostile tests/data tests/fuzz-regressions -name "$pattern" -size -64k \
            -exec cp -t "$dir" {} + 2>/dev/null || true
    done
}

if ! (cd fuzz && cargo fuzz build --release) >fuzz/last-run-build.log 2>&1; then
    tail -40 fuzz/last-run-build.log >&2
    exit 1
fi
printf '%-20s %10s %12s %8s %s\n' target seconds executions crashes corpus
status=0
for target in "${targets[@]}"; do
    seed "$target"
    log="fuzz/last-run-$target.log"
    set +e
    (cd fuzz && cargo fuzz run --release "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=10 -max_len=65536) >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1 || true)
    crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l)
    corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
    printf '%-20s %10s %12s %8s %s\n' "$target" "$seconds" "${runs:-stopped}" "$crashes" "$corpus"
    if [ "$code" -ne 0 ]; then
        echo "  $target failed (exit $code); the end of $log:" >&2
        tail -30 "$log" >&2
        status=1
    fi
done
exit "$status"
