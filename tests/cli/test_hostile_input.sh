#!/usr/bin/env bash
# Hostile input (docs/testing.md, "Hostile input"): every input from anywhere (a pipe,
# /dev/stdin, a FIFO, a process substitution) read once; tables' cells as strict as the YAML's
# numbers; reads bounded; what-ifs as strict as base files, with bounded aliases and nesting.
# Every command runs under `timeout`: a hang is a failure, not a stuck suite.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
failures=0; passed=0
limit=20 # seconds: far above what any of these takes; only a hang reaches it

# expect NAME STATUS PATTERN -- command...: exits with STATUS (124: it hung) and stderr matches
# PATTERN (EMPTY: stderr is empty). No crash: a status above 128 is never wanted.
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    timeout -k 5 "$limit" "$@" >"$work/out" 2>"$work/err" </dev/null
    check "$name" "$?" "$want" "$pattern"
}
# The same, standard input from FILE: expect_in NAME STATUS PATTERN FILE -- command...
expect_in() {
    local name=$1 want=$2 pattern=$3 input=$4
    shift 5
    timeout -k 5 "$limit" "$@" >"$work/out" 2>"$work/err" <"$input"
    check "$name" "$?" "$want" "$pattern"
}
check() {
    local name=$1 got=$2 want=$3 pattern=$4 matched=1
    if [ "$pattern" = EMPTY ]; then [ ! -s "$work/err" ] || matched=0
    else grep -Eq -- "$pattern" "$work/err" || matched=0; fi
    if [ "$got" -ne "$want" ] || [ "$matched" -eq 0 ]; then
        echo "FAIL $name: exit $got (wanted $want), stderr:"; sed 's/^/    /' "$work/err" | head -20
        failures=$((failures + 1))
    else
        passed=$((passed + 1))
    fi
}
variant() { # a fresh copy of the small scenario in $work/$1
    rm -rf "${work:?}/$1"; mkdir -p "$work/$1"
    cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/$1/"
}
# feed FIFO FILE: write FILE into the FIFO in the background (killed at the end if unread)
feed() { cat "$2" >"$1" & pids+=($!); }

# --- Input from anywhere: pipes, /dev/stdin, FIFOs, process substitution --------------------
variant pipe
cd "$work/pipe" || exit 1
expect_in stdin-validate 0 EMPTY scenario.yaml -- "$scrutin" validate /dev/stdin
expect_in stdin-replay 0 EMPTY scenario.yaml -- "$scrutin" replay /dev/stdin
expect_in stdin-run 0 EMPTY scenario.yaml -- "$scrutin" run /dev/stdin -n 50 -t 1 -q -o "$work/pipe-out"
grep -Eq '"hash": "[0-9a-f]{32}"' "$work/pipe-out/run.json" && passed=$((passed + 1)) ||
    { echo "FAIL stdin-run: run.json has no content hash"; failures=$((failures + 1)); }
# The same hash as the file itself: the bytes read once are the bytes hashed.
expect file-run 0 EMPTY -- "$scrutin" run scenario.yaml -n 50 -t 1 -q -o "$work/file-out"
if [ "$(grep '"hash"' "$work/pipe-out/run.json")" = "$(grep '"hash"' "$work/file-out/run.json")" ]; then
    passed=$((passed + 1)); else echo "FAIL stdin-hash: differs from the file's"; failures=$((failures + 1)); fi
expect procsub-validate 0 EMPTY -- "$scrutin" validate <(cat scenario.yaml)
expect procsub-whatif 0 EMPTY -- "$scrutin" validate <(printf 'base: scenario.yaml\nname: piped\nseats: 6\n')
mkfifo "$work/pipe/scenario.fifo" "$work/pipe/lists.fifo" "$work/pipe/districts.fifo"
feed scenario.fifo scenario.yaml
expect fifo-scenario 0 EMPTY -- "$scrutin" validate scenario.fifo
# Tables as FIFOs, through validate, replay and run (run used to hash them by reading again).
sed 's/^districts: districts.csv/districts: districts.fifo/; s/^lists: lists.csv/lists: lists.fifo/' \
    scenario.yaml >fifo-tables.yaml
for cmd in validate replay "run -n 50 -t 1 -q -o $work/fifo-out"; do
    feed districts.fifo districts.csv; feed lists.fifo lists.csv
    # shellcheck disable=SC2086
    expect "fifo-tables-${cmd%% *}" 0 EMPTY -- "$scrutin" $cmd fifo-tables.yaml
