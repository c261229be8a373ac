#!/usr/bin/env bash
# scrutin's one entry point for a fresh Debian 12 machine (as root, or with sudo):
#   scripts/dev.sh run    install what is missing, build, and run the main job on Mali 2007
#   scripts/dev.sh test   install what is missing, build, and run the whole test suite
#   scripts/dev.sh deps | build   the first steps alone
# BUILD_DIR (default: build) and CMAKE_ARGS are honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=$(nproc 2>/dev/null || echo 2)

PACKAGES=(build-essential cmake pkg-config libgsl-dev librandom123-dev libcyaml-dev libyaml-dev
          libcsv-dev libjansson-dev libxxhash-dev libsleef-dev libsqlite3-dev libcmocka-dev
          gnuplot-nox python3)

deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "scripts/dev.sh: installing ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

build() {
    # shellcheck disable=SC2086
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-}" in
deps) deps ;;
build) deps; build ;;
run)
    deps; build
    "$BUILD_DIR/scrutin" replay scenarios/mali-2007/scenario.yaml
    "$BUILD_DIR/scrutin" run scenarios/mali-2007/scenario.yaml -n 100000 --out results/mali-2007
    ;;
test)
    deps; build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
*)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
