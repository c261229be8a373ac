#!/usr/bin/env bash
# CI: fuzz the scenario loader (fuzz_scenario), the CSV reader (fuzz_csv) and what-if merging
# (fuzz_whatif) with libFuzzer, each
# for a bounded time, on a clang build with AddressSanitizer and UBSan (docs/testing.md).
#
#   scripts/ci-fuzz.sh          build, then run each target FUZZ_SECONDS (default 60) seconds
#   scripts/ci-fuzz.sh seeds    only (re)write the seed corpus into BUILD_DIR/seeds
#
# On a crash, a leak, a timeout, an out-of-memory or a sanitizer report, the input that caused it
# is copied into tests/fuzz/regressions/KIND/ (KIND: scenario, csv or whatif) and the script fails: commit
# the file with the fix, and the fuzz_KIND_replay test of the normal build replays it from then on.
# Seeds: tests/fuzz/corpus/KIND/ (committed), plus every scenario of scenarios/ and tests/data/
# (for fuzz_scenario: its YAML, districts and lists files joined by NUL bytes; for fuzz_csv: each
# CSV file). Environment: FUZZ_SECONDS, BUILD_DIR (default build-fuzz), JOBS (default 2),
# CMAKE_ARGS (added to the configuration).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
JOBS=${JOBS:-2}
# clang and its runtimes (libFuzzer, the sanitizers); the rest is scripts/dev.sh's.
PACKAGES=(clang-14 libclang-rt-14-dev)

deps() {
    scripts/dev.sh deps
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "scripts/ci-fuzz.sh: installing ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

clang_cc() { command -v clang-14 || command -v clang; }

# Seed corpus: BUILD_DIR/seeds/{scenario,csv}.
seeds() {
    local out=$BUILD_DIR/seeds
    rm -rf "$out"; mkdir -p "$out/scenario" "$out/csv" "$out/whatif"
    cp tests/fuzz/corpus/scenario/* "$out/scenario/" 2>/dev/null || true
    cp tests/fuzz/corpus/csv/* "$out/csv/" 2>/dev/null || true
    cp tests/fuzz/corpus/whatif/* "$out/whatif/" 2>/dev/null || true
    # fuzz_whatif: every what-if of the tests, without its base line (the target writes its own).
    local w
    for w in tests/data/whatif/*.yaml scenarios/*/whatif-*.yaml; do
        [ -f "$w" ] && grep -v '^base:' "$w" >"$out/whatif/$(echo "$w" | tr '/' '-')"
    done
    local yaml dir name
    for yaml in scenarios/*/scenario.yaml tests/data/*/scenario.yaml; do
        dir=$(dirname "$yaml")
        name=$(echo "$dir" | tr '/' '-')
        if [ ! -f "$dir/districts.csv" ] || [ ! -f "$dir/lists.csv" ]; then continue; fi
        # The target writes the tables as districts.csv and lists.csv next to the YAML.
        { sed -e 's/^districts: .*/districts: districts.csv/' -e 's/^lists: .*/lists: lists.csv/' "$yaml"
          printf '\0'; cat "$dir/districts.csv"; printf '\0'; cat "$dir/lists.csv"; } >"$out/scenario/$name"
        cp "$dir/districts.csv" "$out/csv/$name-districts.csv"
        cp "$dir/lists.csv" "$out/csv/$name-lists.csv"
    done
}

# fuzz KIND: run fuzz_KIND for FUZZ_SECONDS; keep what it finds. @return its exit status.
fuzz() {
    local kind=$1 target=$BUILD_DIR/tests/fuzz/fuzz_$1
    local found=$BUILD_DIR/artifacts/$kind/ corpus=$BUILD_DIR/corpus/$kind
    mkdir -p "$found" "$corpus"
    echo "scripts/ci-fuzz.sh: fuzz_$kind for ${FUZZ_SECONDS}s" >&2
    local status=0
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that takes 2 GB a bug.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$target" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict="tests/fuzz/$kind.dict" -artifact_prefix="$found" -print_final_stats=1 \
        "$corpus" "$BUILD_DIR/seeds/$kind" >"$BUILD_DIR/fuzz_$kind.log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+DONE|ERROR|SUMMARY|Test unit written' "$BUILD_DIR/fuzz_$kind.log" >&2 || true
    [ "$status" -eq 0 ] || tail -n 40 "$BUILD_DIR/fuzz_$kind.log" >&2
    local f kept=0
    for f in "$found"*; do
        [ -f "$f" ] || continue
        mkdir -p "tests/fuzz/regressions/$kind"
        cp "$f" "tests/fuzz/regressions/$kind/"
        echo "scripts/ci-fuzz.sh: fuzz_$kind found $(basename "$f"): kept in tests/fuzz/regressions/$kind/" >&2
        kept=1
    done
    if [ "$status" -ne 0 ] && [ "$kept" -eq 0 ]; then
        echo "scripts/ci-fuzz.sh: fuzz_$kind failed (exit $status) without a reproducer; see $BUILD_DIR/fuzz_$kind.log" >&2
    fi
    [ "$status" -eq 0 ] && [ "$kept" -eq 0 ]
}

case "${1:-}" in
seeds) seeds; exit 0 ;;
"") ;;
*) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

deps
# The targets write every input to files: on tmpfs, not a disk that syncs rewritten files on close.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi
# One thread per simulation is all a fuzzed input needs; OpenMP would only slow each input down.
# shellcheck disable=SC2086 # CMAKE_ARGS is a list of words
CC=$(clang_cc) cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRUTIN_FUZZ=ON \
    -DSCRUTIN_WITH_OPENMP=OFF ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target fuzz_scenario fuzz_csv fuzz_whatif \
    fuzz_scenario_replay fuzz_csv_replay fuzz_whatif_replay
seeds
rm -rf "$BUILD_DIR/artifacts"
failed=0
fuzz scenario || failed=1
fuzz csv || failed=1
fuzz whatif || failed=1
# What the fuzzers keep must replay as the ctest does: the regressions included.
"$BUILD_DIR/tests/fuzz/fuzz_scenario_replay" tests/fuzz/corpus/scenario tests/fuzz/regressions/scenario >/dev/null || failed=1
"$BUILD_DIR/tests/fuzz/fuzz_csv_replay" tests/fuzz/corpus/csv tests/fuzz/regressions/csv >/dev/null || failed=1
"$BUILD_DIR/tests/fuzz/fuzz_whatif_replay" tests/fuzz/corpus/whatif tests/fuzz/regressions/whatif >/dev/null || failed=1
if [ "$failed" -ne 0 ]; then
    echo "scripts/ci-fuzz.sh: FAILED; reproducers are in tests/fuzz/regressions/" >&2
    exit 1
fi
echo "scripts/ci-fuzz.sh: both targets ran ${FUZZ_SECONDS}s clean" >&2
