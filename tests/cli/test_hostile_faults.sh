#!/usr/bin/env bash
# Faults and what is said about them (docs/testing.md, "Hostile input and faults"): errors keep
# their cause (a full disk, on standard output and under the output folder, a path that is not
# UTF-8, long messages never cut, strict numeric options), and validate says, as a note, what
# replay would refuse.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# expect NAME STATUS PATTERN -- command...: exit STATUS and stderr matching PATTERN (EMPTY: empty)
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    timeout -k 5 60 "$@" >"$work/out" 2>"$work/err" </dev/null
    local got=$? matched=1
    if [ "$pattern" = EMPTY ]; then [ ! -s "$work/err" ] || matched=0
    else grep -Eq -- "$pattern" "$work/err" || matched=0; fi
    if grep -q 'out of memory' "$work/err" && [[ "$pattern" != *"out of memory"* ]]; then matched=0; fi
    if [ "$got" -ne "$want" ] || [ "$matched" -eq 0 ]; then
        fail "$name: exit $got (wanted $want), stderr:"; sed 's/^/    /' "$work/err" | cut -c1-300 | head -10
    else ok; fi
}
variant() { rm -rf "${work:?}/$1"; mkdir -p "$work/$1"; cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/$1/"; }
variant s; cd "$work/s" || exit 1

# --- A full disk says so -----------------------------------------------------------------------
for cmd in validate replay show "run -n 20 -t 1 -o $work/full-out"; do
    # shellcheck disable=SC2086
    timeout 60 "$scrutin" $cmd scenario.yaml >/dev/full 2>"$work/err"
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q 'No space left on device' "$work/err"; then ok
    else fail "full-disk ${cmd%% *}: exit $rc, stderr: $(head -3 "$work/err")"; fi
done
for format in csv json md; do
    timeout 60 "$scrutin" replay --format "$format" scenario.yaml >/dev/full 2>"$work/err"
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q 'No space left on device' "$work/err"; then ok
    else fail "full-disk replay --format $format: exit $rc"; fi
done

# --- A full disk under the output folder says so, and leaves no folder presented as a result ---
# A file-size limit (ulimit -f, in KiB) makes every write past it fail with EFBIG, as a full disk
# fails with ENOSPC, without root; SIGXFSZ, which would kill the process first, is ignored (and
# stays ignored across exec). Each case fails at a different file: a table, run.json, report.html,
# the plots, compare.json, sweep.json, the draws database. A folder holds a result only when its
# index is there and its lock file is not (docs/cli.md, "How to tell an interrupted run").
# TMPDIR names a folder that does not exist: ThreadSanitizer's runtime (scripts/ci-sanitize.sh tsan) starts by
# writing 512 KiB into a file of $TMPDIR that it maps over the shadow of read-only data, which the
# limit cuts short, so that the first read of a constant's shadow past it is a SIGBUS before
# scrutin runs; without the file it skips that mapping. scrutin writes under its output folder
# (SQLite, should it want a temporary file, falls back to /var/tmp or /tmp).
capped() { # KIB INDEX NAME COMMAND...: exit 1, the cause said, the folder not a result, no .tmp
    local kib=$1 index=$2 name=$3
    shift 3
    ( ulimit -f "$kib"; trap '' XFSZ; TMPDIR=$work/no-such-folder exec timeout 60 "$@" ) >/dev/null 2>"$work/err" </dev/null
    local rc=$? problems=""
    [ "$rc" -eq 1 ] || problems="$problems exit $rc (wanted 1);"
    grep -q 'File too large' "$work/err" || problems="$problems the cause is not said;"
    if [ -e "$work/capped/$index" ] && [ ! -e "$work/capped/.scrutin.lock" ]; then
        problems="$problems $index without a lock file: presented as a whole run;"
    fi
    [ -z "$(find "$work" -name '*.tmp' 2>/dev/null)" ] || problems="$problems temporary files left;"
    if [ -z "$problems" ]; then ok
    else fail "file-size limit, $name:$problems stderr: $(head -3 "$work/err")"; fi
}
whatif=$src/tests/data/whatif/merge.yaml
for kib in 1 4 16; do
    rm -rf "$work/capped"
    capped "$kib" run.json "run ${kib} KiB" "$scrutin" run scenario.yaml -n 300 -t 1 -q --no-progress \
        -o "$work/capped"
    rm -rf "$work/capped"
    capped "$kib" run.json "run --report ${kib} KiB" "$scrutin" run scenario.yaml -n 300 -t 1 -q \
        --no-progress --report -o "$work/capped"
    rm -rf "$work/capped"
    capped "$kib" compare.json "compare ${kib} KiB" "$scrutin" compare scenario.yaml "$whatif" -n 300 \
        -t 1 -q --no-progress --plots -o "$work/capped"
done
rm -rf "$work/capped"
capped 1 sweep.json "sweep 1 KiB" "$scrutin" sweep scenario.yaml --set model.sd_list --from 0.1 --to 0.3 \
    --steps 3 -n 200 -t 1 -q --no-progress --plots -o "$work/capped"
rm -rf "$work/capped"
capped 4 run.json "run --draws 4 KiB" "$scrutin" run scenario.yaml -n 300 -t 1 -q --no-progress \
    --draws "$work/capped.db" -o "$work/capped"
[ ! -e "$work/capped.db" ] && ok || fail "file-size limit: a draws database left after failing"
# Over an earlier complete run: its run.json stays, but the lock file says the folder is not it.
rm -rf "$work/capped"
timeout 60 "$scrutin" run scenario.yaml -n 300 -t 1 -q --no-progress -o "$work/capped" || fail "run: exit $?"
capped 4 run.json "run over an earlier run 4 KiB" "$scrutin" run scenario.yaml -n 400 -t 1 -q \
    --no-progress -o "$work/capped"
# init and import write the tables, then scenario.yaml: stopped, no scenario.yaml is there.
rm -rf "$work/capped"
capped 1 scenario.yaml "import 1 KiB" "$scrutin" import "$src/tests/data/import/results.csv" --out "$work/capped"
rm -rf "$work/capped"
capped 1 scenario.yaml "init 1 KiB" "$scrutin" init "$work/capped"
# The next run into the folder, without the limit, cleans up and writes a whole run.
if timeout 60 "$scrutin" run scenario.yaml -n 300 -t 1 -q --no-progress -o "$work/capped" 2>"$work/err" &&
    [ -e "$work/capped/run.json" ] && [ ! -e "$work/capped/.scrutin.lock" ]; then ok
else fail "a run after a capped one: $(head -3 "$work/err")"; fi

# --- Paths that are not UTF-8 work, and JSON stays UTF-8 ------------------------------------------
latin=$'sc\xe9nario'
mkdir "$work/$latin" && cp scenario.yaml districts.csv lists.csv "$work/$latin/"
expect latin1-validate 0 EMPTY -- "$scrutin" validate "$work/$latin/scenario.yaml"
expect latin1-replay-json 0 EMPTY -- "$scrutin" replay --format json "$work/$latin/scenario.yaml"
expect latin1-run 0 EMPTY -- "$scrutin" run -n 20 -t 1 -q -o "$work/$latin/out" "$work/$latin/scenario.yaml"
if grep -q 'sc\\\\xE9nario' "$work/$latin/out/run.json" && python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$work/$latin/out/run.json"; then ok
else fail "latin1-run: run.json does not name the path as sc\\xE9nario in valid UTF-8 JSON"; fi
# A table's name in Latin-1: its JSON output is still written.
variant latin-cell; sed -i $'s/,District two,/,District tw\xf6,/' "$work/latin-cell/districts.csv"
expect latin1-cell-run 0 EMPTY -- "$scrutin" run -n 20 -t 1 -q -o "$work/latin-cell/out" "$work/latin-cell/scenario.yaml"
expect latin1-cell-json 0 EMPTY -- "$scrutin" replay --format json "$work/latin-cell/scenario.yaml"

# --- Messages are never cut ----------------------------------------------------------------------
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
variant long-cell; sed -i "s/,2300,/,23${long}00,/" "$work/long-cell/lists.csv"
expect long-cell 2 "lists\\.csv:3: votes_r1: \"23${long}00\" is not a whole number: expected base-10 digits only" -- \
    "$scrutin" validate "$work/long-cell/scenario.yaml"
variant long-id; sed -i "s/^D1,C,Party C,party,C;C;C,/D1,C,Party C,party,C;C;C${long},/" "$work/long-id/lists.csv"
expect long-id 2 "lists\\.csv:3: candidates: .*\"C${long}\"" -- "$scrutin" validate "$work/long-id/scenario.yaml"
deep=$(printf 'd%.0s/' $(seq 1 600))
variant long-path; sed -i "s|^lists: lists.csv|lists: ${deep}lists.csv|" "$work/long-path/scenario.yaml"
expect long-path 2 "lists: the lists table \"${deep}lists.csv\" cannot be opened \\(.*${deep}lists.csv\\): No such file or directory" -- \
    "$scrutin" validate "$work/long-path/scenario.yaml"

# --- Every numeric option is strict ------------------------------------------------------------------
for bad in ' -1' '-1' ' 5' '5 ' '+5' '1e3' '0x10' '5.0' ''; do
    expect "seed '$bad'" 2 'is not a seed' -- "$scrutin" replay --seed "$bad" scenario.yaml
    expect "run seed '$bad'" 2 'is not a seed' -- "$scrutin" run --seed "$bad" -n 10 -q -o "$work/o" scenario.yaml
    expect "simulations '$bad'" 2 'is not a number of simulations' -- "$scrutin" run -n "$bad" -q -o "$work/o" scenario.yaml
    expect "threads '$bad'" 2 'is not a number of threads' -- "$scrutin" run -t "$bad" -n 10 -q -o "$work/o" scenario.yaml
done
for bad in ' 0.1' '0.1 ' '0x1p-3' 'inf' 'nan' '1e999' ''; do
    expect "sweep from '$bad'" 2 'sweep' -- "$scrutin" sweep scenario.yaml --set model.sd_list --from "$bad" --to 0.3 --steps 2 -n 10 -q -o "$work/o"
done

# --- validate says what replay would refuse --------------------------------------------------------
variant no-r2
sed -i 's/^\(D2,[A-Za-z]*,[^,]*,[a-z]*,[^,]*,[0-9]*\),[0-9]*,/\1,,/' "$work/no-r2/lists.csv"
sed -i 's/^\(D2,District two,North,2,8000,4000,0\),3000,0,/\1,,,/' "$work/no-r2/districts.csv"
expect no-r2-replay 2 'lists\.csv:4: votes_r2: list "A" goes to round 2 in district "D2" but has no votes_r2' -- \
    "$scrutin" replay "$work/no-r2/scenario.yaml"
expect no-r2-validate 0 'note: .*scenario\.yaml is valid for run, but scrutin replay would refuse it' -- \
    "$scrutin" validate "$work/no-r2/scenario.yaml"
grep -q 'lists\.csv:4: votes_r2: list "A" goes to round 2 in district "D2" but has no votes_r2' "$work/err" && ok ||
    fail "no-r2-validate: the note does not say why"
grep -q 'valid:' "$work/out" && ok || fail "no-r2-validate: not said valid"
expect no-r2-run 0 EMPTY -- "$scrutin" run -n 20 -t 1 -q -o "$work/no-r2/out" "$work/no-r2/scenario.yaml"
# A scenario replay accepts gets no note.
expect replayable-validate 0 EMPTY -- "$scrutin" validate scenario.yaml

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
