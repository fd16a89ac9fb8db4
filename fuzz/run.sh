#!/usr/bin/env bash
# Runs every fuzz target for N minutes each (default 5), keeping corpora in fuzz/corpus/<target>.
# Not part of CI. Usage: fuzz/run.sh [MINUTES] [TARGET…]
#
# cargo-fuzz builds with -Zsanitizer=address, a nightly flag. With a nightly toolchain
# installed it is used; otherwise the stable toolchain is told to accept nightly flags
# (RUSTC_BOOTSTRAP=1), which works because the sanitizer runtime ships with every toolchain.
# It never downloads a toolchain. cargo-fuzz itself comes from crates.io when missing.
set -euo pipefail
cd "$(dirname "$0")"

minutes="${1:-5}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(normalize cite_extract query_parse html_extract)
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "fuzz/run.sh: installing cargo-fuzz from crates.io" >&2
    cargo install --locked cargo-fuzz
fi
# FUZZ_TOOLCHAIN=stable forces the stable route (say, to reuse a build made with it).
if [ "${FUZZ_TOOLCHAIN:-}" != stable ] && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi

seconds=$((minutes * 60))
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    # Start from the kept, minimised corpus of earlier runs (corpora.tar.gz) when there is
    # one, else from the bundled articles, so the fuzzer starts from real Vietnamese.
    if [ -z "$(ls -A "corpus/$target")" ]; then
        tar -xzf corpora.tar.gz -C corpus "$target" 2>/dev/null ||
            cp ../corpus/* "corpus/$target/" 2>/dev/null || true
    fi
    echo "== $target for $minutes min" >&2
    "${fuzz[@]}" run -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10
done

# Keep what was learned: minimise every corpus (inputs cut to 4 KB, only those adding
# coverage) and pack them into corpora.tar.gz, which is committed.
if [ "${FUZZ_KEEP:-1}" = 1 ]; then
    kept=$(mktemp -d)
    for target in normalize cite_extract query_parse html_extract; do
        [ -d "corpus/$target" ] || continue
        mkdir -p "$kept/$target"
        "${fuzz[@]}" run -O "$target" "$kept/$target" "corpus/$target" -- \
            -merge=1 -max_len=4096 -timeout=10 2>/dev/null
    done
    tar -czf corpora.tar.gz -C "$kept" $(ls "$kept")
    rm -rf "$kept"
    echo "kept: fuzz/corpora.tar.gz ($(du -h corpora.tar.gz | cut -f1))" >&2
fi