done
# A scenario read from standard input reads its relative tables from the current folder.
cd "$work" || exit 1
expect_in stdin-elsewhere 2 '/dev/stdin:[0-9]+: districts: the districts table "districts.csv" cannot be opened \(districts.csv\): No such file' \
    "$work/pipe/scenario.yaml" -- "$scrutin" validate /dev/stdin
expect_in stdin-empty 2 'the scenario file is empty' /dev/null -- "$scrutin" validate /dev/stdin
cd "$work/pipe" || exit 1
# Bounded reads: /dev/zero as a table or as the scenario, refused at once.
sed 's|^lists: lists.csv|lists: /dev/zero|' scenario.yaml >zero.yaml
expect zero-table 2 'zero.yaml:[0-9]+: lists: the lists table "/dev/zero" is refused .*line 1 is longer than 1048576 bytes' -- "$scrutin" validate zero.yaml
expect zero-scenario 2 '/dev/zero:1: the scenario file is refused: line 1 is longer' -- "$scrutin" validate /dev/zero
head -c 70000000 /dev/zero | tr '\0' '\n' >big.csv
sed 's|^lists: lists.csv|lists: big.csv|' scenario.yaml >big.yaml
expect big-table 2 'lists table "big.csv" is refused .*larger than 64 MiB' -- "$scrutin" validate big.yaml
rm -f big.csv
expect folder-table 2 'lists table "." cannot be opened .*folder' -- \
    "$scrutin" validate <(sed 's|^lists: lists.csv|lists: .|' scenario.yaml)
# A read error is not "the table is empty".
if [ -r /proc/self/mem ]; then
    sed 's|^lists: lists.csv|lists: /proc/self/mem|' scenario.yaml >mem.yaml
    expect read-error 1 'lists table "/proc/self/mem" cannot be read .*: Input/output error' -- "$scrutin" validate mem.yaml
fi

# --- CSV cells as strict as the YAML's numbers -----------------------------------------------
cell() { # cell NAME SED-EXPRESSION LINE FIELD PATTERN: lists.csv edited, refused at LINE, FIELD
    variant "$1"; sed -i "$2" "$work/$1/lists.csv"
    expect "csv-$1" 2 "lists\.csv:$3: $4: $5" -- "$scrutin" validate "$work/$1/scenario.yaml"
}
cell hex 's/,2300,/,0x8FC,/' 3 votes_r1 '"0x8FC" is not a whole number'
cell exponent 's/,2300,/,2.3e3,/' 3 votes_r1 '"2.3e3" is not a whole number'
cell exponent2 's/,2300,/,23E2,/' 3 votes_r1 '"23E2" is not a whole number'
cell space-before 's/,2300,/, 2300,/' 3 votes_r1 '" 2300" is not a whole number'
cell space-after 's/,2300,/,2300 ,/' 3 votes_r1 '"2300 " is not a whole number'
cell fraction 's/,2300,/,2300.0,/' 3 votes_r1 '"2300.0" is not a whole number'
cell leading-zero 's/,2300,/,02300,/' 3 votes_r1 '"02300" is not a whole number: .*write 2300'
cell negative 's/,2300,/,-2300,/' 3 votes_r1 '"-2300" is negative'
cell word 's/,2300,/,many,/' 3 votes_r1 '"many" is not a number'
cell quoted-hex 's/,2300,/,"0x8FC",/' 3 votes_r1 '"0x8FC" is not a whole number'
variant nul; sed -i 's/,2300,/,2300\x00abc,/' "$work/nul/lists.csv"
expect csv-nul 2 'lists\.csv:3: votes_r1: column 6 holds a NUL byte' -- "$scrutin" validate "$work/nul/scenario.yaml"
variant nul-text; sed -i 's/,Party C,/,Party\x00C,/' "$work/nul-text/lists.csv"
expect csv-nul-text 2 'lists\.csv:3: name: column 3 holds a NUL byte' -- "$scrutin" replay "$work/nul-text/scenario.yaml"
variant nul-seats; sed -i 's/^D2,District two,North,2,/D2,District two,North,2\x00,/' "$work/nul-seats/districts.csv"
expect csv-nul-seats 2 'districts\.csv:3: seats: column 4 holds a NUL byte' -- "$scrutin" validate "$work/nul-seats/scenario.yaml"
# Lone CR line ends: read line by line, and a bad cell named at its own line.
variant cr; for t in districts lists; do tr '\n' '\r' <"$work/cr/$t.csv" >"$work/cr/x" && mv "$work/cr/x" "$work/cr/$t.csv"; done
expect csv-cr 0 EMPTY -- "$scrutin" replay "$work/cr/scenario.yaml"
variant cr-bad; sed -i 's/^D3,C,Party C,party,C,1200,/D3,C,Party C,party,C,12x0,/' "$work/cr-bad/lists.csv"
line=$(grep -n '12x0' "$work/cr-bad/lists.csv" | cut -d: -f1)
tr '\n' '\r' <"$work/cr-bad/lists.csv" >"$work/cr-bad/x" && mv "$work/cr-bad/x" "$work/cr-bad/lists.csv"
expect csv-cr-line 2 "lists\.csv:$line: votes_r1: \"12x0\"" -- "$scrutin" validate "$work/cr-bad/scenario.yaml"
variant crlf; sed -i 's/$/\r/' "$work/crlf/lists.csv" "$work/crlf/districts.csv"
expect csv-crlf 0 EMPTY -- "$scrutin" validate "$work/crlf/scenario.yaml"

