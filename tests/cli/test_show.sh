#!/usr/bin/env bash
# scrutin show: a scenario's entities after inheritance, in every format, the counts the
# files give; a what-if's merged list under its new id; district_lists.csv's parties and
# coalition columns agree with it; bad options and scenarios refused with exit status 2.
set -u
scrutin=$1
src=$2
small=$src/tests/data/small/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

for f in table csv json md; do
    if "$scrutin" show "$small" --format "$f" >"$work/small.$f" 2>"$work/err"; then pass
    else fail "show --format $f: exit $?"; cat "$work/err"; fi
done
"$scrutin" show "$src/tests/data/whatif/merge.yaml" -f csv >"$work/merge.csv" || fail "show merge.yaml"
"$scrutin" show "$src/scenarios/mali-2007/scenario.yaml" -f json >"$work/mali.json" || fail "show mali"
"$scrutin" run "$small" -n 200 --out "$work/run" -q --no-progress || fail "run small"

if python3 - "$work" "$src" <<'EOF_PY'
import csv, json, sys
work, src = sys.argv[1:3]
rows = list(csv.DictReader(open(f"{work}/small.csv")))
count = lambda kind: sum(r["kind"] == kind for r in rows)
# The small scenario: 4 parties, 3 coalitions, 2 regions, as many districts and lists as its CSVs.
districts = list(csv.DictReader(open(f"{src}/tests/data/small/districts.csv")))
lists = list(csv.DictReader(open(f"{src}/tests/data/small/lists.csv")))
assert (count("party"), count("coalition"), count("region")) == (4, 3, 2), rows
assert count("district") == len(districts) and count("list") == len(lists)
assert count("system") == 1
a = next(r for r in rows if r["kind"] == "party" and r["id"] == "A")
assert a["name"] == "Party A" and a["coalition"] == "LEFT", a
ab = next(r for r in rows if r["kind"] == "list" and r["id"] == "A-B")
assert ab["parties"] == "A;B" and ab["list_kind"] == "joint" and ab["district"] == "D1", ab
assert ab["name"] == "Joint list, A and B"          # quoted in the CSV: it holds a comma
rejected = next(r for r in rows if r["kind"] == "list" and r["id"] == "ind-d3")
assert rejected["runs"] == "no", rejected
d1 = next(r for r in rows if r["kind"] == "district" and r["id"] == "D1")
assert d1["seats"] == districts[0]["seats"] and d1["region"] == districts[0]["region"], d1

j = json.load(open(f"{work}/small.json"))
assert j["counts"] == {"parties": 4, "coalitions": 3, "regions": 2, "districts": len(districts),
                       "lists": len(lists), "systems": 1}, j["counts"]
assert all(len(j[k]) == n for k, n in j["counts"].items())
assert j["lists"][0]["parties"] == ["A", "B"] and j["lists"][0]["runs"] is True
text = open(f"{work}/small.table").read()
assert "lists (%d)" % len(lists) in text and "Joint list, A and B" in text, text
assert "### parties (4)" in open(f"{work}/small.md").read()

# The what-if merges A and C in D2 into A-C: listed under that id, the merged C not running.
merged = {(r["district"], r["id"]): r for r in csv.DictReader(open(f"{work}/merge.csv"))
          if r["kind"] == "list"}
assert merged[("D2", "A-C")]["parties"] in ("A;C", "C;A") and merged[("D2", "A-C")]["name"] == ""
# A-C takes the place of A; C stays, not running, so that every list keeps its shocks.
assert merged[("D2", "C")]["runs"] == "no" and ("D2", "A") not in merged, merged

mali = json.load(open(f"{work}/mali.json"))
assert mali["counts"]["districts"] == 55 and mali["seats"] == 147, mali["counts"]

# district_lists.csv: the same parties and coalition as show's.
shown = {(r["district"], r["id"]): r for r in rows if r["kind"] == "list"}
for r in csv.DictReader(open(f"{work}/run/district_lists.csv")):
    s = shown[(r["district"], r["list"])]
    assert (r["parties"], r["coalition"]) == (s["parties"], s["coalition"]), (r, s)
EOF_PY
then pass; else fail "show's tables"; fi

# A '|' in a name is a character of its cell in Markdown, not a new column: every row of the
# coalitions' table has as many cells as its header.
mkdir -p "$work/pipe"
cp "$src/tests/data/small/districts.csv" "$src/tests/data/small/lists.csv" "$work/pipe/"
sed 's/name: Left bloc/name: "Left | bloc"/' "$src/tests/data/small/scenario.yaml" >"$work/pipe/scenario.yaml"
"$scrutin" show "$work/pipe/scenario.yaml" --format md >"$work/pipe.md" || fail "show --format md: exit $?"
if grep -qF '| LEFT | Left \| bloc |' "$work/pipe.md"; then pass
else fail "a '|' in a name breaks the Markdown table: $(grep LEFT "$work/pipe.md")"; fi

# Bad input: exit status 2, a message, nothing on standard output.
check_bad() {
    local what=$1; shift
    "$scrutin" show "$@" >"$work/out" 2>"$work/err"
    local rc=$?
    if [ "$rc" -eq 2 ] && [ -s "$work/err" ] && [ ! -s "$work/out" ]; then pass
    else fail "$what: exit $rc"; fi
}
check_bad "unknown format" "$small" --format xml
check_bad "no scenario"
check_bad "two scenarios" "$small" "$small"
check_bad "missing scenario" "$work/none.yaml"
check_bad "bad option" "$small" --frobnicate
if "$scrutin" show --help | grep -q "Usage: scrutin show"; then pass; else fail "show --help"; fi

echo "test_show: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
