#!/usr/bin/env bash
# Runs every fuzz target for N minutes each (default 5), keeping corpora in fuzz/corpus/<target>.
# Not part of CI. Usage: fuzz/run.sh [MINUTES] [TARGET…]
#
# cargo-fuzz needs a nightly toolchain (libFuzzer and -Zsanitizer). This script uses the
# `nightly` toolchain if rustup has one and stops with a message otherwise: it never
# downloads a toolchain itself. cargo-fuzz itself comes from crates.io when missing.
set -euo pipefail
cd "$(dirname "$0")"

minutes="${1:-5}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(normalize cite_extract query_parse html_extract)
fi

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "fuzz/run.sh: no nightly toolchain installed; cargo-fuzz needs one." >&2
    echo "Install one yourself (rustup toolchain install nightly) and run this again." >&2
    exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz/run.sh: installing cargo-fuzz from crates.io" >&2
    cargo install --locked cargo-fuzz
fi

seconds=$((minutes * 60))
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    # Seed each corpus with the bundled articles, so the fuzzer starts from real Vietnamese.
    if [ -z "$(ls -A "corpus/$target")" ]; then
        cp ../corpus/* "corpus/$target/" 2>/dev/null || true
    fi
    echo "== $target for $minutes min" >&2
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10
done
