#!/usr/bin/env bash
# CI: build the scrutin command with MPI and run the whole test suite on it: the MPI
# build must pass every test the normal build passes, and tests/cli/test_mpi.sh (skipped
# elsewhere) checks that runs on 1, 2 and 3 ranks give the single-process results byte for
# byte: run, compare and sweep's files, and run's --draws database (its SQL dump), --given,
# --target-se and --min-matches. Environment: BUILD_DIR (default build-mpi), JOBS (default: the number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-mpi}
missing=()
for p in libopenmpi-dev openmpi-bin; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake -S . -B "$BUILD_DIR" -DSCRUTIN_WITH_MPI=ON -DSCRUTIN_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
cmake --build "$BUILD_DIR" -j "$JOBS"
# In parallel, as scripts/dev.sh test does; the tests marked RUN_SERIAL (signal timings) run alone.
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"

