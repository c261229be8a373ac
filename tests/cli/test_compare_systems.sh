#!/usr/bin/env bash
# compare over every electoral system (docs/whatifs.md, "Several electoral systems"): a leading
# `system` column when a scenario has several, absent when each has one; a single system paired
# with each of the other side's; several on both sides paired by id; a system without a partner
# shown as such (empty differences), never dropped; compare_districts.csv pairs them alike.
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }
mali=$src/scenarios/mali-2007

# The README's comparison: Mali's base (one system, two-round-list) against the what-if of three
# systems. D'Hondt and Sainte-Lague move the seats, with standard errors, in rows led by the system.
"$scrutin" compare "$mali/scenario.yaml" "$mali/whatif-pr-systems.yaml" -n 400 --seed 3 -q \
    --out "$work/mali" || fail "compare Mali: exit $?"
if python3 - "$work/mali/compare.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0])[0] == "system", list(rows[0])[:3]
systems = {r["system"] for r in rows}
assert systems == {"two-round", "dhondt", "sainte-lague"}, systems
def adp(system):
    return next(r for r in rows if r["system"] == system and r["stage"] == "final"
                and r["group_kind"] == "coalition" and r["group"] == "ADP")
for s in ("dhondt", "sainte-lague"):
    r = adp(s)
    d, se = float(r["mean_diff"]), float(r["mean_diff_se"])
    assert abs(d) > 5 * se > 0, (s, d, se)   # ADP loses seats under proportional rules
# The what-if's two-round system is the base's: paired on the same votes, no difference at all.
r = adp("two-round")
assert float(r["mean_diff"]) == 0 and float(r["mean_diff_se"]) == 0, r
PY
then pass; else fail "Mali's proportional systems in compare.csv"; fi
python3 -c "
import json; c = json.load(open('$work/mali/compare.json'))
assert {r['system'] for r in c['rows']} == {'two-round', 'dhondt', 'sainte-lague'}" \
    && pass || fail "compare.json's rows have no system"
# compare_districts.csv pairs the systems as compare.csv does (issue #17): rows under each of the
# three, the proportional ones moving seats district by district, the two-round one not at all.
if python3 - "$work/mali/compare_districts.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {}
for r in rows:
    by.setdefault(r["system"], []).append(r)
assert set(by) == {"two-round", "dhondt", "sainte-lague"}, set(by)
for s in ("dhondt", "sainte-lague"):
    moved = [r for r in by[s] if abs(float(r["p_seat_diff"])) > 5 * float(r["p_seat_diff_se"]) > 0]
    assert len(moved) >= 20, (s, len(moved))
assert all(float(r["p_seat_diff"]) == 0 == float(r["p_seat_diff_se"]) for r in by["two-round"])
# ...with the base's districts under each: Commune I's ADEMA.
assert all(any(r["district"] == "Commune-I" and r["group"] == "ADEMA" for r in by[s]) for s in by)
PY
then pass; else fail "compare_districts.csv of Mali's proportional systems"; fi

# The plot: a curve per scenario and system; its long title broken into lines, not clipped.
"$scrutin" compare "$mali/scenario.yaml" "$mali/whatif-pr-systems.yaml" -n 100 -q --plots \
    --out "$work/mali-plots" 2>/dev/null || fail "compare --plots: exit $?"
# Tidy data: a row per group, curve and seat total, the scenario and the system in columns.
data=$work/mali-plots/plots/compare_coalitions.csv
[ "$(head -1 "$data")" = "group,scenario,side,system,seats,probability" ] && pass ||
    fail "the compare plot's columns: $(head -1 "$data")"
for curve in ADP,mali-2007,base,two-round-list ADP,whatif-pr-systems,whatif1,dhondt ADP,whatif-pr-systems,whatif1,sainte-lague; do
    grep -q "^$curve,74," "$data" && pass || fail "no curve $curve in the compare plot"
done
grep -q 'multiplot title "whatif-pr-systems against mali-2007: .*\\n' "$work/mali-plots/plots/compare_coalitions.gp" \
    && pass || fail "the compare plot's long title is not broken: $(grep 'multiplot title' "$work/mali-plots/plots/compare_coalitions.gp")"

# One system on each side: no system column, as before.
"$scrutin" compare "$mali/scenario.yaml" "$mali/whatif-no-court.yaml" -n 100 -q --out "$work/one" \
    || fail "compare one system: exit $?"
