#!/usr/bin/env bash
# The library as its users get it: install scrutin into a temporary prefix, then build the
# example docs/examples/p_majority.c against that installation in both documented ways,
#   cc p_majority.c $(pkg-config --cflags --libs scrutin)        (scrutin.pc)
#   find_package(scrutin) + target_link_libraries(... scrutin::scrutin)   (CMake package)
# run both on Mali 2007 and check that they print the same lines. The installation is moved
# to another folder before the example is built, which checks that nothing in it points at
# the build tree or at the prefix it was installed to.
#
#   scripts/ci-install.sh        BUILD_DIR (default build) is built first, configured if it
#                                is not yet (with CMAKE_ARGS)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=$(nproc 2>/dev/null || echo 2)
scenario=scenarios/mali-2007/scenario.yaml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; passed=$((passed + 1)); }

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    # shellcheck disable=SC2086
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$JOBS" >/dev/null

# Install, then move the installation elsewhere.
cmake --install "$BUILD_DIR" --prefix "$work/installed" >"$work/install.log"
mv "$work/installed" "$work/prefix"
prefix=$work/prefix

for f in bin/scrutin include/scrutin.h include/scrutin/plot.h include/scrutin/sim.h \
         include/scrutin/version.h \
         share/man/man1/scrutin.1; do
    if [ -f "$prefix/$f" ]; then pass "installed $f"; else fail "not installed: $f"; fi
done
pc=$(find "$prefix" -name scrutin.pc | head -1)
config=$(find "$prefix" -name scrutinConfig.cmake | head -1)
lib=$(find "$prefix" -name 'libscrutin.so.*' | head -1)
for what in pc config lib; do
    if [ -n "${!what}" ]; then pass "installed ${!what#"$prefix"/}"; else fail "not installed: $what"; fi
done
# Text files only (-I): the library's debugging information names its sources, as it should.
if grep -rIqs -- "$(pwd)" "$prefix"; then
    fail "installed files name the source or build tree: $(grep -rIls -- "$(pwd)" "$prefix" | head -3)"
else pass "no source or build-tree path in the installed text files"; fi
if "$prefix/bin/scrutin" --version >/dev/null; then pass "the installed scrutin runs"
else fail "the installed scrutin does not run"; fi
if man -l "$prefix/share/man/man1/scrutin.1" 2>/dev/null | grep -q 'scrutin run'; then pass "man page"
elif ! command -v man >/dev/null; then pass "man page (man is not installed: not read)"
else fail "the installed man page cannot be read"; fi

# The example is held to the project's warnings (CMakeLists.txt), as errors.
warnings="-Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Werror"

# 1. pkg-config.
export PKG_CONFIG_PATH=${pc%/*}
cflags=$(pkg-config --cflags scrutin)
libs=$(pkg-config --libs scrutin)
libdir=$(pkg-config --variable=libdir scrutin)
echo "     pkg-config --cflags --libs scrutin: $cflags $libs"
# shellcheck disable=SC2086
if cc -std=c17 $warnings docs/examples/p_majority.c $cflags $libs \
      -Wl,-rpath,"$libdir" -o "$work/p_majority_pc"; then pass "built with pkg-config"
else fail "the example does not build with pkg-config"; fi

# 2. The CMake package.
if cmake -S docs/examples -B "$work/example" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_FLAGS="$warnings" >"$work/cmake.log" 2>&1 &&
   cmake --build "$work/example" >>"$work/cmake.log" 2>&1; then pass "built with find_package(scrutin)"
else fail "the example does not build with find_package(scrutin):"; sed 's/^/    /' "$work/cmake.log"; fi

# Both print each coalition's P(majority), and the same.
if [ -x "$work/p_majority_pc" ] && [ -x "$work/example/p_majority" ]; then
    "$work/p_majority_pc" "$scenario" >"$work/out_pc" || fail "the pkg-config build failed to run"
    "$work/example/p_majority" "$scenario" >"$work/out_cmake" || fail "the CMake build failed to run"
    sed 's/^/     /' "$work/out_pc"
    coalitions=$(grep -c '^[A-Z]' "$work/out_pc" || true)
    if [ "$coalitions" -ge 5 ] && grep -q '^ADP ' "$work/out_pc"; then pass "P(majority) of $coalitions coalitions"
    else fail "the example did not print the coalitions of Mali 2007"; fi
    if cmp -s "$work/out_pc" "$work/out_cmake"; then pass "both builds print the same lines"
    else fail "the two builds print different lines:"; diff "$work/out_pc" "$work/out_cmake"; fi
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
