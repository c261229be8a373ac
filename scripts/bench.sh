#!/usr/bin/env bash
# The benchmark in one command (docs/performance.md): build with the benchmark on, run it, and
# write bench/results/latest.json and bench/results/latest.md.
#   scripts/bench.sh            the full benchmark (10 to 20 minutes on 2 cores; the draws
#                               database's runs, at 10^6 simulations on one thread, are 3 of them)
#   scripts/bench.sh --quick    the CI mode (under a minute)
#   scripts/bench.sh --million  only `scrutin run -n 1000000` on every core, for the AVX-512 and
#                               AVX2 paths in turn, median of 3 (--repeats R): the issue's
#                               headline (bench/results/million.json and million.md)
# Other options go to scrutin-bench (--repeats R, --threads T, --simulations N, --only
# SECTION,...; --help).
# BUILD_DIR (default build-bench) and CMAKE_ARGS are honoured. With valgrind installed the
# kernel's instructions per simulation are counted too. The old kernel (OLD_KERNEL, default the
# commit before the batched draws) is built from git into build-bench-old/ and timed in turn
# with the new one; OLD_KERNEL=none leaves it out. The benchmark reports; it fails only
# if it cannot run, never on a timing.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-bench}
JOBS=$(nproc 2>/dev/null || echo 2)

# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DSCRUTIN_BUILD_BENCH=ON ${CMAKE_ARGS:-} \
    >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target scrutin_bench

args=()
name=latest
if [ "${1:-}" = --million ]; then
    # The headline alone: neither the old kernel nor valgrind, a report of its own.
    shift
    set -- --only million "$@"
    name=million
    OLD_KERNEL=none
fi
# The kernel before the batched draws (issue #15), for the comparison in one run.
OLD_KERNEL=${OLD_KERNEL:-8a505aee60b9936a41b9c3ffa4f2cf52b2811a48}
if [ "$OLD_KERNEL" = none ]; then
    :
elif git cat-file -e "$OLD_KERNEL^{commit}" 2>/dev/null; then
    old=build-bench-old
    if [ ! -x "$old/build/scrutin" ]; then
        rm -rf "$old" && mkdir -p "$old/src"
        git archive "$OLD_KERNEL" | tar -x -C "$old/src"
        cmake -S "$old/src" -B "$old/build" -DCMAKE_BUILD_TYPE=Release -DSCRUTIN_BUILD_TESTS=OFF \
            >/dev/null
        cmake --build "$old/build" -j "$JOBS" --target scrutin_cli >/dev/null
    fi
    args+=(--old-cli "$old/build/scrutin")
else
    echo "scripts/bench.sh: no old kernel ($OLD_KERNEL): the new one alone" >&2
fi
if [ "$name" = million ]; then
    :
elif command -v valgrind >/dev/null 2>&1; then
    args+=(--callgrind)
else
    echo "scripts/bench.sh: valgrind not found: no instruction counts and no floor" >&2
fi
mkdir -p bench/results
"$BUILD_DIR/scrutin-bench" "${args[@]}" --json "bench/results/$name.json" \
    --md "bench/results/$name.md" "$@"
cat "bench/results/$name.md"