head -1 "$work/one/compare.csv" | grep -q '^whatif,side,stage,' && pass || fail "a system column with one system each: $(head -1 "$work/one/compare.csv")"

# Several on both sides: paired by id; those without a partner kept, with empty differences.
cat >"$work/other-systems.yaml" <<EOF2
base: $src/tests/data/small/scenario.yaml
name: other-systems
systems:
  - {id: dhondt, system: dhondt}
  - {id: two-round, system: two-round-list}
  - {id: sainte-lague, system: sainte-lague}
EOF2
"$scrutin" compare "$src/tests/data/systems/small-systems.yaml" "$work/other-systems.yaml" -n 200 \
    --plots --out "$work/both" >"$work/both.out" 2>"$work/both.err" || fail "compare several against several: exit $?, $(cat "$work/both.err")"
if python3 - "$work/both/compare.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {}
for r in rows:
    by.setdefault(r["system"], []).append(r)
assert set(by) == {"two-round", "dhondt", "block", "sainte-lague"}, set(by)
# The same system on the same votes, at another place in the list (its ties are drawn by lot
# from another stream): paired, and all but equal.
for s in ("two-round", "dhondt"):
    assert all(r["mean_diff"] != "" and r["in_base"] == "1" and r["in_whatif"] == "1" for r in by[s]), s
    assert all(abs(float(r["mean_diff"])) <= 4 * float(r["mean_diff_se"]) + 1e-9 for r in by[s]), s
for s, side in (("block", "in_whatif"), ("sainte-lague", "in_base")):
    assert all(r[side] == "0" and r["mean_diff"] == "" and r["mean_diff_se"] == "" for r in by[s]), s
PY
then pass; else fail "several systems against several, by id"; fi
# compare_districts.csv likewise: the unpaired systems' rows with their own side only.
if python3 - "$work/both/compare_districts.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {}
for r in rows:
    by.setdefault(r["system"], []).append(r)
assert list(by) == ["two-round", "dhondt", "block", "sainte-lague"], list(by)
for s in ("two-round", "dhondt"):
    assert all(r["p_seat_base"] != "" != r["p_seat_whatif"] and r["p_seat_diff"] != "" for r in by[s]), s
for s, has, lacks in (("block", "p_seat_base", "p_seat_whatif"),
                      ("sainte-lague", "p_seat_whatif", "p_seat_base")):
    assert any(float(r[has]) > 0 for r in by[s]), s
    assert all(r[has] != "" and r[lacks] == r["p_seat_diff"] == r["p_seat_diff_se"] == "" for r in by[s]), s
PY
then pass; else fail "compare_districts.csv of several systems against several"; fi
grep -q "system block: only small-systems has it" "$work/both.out" && pass || fail "the unpaired system is not said: $(grep block "$work/both.out")"
grep -q "system sainte-lague: only other-systems has it" "$work/both.out" && pass || fail "the what-if's unpaired system is not said"
# An unpaired system first: the terminal starts with its line, then a blank line, then a table.
cat >"$work/first-unpaired.yaml" <<EOF2
base: $src/tests/data/small/scenario.yaml
name: first-unpaired
systems:
  - {id: dhondt, system: dhondt}
  - {id: block, system: plurality-block}
EOF2
"$scrutin" compare "$src/tests/data/systems/small-systems.yaml" "$work/first-unpaired.yaml" -n 100 \
    --out "$work/first" >"$work/first.out" 2>"$work/first.err" ||
    fail "compare with an unpaired system first: exit $?, $(cat "$work/first.err")"
{ head -1 "$work/first.out" | grep -q "system two-round: only small-systems has it" &&
    [ -z "$(sed -n 2p "$work/first.out")" ] && sed -n 3p "$work/first.out" | grep -q "system dhondt"; } &&
    pass || fail "an unpaired system's line first: $(head -3 "$work/first.out")"
# Unpaired systems are drawn too: a curve of their own in the compare plot, never dropped.
for curve in LEFT,small-systems,base,block LEFT,other-systems,whatif1,sainte-lague LEFT,other-systems,whatif1,dhondt; do
    grep -q "^$curve,0," "$work/both/plots/compare_coalitions.csv" && pass ||
        fail "no curve $curve in the plot of several systems against several"
