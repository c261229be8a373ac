#!/usr/bin/env bash
# scrutin init and scrutin import (issue #16; docs/user-guide.md, "Your own election"): a
# template and a results table become scenarios that validate and run; the same table with
# ';' and decimal commas gives the same scenario; a non-empty folder is refused without
# --force; every problem of a table is named at its line.
set -u
scrutin=$1
src=$2
data=$src/tests/data/import
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() { # DESCRIPTION COMMAND...: the command succeeds
    local what=$1; shift
    if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}
# refused NAME MESSAGE-ERE -- ARGS: scrutin ARGS exits 2 with MESSAGE on stderr
refused() {
    local name=$1 msg=$2
    shift 3
    "$scrutin" "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 2 ] && grep -Eq -- "$msg" "$work/err"; then passed=$((passed + 1))
    else echo "FAIL $name: exit $got (wanted 2), stderr:"; sed 's/^/    /' "$work/err"
        failures=$((failures + 1)); fi
}

# --- init: a template that validates and runs as it is -----------------------------------
"$scrutin" init "$work/mine" >"$work/init.out" 2>&1
check "init exits 0" [ $? -eq 0 ]
check "init says the scenario is valid" grep -q 'written and valid' "$work/init.out"
check "init's scenario validates" "$scrutin" validate "$work/mine/scenario.yaml"
check "init's scenario runs" "$scrutin" run "$work/mine/scenario.yaml" -n 300 -q --no-progress \
    --out "$work/mine-run"
check "init's what-if compares" "$scrutin" compare "$work/mine/scenario.yaml" \
    "$work/mine/whatif-opposition-plus-5.yaml" -n 200 -q --no-progress --out "$work/mine-cmp"
check "init's scenario is commented" grep -q '^# ' "$work/mine/scenario.yaml"
cp "$work/mine/scenario.yaml" "$work/before.yaml"
echo "my edit" >>"$work/mine/scenario.yaml"
refused init-again 'the folder is not empty.*--force' -- init "$work/mine"
# A folder under a file: the part of the path that is a file is named.
touch "$work/plain"
"$scrutin" import "$data/results.csv" --out "$work/plain/new" >"$work/out" 2>"$work/err"
check "import under a file names the file" grep -q "the folder cannot be created: Not a directory (\"$work/plain\" is a file, not a folder): give --out a path in a folder" "$work/err"
check "import under a file writes nothing" [ ! -e "$work/plain/new" ]
check "a refused init leaves the scenario as it was" grep -q '^my edit$' "$work/mine/scenario.yaml"
mkdir -p "$work/other" && echo keep >"$work/other/notes.txt"
check "init --force writes into a non-empty folder" "$scrutin" init "$work/other" --force
check "--force touches no other file" grep -qx keep "$work/other/notes.txt"
touch "$work/a-file"
refused init-file 'exists and is not a folder' -- init "$work/a-file"

# --- import: a table written by hand -------------------------------------------------------
"$scrutin" import "$data/results.csv" --out "$work/comma" --name hand >"$work/import.out" 2>&1
check "import exits 0" [ $? -eq 0 ]
check "import validates what it wrote" grep -q 'written and valid' "$work/import.out"
check "the imported scenario validates" "$scrutin" validate "$work/comma/scenario.yaml"
check "the imported scenario runs with --report" "$scrutin" run "$work/comma/scenario.yaml" \
    -n 300 -q --no-progress --report --out "$work/comma-run"
check "the report is written" [ -s "$work/comma-run/report.html" ]
check "the coalitions left to the user are marked" \
    grep -q 'Left to you: the COALITIONS' "$work/comma/scenario.yaml"
check "candidates written with ';'" grep -q '^N1,PA-PB,"Liste commune, PA et PB",joint,PA;PA;PB,8000,' \
    "$work/comma/lists.csv"
check "a district's columns from its first row" \
    grep -qx 'N2,Nord-Ouest,Nord,2,20000,9000,200,,,1300,PA,hand-written test table,' \
    "$work/comma/districts.csv"
check "the independent pseudo-party is marked" \
    grep -q '{id: IND, name: IND, coalition: IND, independent: true}' "$work/comma/scenario.yaml"