# --- What-if files as strict as base files; aliases and nesting bounded ----------------------
variant whatif
cd "$work/whatif" || exit 1
w() { { printf 'base: scenario.yaml\nname: w\n'; printf -- "$2"; } >"$1.yaml"; }
w dup-key 'seats: 6\nmodel:\n  sd_list: 0.2\n  sd_list: 0.3\n'
expect whatif-dup-key 2 'dup-key\.yaml:6: sd_list: the key "sd_list" is given twice: here and on line 5' -- "$scrutin" validate dup-key.yaml
w dup-top 'seats: 6\nseats: 7\n'
expect whatif-dup-top 2 'dup-top\.yaml:4: seats: the key "seats" is given twice' -- "$scrutin" replay dup-top.yaml
w dup-id 'parties:\n  - {id: A, coalition: RIGHT}\n  - {id: B, coalition: RIGHT}\n  - {id: A, coalition: LEFT}\n'
expect whatif-dup-id 2 'dup-id\.yaml:6: A: a what-if updates each id once: the id "A" is given twice: here and on line 4' -- "$scrutin" validate dup-id.yaml
w two-docs 'seats: 6\n---\nseats: 7\n'
expect whatif-two-docs 2 'two-docs\.yaml:4: a second YAML document begins here' -- "$scrutin" validate two-docs.yaml
w two-docs-end 'seats: 6\n...\n---\n'
expect whatif-two-docs-end 2 'two-docs-end\.yaml:5: a second YAML document' -- "$scrutin" validate two-docs-end.yaml
cp scenario.yaml base-two-docs.yaml; printf -- '---\nseats: 7\n' >>base-two-docs.yaml
expect base-two-docs 2 'base-two-docs\.yaml:[0-9]+: a second YAML document begins here' -- "$scrutin" validate base-two-docs.yaml
w base-bad-docs 'seats: 6\n'; sed -i 's/^base: scenario.yaml/base: base-two-docs.yaml/' base-bad-docs.yaml
expect whatif-base-two-docs 2 'base-two-docs\.yaml:[0-9]+: a second YAML document' -- "$scrutin" validate base-bad-docs.yaml
# A small alias bomb: nine levels of nine aliases (387 million values once expanded).
{ printf 'base: scenario.yaml\nname: bomb\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
  for i in 1 2 3 4 5 6 7 8; do j=$((i - 1)); printf 'x%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $i $i $j $j $j $j $j $j $j $j $j; done
} >bomb.yaml
expect whatif-alias-bomb 2 'bomb\.yaml:[0-9]+: the file stands for more than 200000 values once its aliases' -- "$scrutin" validate bomb.yaml
sed 's/^base: scenario.yaml$/format: 1/' bomb.yaml >bomb-base.yaml
expect base-alias-bomb 2 'bomb-base\.yaml:[0-9]+: the file stands for more than 200000 values' -- "$scrutin" replay bomb-base.yaml
# Aliases that expand to little are still read.
w alias-ok 'model: &m {sd_list: 0.2}\n'
expect whatif-alias-small 0 EMPTY -- "$scrutin" validate alias-ok.yaml
# Deep nesting: refused at depth 65, before libyaml's cost (the square of the depth) matters.
{ printf 'base: scenario.yaml\nname: deep\nmodel: '; head -c 200000 /dev/zero | tr '\0' '['; echo; } >deep.yaml
expect whatif-deep 2 'deep\.yaml:3: the values are nested more than 64 levels deep' -- "$scrutin" validate deep.yaml
{ printf 'format: 1\nmodel:\n'; for i in $(seq 1 70); do printf "%*sk$i:\n" "$((2 * i))" ''; done; } >deep-block.yaml
expect base-deep 2 'deep-block\.yaml:[0-9]+: the values are nested more than 64 levels deep' -- "$scrutin" validate deep-block.yaml

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
