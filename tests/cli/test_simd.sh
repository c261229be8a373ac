#!/usr/bin/env bash
# The kernel's vector paths (SCRUTIN_SIMD=avx512|avx2|portable, docs/performance.md): every path
# this CPU runs gives byte-identical CSVs, for 1, 2 and 4 threads; run.json and --version say
# which path ran; a path this CPU lacks, or a name that is none, exits 2 with a message. The
# paths this CPU lacks are skipped, and the test says so.
set -u
scrutin=$1
src=$2
scenario=$src/scenarios/mali-2007/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
tables="seats_distribution.csv seats_summary.csv districts.csv district_lists.csv district_leverage.csv district_runoffs.csv"
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

ran=()
for path in avx512 avx2 portable; do
    SCRUTIN_SIMD=$path "$scrutin" --version >"$work/version" 2>"$work/err"
    status=$?
    if [ "$status" -ne 0 ]; then
        if [ "$status" -eq 2 ] && grep -q "SCRUTIN_SIMD=$path" "$work/err"; then pass
        else fail "SCRUTIN_SIMD=$path --version: exit $status without a message"; fi
        echo "test_simd: path $path not available on this CPU or build: skipped"
        continue
    fi
    if grep -qx "kernel: $path .*" "$work/version"; then pass
    else fail "SCRUTIN_SIMD=$path --version does not say 'kernel: $path'"; fi
    for t in 1 2 4; do
        if SCRUTIN_SIMD=$path "$scrutin" run "$scenario" -n 1500 --seed 11 --threads "$t" \
            --out "$work/$path-$t" --no-progress >/dev/null 2>"$work/err"; then pass
        else fail "SCRUTIN_SIMD=$path run --threads $t: exit $?"; sed 's/^/    /' "$work/err"; continue; fi
        if grep -q "\"simd\": \"$path\"" "$work/$path-$t/run.json"; then pass
        else fail "run.json of SCRUTIN_SIMD=$path does not say \"simd\": \"$path\""; fi
    done
    ran+=("$path")
done
echo "test_simd: paths compared: ${ran[*]:-none}"
[ ${#ran[@]} -gt 0 ] || fail "no vector path ran"
first=${ran[0]:-}
for path in "${ran[@]}"; do
    for t in 1 2 4; do
        [ "$path-$t" = "$first-1" ] && continue
        for f in $tables; do
            if cmp -s "$work/$first-1/$f" "$work/$path-$t/$f"; then pass
            else fail "$f differs between $first (1 thread) and $path ($t threads)"; fi
        done
    done
done

# The default is the best path, and says so.
"$scrutin" run "$scenario" -n 200 --out "$work/default" --no-progress >/dev/null 2>&1
best=$(sed -n 's/^kernel: \([a-z0-9]*\) .*/\1/p' < <("$scrutin" --version))
if [ -n "$best" ] && grep -q "\"simd\": \"$best\"" "$work/default/run.json"; then pass
else fail "run.json of a default run does not name the path --version names ($best)"; fi

# A name that is no path: exit 2, with the names.
SCRUTIN_SIMD=sse2 "$scrutin" run "$scenario" -n 10 --out "$work/bad" >/dev/null 2>"$work/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "expected avx512, avx2 or portable" "$work/err" &&
    [ ! -e "$work/bad" ]; then pass
else fail "SCRUTIN_SIMD=sse2: exit $status, wanted 2 with the names and no output"; fi

echo "test_simd: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