# The same table with ';' between cells, decimal commas and CRLF line ends: the same scenario
# (but for the lines that name the table).
"$scrutin" import "$data/results-semicolon.csv" --out "$work/semi" --name hand >/dev/null 2>&1
check "import of the ';' table exits 0" [ $? -eq 0 ]
check "the same districts.csv" cmp "$work/comma/districts.csv" "$work/semi/districts.csv"
check "the same lists.csv" cmp "$work/comma/lists.csv" "$work/semi/lists.csv"
check "the same scenario.yaml" diff <(grep -v 'results' "$work/comma/scenario.yaml") \
    <(grep -v 'results' "$work/semi/scenario.yaml")

refused import-again 'the folder is not empty' -- import "$data/results.csv" --out "$work/comma"
check "import --force rewrites the scenario" "$scrutin" import "$data/results.csv" \
    --out "$work/comma" --force
refused import-no-out '--out DIR is required' -- import "$data/results.csv"

# --- bad tables: every problem at its line, nothing written -------------------------------
bad() { # NAME SED-EXPRESSION MESSAGE-ERE: the edited table is refused, nothing is written
    sed "$2" "$data/results.csv" >"$work/$1.csv"
    cmp -s "$data/results.csv" "$work/$1.csv" && { echo "FAIL $1: the edit changed nothing"
        failures=$((failures + 1)); return; }
    refused "$1" "$3" -- import "$work/$1.csv" --out "$work/$1-out"
    check "$1: nothing written" [ ! -e "$work/$1-out" ]
}
bad disagree '3s/^,N1,,,/,N1,,4,/' 'disagree.csv:3: seats: district "N1" has seats "4" here but "3" on line 2'
bad count '3s/,6700,/,6.7k,/' 'count.csv:3: votes_r1: "6.7k" is not a whole number >= 0'
bad decimal-comma '3s/,6700,/,"6700,5",/' 'decimal-comma.csv:3: votes_r1: .*a decimal comma is read only in a table separated by .;.'
bad id '6s/,S1,Ségou,/,Ségou,Ségou,/' 'id.csv:6: district: "Ségou" is not a valid district id .*try "Segou"'
bad kind '3s/,party,/,parti,/' 'kind.csv:3: kind: "parti" is not a list kind'
bad sums '3s/,6700,/,6600,/' 'sums.csv:2: voters: district "N1": voters - invalid = 14700 valid votes, but its lists. votes_r1 add up to 14600'
bad column '1s/,votes_r1,/,votes_1,/' 'column.csv:1: votes_1: unknown column "votes_1": did you mean "votes_r1"\?'
bad scattered '$s/^,S1,/,N1,/' 'scattered.csv:8: district: district "N1" appears again after other districts'
bad no-region '2s/^Nord,N1,/,N1,/' 'no-region.csv:2: region: district "N1" has no region on any of its rows'

# --- scenarios/bamako-2013 is what scrutin import makes of its table ---------------------
bamako=$src/scenarios/bamako-2013
"$scrutin" import "$bamako/results-2013.csv" --out "$work/bamako" --name bamako-2013 \
    >/dev/null 2>"$work/bamako.err"
check "bamako-2013: its table imports" [ $? -eq 0 ]
check "bamako-2013: districts.csv is the import's" cmp "$bamako/districts.csv" "$work/bamako/districts.csv"
check "bamako-2013: lists.csv is the import's" cmp "$bamako/lists.csv" "$work/bamako/lists.csv"
check "bamako-2013: the import warns for Communes I, IV and V" \
    grep -q 'in 3 districts .*: Commune-I, Commune-IV, Commune-V$' "$work/bamako.err"
"$scrutin" replay "$bamako/scenario.yaml" --partial --format csv >"$work/bamako.csv" 2>"$work/bamako.err"
check "bamako-2013: replay --partial exits 0" [ $? -eq 0 ]
check "bamako-2013: replay --partial names the communes left unfilled" \
    grep -q '3 districts (7 seats) reach round 2 without a round-2 result, left unfilled: Commune-I, Commune-IV, Commune-V' \
    "$work/bamako.err"
check "bamako-2013: the published winners give RPM 5 seats" grep -qx 'provisional,party,RPM,5' "$work/bamako.csv"
refused bamako-full 'goes to round 2 in district "Commune-I" but has no votes_r2' -- replay "$bamako/scenario.yaml"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
