#!/usr/bin/env bash
# Output folders that hold one run (docs/cli.md, "Output folders"): a folder holding an input
# refused and the inputs unchanged; a second run into a held folder refused, naming the first;
# a run killed with SIGKILL cleaned up by the next one; an earlier run's stale files removed and
# nothing else; run.json's manifest matching the folder's files; compare's default folder named
# for the set of scenarios.
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

# The manifest of DIR/INDEX lists exactly the files of DIR (but itself), with their sizes and
# XXH3-128 checksums (computed here through libxxhash, the library scrutin uses).
manifest_matches() {
    python3 - "$1" "$2" <<'PY'
import ctypes, json, os, sys
class H(ctypes.Structure): _fields_ = [("low", ctypes.c_uint64), ("high", ctypes.c_uint64)]
lib = ctypes.CDLL("libxxhash.so.0")
lib.XXH3_128bits.restype = H
lib.XXH3_128bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
folder, index = sys.argv[1], sys.argv[2]
listed = {e["file"]: e for e in json.load(open(os.path.join(folder, index)))["manifest"]}
present = set()
for top, dirs, files in os.walk(folder):
    for f in files:
        present.add(os.path.relpath(os.path.join(top, f), folder))
present.discard(index)
if present != set(listed):
    sys.exit(f"files {sorted(present ^ set(listed))} are in one of the folder and its manifest only")
for name, e in listed.items():
    data = open(os.path.join(folder, name), "rb").read()
    h = lib.XXH3_128bits(data, len(data))
    if len(data) != e["bytes"] or "%016x%016x" % (h.high, h.low) != e["xxh128"]:
        sys.exit(f"{name} does not match its manifest entry")
PY
}

# Wait until a run holds DIR (its lock file exists), at most 30 s.
wait_held() {
    for _ in $(seq 300); do [ -e "$1/.scrutin.lock" ] && return 0; sleep 0.1; done
    return 1
}

# --- A folder holding an input of the scenario is refused, the inputs unchanged byte for byte.
cp -r "$src/tests/data/small" "$work/small"
cp -r "$src/tests/data/whatif" "$work/whatif"
( cd "$work" && find small whatif -type f | sort | xargs sha256sum ) >"$work/inputs.sum"
for case in "small/scenario.yaml|small|scenario.yaml" "small/scenario.yaml|small/|scenario.yaml" \
            "whatif/override.yaml|small|scenario.yaml" "whatif/override.yaml|whatif|override.yaml"; do
    IFS='|' read -r scenario out named <<<"$case"
    (cd "$work" && "$scrutin" run "$scenario" -n 50 -q --out "$out" 2>"$work/refused.err")
    got=$?
    if [ "$got" -eq 2 ] && grep -q "output folder holds .*$named, an input of the scenario" "$work/refused.err"
    then pass; else fail "run $scenario --out $out: exit $got, $(cat "$work/refused.err")"; fi
done
# From inside the scenario's folder, --out . (the case of the issue), and compare and sweep.
(cd "$work/small" && "$scrutin" run scenario.yaml -n 50 -q --out . 2>/dev/null); got=$?
[ "$got" -eq 2 ] && pass || fail "run --out . in the scenario's folder: exit $got"
"$scrutin" compare "$work/small/scenario.yaml" "$work/whatif/override.yaml" -n 50 -q \
    --out "$work/whatif" 2>/dev/null; got=$?
[ "$got" -eq 2 ] && pass || fail "compare --out onto a what-if's folder: exit $got"
"$scrutin" sweep "$work/small/scenario.yaml" --set model.sd_party --from 0 --to 0.1 --steps 2 \
    -n 50 -q --out "$work/small" 2>/dev/null; got=$?
[ "$got" -eq 2 ] && pass || fail "sweep --out onto the scenario's folder: exit $got"
if ( cd "$work" && find small whatif -type f | sort | xargs sha256sum ) | cmp -s - "$work/inputs.sum"
then pass; else fail "an input changed"; fi
if [ "$(cd "$work" && find small whatif | wc -l)" -eq "$(cd "$src/tests/data" && find small whatif | wc -l)" ]
then pass; else fail "a file was added to an input folder"; fi

scenario=$work/small/scenario.yaml

# --- A complete run: its manifest matches the folder, no lock or temporary file is left.
"$scrutin" run "$scenario" -n 200 -q --out "$work/one" --report 2>"$work/one.err" || fail "run --report: exit $?"
if err=$(manifest_matches "$work/one" run.json 2>&1); then pass; else fail "manifest of a run with --report: $err"; fi
[ -z "$(find "$work/one" -name '.*' -type f)" ] && pass || fail "hidden files left: $(find "$work/one" -name '.*')"
[ ! -s "$work/one.err" ] && pass || fail "a first run into a new folder says: $(cat "$work/one.err")"

# --- The draws database, written into the folder, is in the manifest too.
"$scrutin" run "$scenario" -n 100 -q --out "$work/draws" --draws "$work/draws/draws.sqlite" 2>/dev/null \
    || fail "run --draws: exit $?"
if err=$(manifest_matches "$work/draws" run.json 2>&1); then pass; else fail "manifest of a run with --draws: $err"; fi

