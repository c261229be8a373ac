#!/usr/bin/env bash
# The command line on bad input: a message naming file and line, exit status 2, no crash.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0

# expect NAME STATUS PATTERN -- command...: the command exits with STATUS and stderr matches
# PATTERN (EMPTY: stderr is empty).
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    local matched=1
    if [ "$pattern" = EMPTY ]; then [ ! -s "$work/err" ] || matched=0
    else grep -Eq -- "$pattern" "$work/err" || matched=0; fi
    if [ "$got" -ne "$want" ] || [ "$matched" -eq 0 ]; then
        echo "FAIL $name: exit $got (wanted $want), stderr:"; sed 's/^/    /' "$work/err"
        failures=$((failures + 1))
    else
        passed=$((passed + 1))
    fi
}

variant() { # a fresh copy of the small scenario in $work/$1
    rm -rf "${work:?}/$1"; mkdir -p "$work/$1"
    cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/$1/"
}

variant syntax;  sed -i 's/^seats: 6/seats: [6/' "$work/syntax/scenario.yaml"
expect yaml-syntax 2 'scenario\.yaml:[0-9]+: YAML syntax error' -- "$scrutin" replay "$work/syntax/scenario.yaml"

variant unknown; sed -i 's/^seats: 6/seats: 6\ncolour: red/' "$work/unknown/scenario.yaml"
expect unknown-key 2 'scenario\.yaml:6: .*colour' -- "$scrutin" validate "$work/unknown/scenario.yaml"

variant party;   sed -i 's/A;A;B/A;MRP;B/' "$work/party/lists.csv"
expect undeclared-party 2 'lists\.csv:2: candidates: .*"MRP"' -- "$scrutin" replay "$work/party/scenario.yaml"

variant seats;   sed -i 's/^D3,District three,South,1,/D3,District three,South,2,/' "$work/seats/districts.csv"
expect seats-total 2 'scenario\.yaml:5: seats: ' -- "$scrutin" validate "$work/seats/scenario.yaml"

variant missing; rm "$work/missing/lists.csv"
expect missing-csv 2 'scenario\.yaml:[0-9]+: lists: .*cannot be opened' -- "$scrutin" replay "$work/missing/scenario.yaml"

variant negative; sed -i 's/1500,1400/-1500,1400/' "$work/negative/lists.csv"
expect negative-votes 2 'lists\.csv:5: votes_r1: .*negative' -- "$scrutin" replay "$work/negative/scenario.yaml"

expect no-such-scenario 2 'cannot open' -- "$scrutin" replay "$work/nope.yaml"
expect bad-format 2 'unknown format' -- "$scrutin" replay --format xml "$src/tests/data/small/scenario.yaml"
expect bad-seed 2 'not a seed' -- "$scrutin" replay --seed -3 "$src/tests/data/small/scenario.yaml"
expect unknown-command 2 'unknown command' -- "$scrutin" frobnicate
expect good 0 EMPTY -- "$scrutin" validate "$src/tests/data/small/scenario.yaml"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
