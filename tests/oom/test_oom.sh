#!/usr/bin/env bash
# Memory exhaustion at any point (docs/testing.md): for every K, the K-th allocation of
# scrutin's own code fails (scrutin_oom: tests/oom/oom_hook.c), through validate, replay and a
# short single-threaded run of the small scenario. Each must exit 1 with "out of memory" and what
# was being done on standard error: never a crash, never exit 2 (bad input), never exit 1 in
# silence. K runs from 1 until the command makes fewer than K allocations.
#   bash tests/oom/test_oom.sh SCRUTIN_OOM SOURCE_DIR [COMMAND]
set -u
oom=$1
src=$2
only=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/"
printf 'base: scenario.yaml\nname: whatif\nmodel: {sd_list: 0.2}\n' >"$work/whatif.yaml"
# Leaks on the paths of a failed allocation are not this test's subject (ASan would stop at each).
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
failures=0; runs=0

sweep() { # sweep NAME ARGS...: every K for one command
    local name=$1 k=1
    shift
    while :; do
        rm -rf "$work/out"
        SCRUTIN_OOM_AT=$k SCRUTIN_OOM_REPORT="$work/report" timeout -k 5 60 "$oom" "$@" \
            >/dev/null 2>"$work/err" </dev/null
        local rc=$? what
        what=$(cat "$work/report" 2>/dev/null || echo "no report")
        runs=$((runs + 1))
        case "$what" in
        reached*)
            if [ "$rc" -ne 0 ]; then
                echo "FAIL $name: exit $rc with no allocation failed"; sed 's/^/    /' "$work/err"
                failures=$((failures + 1))
            fi
            echo "$name: $((k - 1)) allocations, each made to fail in turn"
            return ;;
        failed*)
            if [ "$rc" -ne 1 ] || ! grep -q 'out of memory' "$work/err"; then
                echo "FAIL $name: allocation $k failed: exit $rc (wanted 1 and \"out of memory\"), stderr:"
                sed 's/^/    /' "$work/err" | head -5
                failures=$((failures + 1))
            fi ;;
        *)
            echo "FAIL $name: allocation $k: exit $rc and $what (a crash before exit?)"
            sed 's/^/    /' "$work/err" | head -5
            failures=$((failures + 1)) ;;
        esac
        k=$((k + 1))
        [ "$failures" -lt "${OOM_MAX_FAILURES:-20}" ] || { echo "(stopping after 20 failures)"; return; }
    done
}

cd "$work" || exit 1
[ -z "$only" ] || [ "$only" = validate ] && sweep validate validate scenario.yaml
[ -z "$only" ] || [ "$only" = whatif ] && sweep validate-whatif validate whatif.yaml
[ -z "$only" ] || [ "$only" = replay ] && sweep replay replay scenario.yaml
[ -z "$only" ] || [ "$only" = run ] && sweep run run scenario.yaml -n 20 -t 1 -q -o "$work/out"
echo "$runs runs, $failures failed"
[ "$failures" -eq 0 ]