done
# ...and marked as unpaired in the legend, as compare.csv and the terminal say; paired ones not.
gp=$work/both/plots/compare_coalitions.gp
grep -q "'small-systems/block (base) (unpaired)'" "$gp" && grep -q "'other-systems/sainte-lague (unpaired)'" "$gp" &&
    grep -q "'other-systems/dhondt'" "$gp" && [ "$(grep -c "(unpaired)'" "$gp")" -eq 2 ] && pass ||
    fail "the unpaired curves are not marked in the legend: $(grep "curve\[" "$gp")"

# A scenario given twice: its curves told apart, in the data (side) and in the legend.
"$scrutin" compare "$mali/whatif-pr-systems.yaml" "$mali/whatif-pr-systems.yaml" -n 50 -q --plots \
    --out "$work/twice" 2>/dev/null || fail "compare a scenario with itself: exit $?"
if python3 - "$work/twice/plots/compare_coalitions.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
curves = {(r["scenario"], r["side"], r["system"]) for r in rows if r["group"] == "ADP"}
want = {("whatif-pr-systems", side, system) for side in ("base", "whatif1")
        for system in ("two-round", "dhondt", "sainte-lague")}
assert curves == want, curves
key = [(r["group"], r["scenario"], r["side"], r["system"], r["seats"]) for r in rows]
assert len(key) == len(set(key)), "a row key given twice"
gp = open(sys.argv[1][:-4] + ".gp").read()
assert "'whatif-pr-systems/dhondt (base)'" in gp and "'whatif-pr-systems/dhondt (what-if 1)'" in gp, gp
PY
then pass; else fail "a scenario given twice in the compare plot"; fi

# A system draws the same lots wherever it stands in `systems:` (every system's from one stream): the
# same scenario with its systems reordered gives exactly zero differences, though every
# simulation draws lots (tests/data/lots: ties at zero spread; the seats would be integers else).
"$scrutin" compare "$src/tests/data/lots/scenario.yaml" "$src/tests/data/lots/reordered.yaml" \
    -n 400 -q --out "$work/lots" 2>/dev/null || fail "compare of reordered systems: exit $?"
if python3 - "$work/lots/compare.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert {r["system"] for r in rows} == {"dhondt", "sainte-lague", "two-round"}, rows[:1]
for r in rows:
    assert r["in_base"] == r["in_whatif"] == "1", r
    for k in ("mean_diff", "mean_diff_se", "p_majority_diff", "p_majority_diff_se"):
        assert float(r[k]) == 0.0, (r["system"], r["stage"], r["group"], k, r[k])
    assert r["mean_base"] == r["mean_whatif"], r
drawn = [r for r in rows if r["stage"] == "final" and r["group"] == "A"]
assert all(float(r["mean_base"]) % 1 != 0 for r in drawn), "no lot drawn: " + str(drawn)
PY
then pass; else fail "reordered systems draw other lots"; fi
# ...and whichever systems stand beside it: D'Hondt alone against D'Hondt third of three.
"$scrutin" compare "$src/tests/data/lots/dhondt.yaml" "$src/tests/data/lots/reordered.yaml" \
    -n 400 -q --out "$work/lots1" 2>/dev/null || fail "compare of a lone system: exit $?"
python3 -c "
import csv, sys
rows = [r for r in csv.DictReader(open('$work/lots1/compare.csv')) if r['system'] == 'dhondt']
assert rows and all(float(r['mean_diff']) == 0 == float(r['mean_diff_se']) for r in rows), rows
assert any(float(r['mean_base']) % 1 != 0 for r in rows), 'no lot drawn'" && pass ||
    fail "a lone system and the same system among others draw other lots"

# sweep over every system: a leading system column, every system at every step, a curve each.
"$scrutin" sweep "$mali/whatif-pr-systems.yaml" --set model.sd_party --from 0.1 --to 0.3 --steps 2 \
    -n 100 -q --plots --out "$work/sweep" 2>/dev/null || fail "sweep of three systems: exit $?"
if python3 - "$work/sweep/sweep.csv" "$work/sweep/plots/sweep_majority.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0])[0] == "system"
pairs = {(r["system"], r["step"]) for r in rows}
assert pairs == {(s, k) for s in ("two-round", "dhondt", "sainte-lague") for k in ("0", "1")}, pairs
dh = [float(r["mean_seats"]) for r in rows if r["system"] == "dhondt" and r["coalition"] == "ADP"]
tr = [float(r["mean_seats"]) for r in rows if r["system"] == "two-round" and r["coalition"] == "ADP"]
assert all(d < t for d, t in zip(dh, tr)), (dh, tr)
plot = list(csv.DictReader(open(sys.argv[2])))
assert list(plot[0]) == ["x", "group", "system", "probability", "probability_se"], list(plot[0])
curves = {(r["group"], r["system"]) for r in plot}
assert ("ADP", "dhondt") in curves and ("ADP", "sainte-lague") in curves, curves
PY
then pass; else fail "sweep over every system"; fi
"$scrutin" sweep "$src/tests/data/small/scenario.yaml" --set model.sd_party --from 0 --to 0.1 --steps 2 \
    -n 50 -q --out "$work/sweep1" && head -1 "$work/sweep1/sweep.csv" | grep -q '^step,' && pass \
    || fail "a system column in a sweep of one system"

# The report of a run with several systems names every system, each in its own section, and
# its headline leads with what is in doubt (Mali: ADEMA's majority), the certain in one line.
"$scrutin" run "$mali/whatif-pr-systems.yaml" -n 300 -q --report --out "$work/report" 2>/dev/null \
    || fail "run --report of three systems: exit $?"
if python3 - "$work/report/report.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sections = re.findall(r"<h2>System (\S+)", page)
assert sections == ["two-round", "dhondt", "sainte-lague"], sections
start = page.index("<h2>Headline</h2>")
top = page[start:page.index("<h2>Seats</h2>")]
assert page.count("<ul class=\"headline\">") == 3 == top.count("<ul class=\"headline\">"), \
    "a headline per system, each in the page's headline"
assert re.findall(r"<h3>System (\S+)", top) == ["two-round", "dhondt", "sainte-lague"], top[:300]
# The headline table: a system column, and every system's rows.
table = top[top.index("<table>"):top.index("</table>")]
assert "<th class=\"id\">system</th>" in table
assert {r for r in re.findall(r"<tr[^>]*><td class=\"id\">([^<]*)</td>", table)} == \
    {"two-round", "dhondt", "sainte-lague"}, table[:400]
# Each system's section has its own districts table, of every district, of its own results:
# a proportional system decides every district in round 1, the two-round system does not.
for system, one_round in (("two-round", False), ("dhondt", True), ("sainte-lague", True)):
    at = page.index("<h2>System " + system)
    section = page[at:page.index("<h2>", at + 4)]
    districts = section[section.index("<h3>Districts</h3>"):section.index("</table>", section.index("<h3>Districts</h3>"))]
    round1 = re.findall(r"</td><td>\d+</td><td>([0-9.]+)%", districts)
    assert len(round1) == 55, (system, len(round1))
    assert all(p == "100.0" for p in round1) == one_round, (system, round1[:5])
headline = page[start:page.index("</ul>", start)]
items = re.findall(r"<li[^>]*>(.*?)</li>", headline, re.S)
assert re.match(r"<b>ADEMA\b.*?</b> \(party\) holds a majority", items[0]), items[0][:120]
assert "certain" in headline and len([i for i in items if "ADP" in i]) == 1, items
assert "Mali 2007 under the two-round list system" in page[:page.index("</h1>") + 5]
# A panel per system in the seat plots, said under them; the what-if's changes listed.
assert "A panel per group under each system in turn" in page
changes = page[page.index("<h2>What this what-if changes</h2>"):start]
assert "<code>systems</code>: adds id two-round" in changes and "id dhondt" in changes, changes
PY
then pass; else fail "the report of three systems"; fi

# No empty court panel: with the court off, district_outcomes has one panel; with it on, two.
"$scrutin" run "$mali/whatif-no-court.yaml" -n 100 -q --plots --out "$work/nocourt" 2>/dev/null \
    || fail "run of no court: exit $?"
grep -q 'set multiplot layout 1,1' "$work/nocourt/plots/district_outcomes.gp" && \
    ! grep -q "court''s decisions after the vote change" "$work/nocourt/plots/district_outcomes.gp" \
    && pass || fail "an empty court panel when the court is off"
grep -q "set title 'two-round: P(the court''s decisions after the vote change the winner)'" \
    "$work/report/plots/district_outcomes.gp" && pass || fail "no court panel when the court acts"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