# --- A plain run replaces it: the stale report and plots are removed, the user's own file kept,
# one line on standard error says so.
echo "my notes" >"$work/one/notes.txt"
echo "mine" >"$work/one/plots-notes.csv"
"$scrutin" run "$scenario" -n 100 -q --out "$work/one" 2>"$work/two.err" || fail "second run: exit $?"
[ ! -e "$work/one/report.html" ] && pass || fail "the stale report.html is still there"
[ ! -e "$work/one/plots" ] && pass || fail "the stale plots are still there: $(ls "$work/one/plots")"
[ "$(cat "$work/one/notes.txt")" = "my notes" ] && [ -e "$work/one/plots-notes.csv" ] && pass || fail "a file of the user's was touched"
if [ "$(wc -l <"$work/two.err")" -eq 1 ] && grep -q "replaced the results of an earlier run in $work/one/" "$work/two.err"
then pass; else fail "replacing a run says: $(cat "$work/two.err")"; fi
rm "$work/one/notes.txt" "$work/one/plots-notes.csv"
if err=$(manifest_matches "$work/one" run.json 2>&1); then pass; else fail "manifest after a replacement: $err"; fi
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['simulations']['completed']==100" \
    "$work/one/run.json" && pass || fail "run.json is not the second run's"

# --- A folder written before manifests: its report (a file scrutin writes) is stale too.
mkdir -p "$work/old/plots"
echo '{"format": 1}' >"$work/old/run.json"
echo "<html>" >"$work/old/report.html"
for f in coalition_seats.gp coalition_seats.csv coalition_seats.svg; do echo x >"$work/old/plots/$f"; done
echo x >"$work/old/plots/mine.svg"
"$scrutin" run "$scenario" -n 100 -q --out "$work/old" 2>/dev/null || fail "run into an old folder: exit $?"
[ ! -e "$work/old/report.html" ] && [ ! -e "$work/old/plots/coalition_seats.svg" ] && pass \
    || fail "an old folder's stale report or plot left"
[ -e "$work/old/plots/mine.svg" ] && pass || fail "an image of the user's removed from an old folder"

# --- Two runs into one folder at once: the second is refused with exit 2, naming the first.
"$scrutin" run "$scenario" -n 4000000000 -q --no-progress --out "$work/busy" 2>/dev/null &
first=$!; pids+=("$first")
if wait_held "$work/busy"; then
    "$scrutin" run "$scenario" -n 100 -q --out "$work/busy" 2>"$work/busy.err"; got=$?
    if [ "$got" -eq 2 ] && grep -q "another scrutin run (process $first) is writing into this folder" "$work/busy.err"
    then pass; else fail "a second run into a held folder: exit $got, $(cat "$work/busy.err")"; fi
    "$scrutin" compare "$scenario" "$work/whatif/override.yaml" -n 100 -q --out "$work/busy" 2>/dev/null; got=$?
    [ "$got" -eq 2 ] && pass || fail "a compare into a held folder: exit $got"
else
    fail "the first run never took its folder"
fi

# --- kill -9 during that run: the next run leaves the folder consistent, with no temporary file
# (one is planted as a run killed while writing leaves it).
kill -9 "$first"; wait "$first" 2>/dev/null
[ -e "$work/busy/.scrutin.lock" ] && pass || fail "a killed run left no mark"
echo partial >"$work/busy/.districts.csv.$first.0.tmp"
mkdir -p "$work/busy/plots" && echo partial >"$work/busy/plots/.party_seats.csv.$first.0.tmp"
"$scrutin" run "$scenario" -n 100 -q --out "$work/busy" 2>"$work/after.err"; got=$?
[ "$got" -eq 0 ] && pass || fail "the run after a killed one: exit $got, $(cat "$work/after.err")"
[ -z "$(find "$work/busy" -name '.*' -type f)" ] && pass || fail "left after the killed run: $(find "$work/busy" -name '.*')"
if err=$(manifest_matches "$work/busy" run.json 2>&1); then pass; else fail "manifest after a killed run: $err"; fi

# --- compare's default folder is named for the set of scenarios: two comparisons against one
# base do not overwrite each other.
mkdir -p "$work/cwd"
(cd "$work/cwd" && "$scrutin" compare "$scenario" "$work/whatif/override.yaml" -n 100 -q 2>/dev/null \
    && "$scrutin" compare "$scenario" "$work/whatif/shift.yaml" -n 100 -q 2>/dev/null) || fail "compare: exit $?"
n=$(find "$work/cwd/results" -name compare.json | wc -l)
[ "$n" -eq 2 ] && pass || fail "two comparisons against one base wrote $n compare.json: $(ls "$work/cwd/results")"
for d in "$work"/cwd/results/*/; do
    if err=$(manifest_matches "$d" compare.json 2>&1); then pass; else fail "manifest of $d: $err"; fi
done
"$scrutin" sweep "$scenario" --set model.sd_party --from 0 --to 0.1 --steps 2 -n 50 -q --plots \
    --out "$work/sw" 2>/dev/null || fail "sweep: exit $?"
if err=$(manifest_matches "$work/sw" sweep.json 2>&1); then pass; else fail "manifest of a sweep: $err"; fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
