#!/usr/bin/env bash
# CI: the whole test suite under the sanitizers (docs/testing.md).
#
#   scripts/ci-sanitize.sh          both jobs below
#   scripts/ci-sanitize.sh asan     AddressSanitizer + UndefinedBehaviorSanitizer (GCC, build-asan):
#                                   the whole ctest suite; any report stops the program and fails it
#   scripts/ci-sanitize.sh tsan     ThreadSanitizer (clang, build-tsan): the whole ctest suite, whose
#                                   parallel tests (test_sim, test_report, cli_test_run) run 1, 2 and
#                                   4 threads
#
# Why clang for ThreadSanitizer: GCC's OpenMP runtime (libgomp) is not instrumented, so TSan cannot
# see its barriers and reports races on every parallel region's exit. LLVM's runtime (libomp)
# with its Archer tool (libarcher.so, loaded through OMP_TOOL_LIBRARIES) tells TSan what OpenMP
# synchronises; TSAN_OPTIONS=ignore_noninstrumented_modules=1 then silences the runtime's own
# uninstrumented internals. No suppression file: every report left is about scrutin's code.
# Environment: JOBS (default 2); CMAKE_ARGS, added to both configurations.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
# clang, its sanitizer runtimes and LLVM's OpenMP runtime (with Archer) for the TSan job; the
# ASan job needs only GCC's runtimes, which build-essential brings. The rest is scripts/dev.sh's.
PACKAGES=(clang-14 libclang-rt-14-dev libomp-14-dev)

deps() {
    scripts/dev.sh deps
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "scripts/ci-sanitize.sh: installing ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

asan() {
    echo "scripts/ci-sanitize.sh: AddressSanitizer + UBSan, the whole suite (build-asan)" >&2
    # Not -Werror here: GCC's instrumentation makes its flow-based warnings (format-truncation,
    # stringop-*) report paths that cannot happen, and the normal CI build (.ci/run) already
    # holds every warning as an error.
    # shellcheck disable=SC2086 # CMAKE_ARGS is a list of words
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRUTIN_SANITIZE=ON \
        -DSCRUTIN_WERROR=OFF ${CMAKE_ARGS:-} >/dev/null
    cmake --build build-asan -j "$JOBS"
    # halt_on_error: the first report ends the program (exit 1, or 23 for a leak), failing its test.
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j "$JOBS"
}

tsan() {
    echo "scripts/ci-sanitize.sh: ThreadSanitizer, the whole suite (build-tsan)" >&2
    local cc archer
    cc=$(command -v clang-14 || command -v clang)
    archer=$(dirname "$(readlink -f "$cc")")/../lib/libarcher.so
    if [ ! -f "$archer" ]; then
        echo "scripts/ci-sanitize.sh: no Archer ($archer): install libomp-14-dev" >&2
        return 1
    fi
    # shellcheck disable=SC2086 # CMAKE_ARGS is a list of words
    CC=$cc cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRUTIN_TSAN=ON \
        -DSCRUTIN_WERROR=ON ${CMAKE_ARGS:-} >/dev/null
    cmake --build build-tsan -j "$JOBS"
    # exitcode=66: a race fails the test even where the program's own status was expected non-zero.
    OMP_TOOL_LIBRARIES=$archer \
    TSAN_OPTIONS="halt_on_error=1 exitcode=66 ignore_noninstrumented_modules=1 second_deadlock_stack=1" \
        ctest --test-dir build-tsan --output-on-failure -j "$JOBS"
}

case "${1:-all}" in
asan) deps; asan ;;
tsan) deps; tsan ;;
all) deps; asan; tsan ;;
*) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
