#!/usr/bin/env bash
# scrutin run --draws, --given, --target-se, --min-matches (docs/cli.md): the draws database
# holds N rows per stage and system and gives run's P(majority) exactly; a probability given
# known results equals the one computed from the draws of the same seed, exactly; a target
# standard error is met, with the same files for 1 and 2 threads; bad options refused (2).
set -u
scrutin=$1
src=$2
systems=$src/tests/data/systems/small-systems.yaml
mali=$src/scenarios/mali-2007/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }
run() { "$scrutin" run "$@" -q --no-progress 2>"$work/err" || { fail "run $*: exit $?"; cat "$work/err"; }; }

# Three systems, 1 and 2 threads; Mali with the districts table and known results.
run "$systems" -n 1500 --seed 5 -t 1 --draws "$work/sys1.db" --out "$work/sys1"
run "$systems" -n 1500 --seed 5 -t 2 --draws "$work/sys2.db" --out "$work/sys2"
run "$mali" -n 2000 --seed 3 --draws "$work/mali.db" --draws-districts --out "$work/mali"
run "$mali" -n 2000 --seed 3 -t 2 --given Commune-I=ADEMA-CNID --given provisional:Kayes:RPM \
    --out "$work/given"
run "$mali" -n 2000 --seed 3 -t 1 --given Commune-I=ADEMA-CNID --given provisional:Kayes:RPM \
    --draws "$work/given.db" --out "$work/given1"

if python3 - "$work" <<'EOF_PY'
import csv, json, sqlite3, sys
work = sys.argv[1]

def summary(folder):
    return {(r.get("system", ""), r["stage"], r["group_kind"], r["group"]): r
            for r in csv.DictReader(open(f"{folder}/seats_summary.csv"))}

def dump(path):
    return list(sqlite3.connect(path).iterdump())

# N rows per simulation, stage and system, in index order; P(majority) exactly run's.
db = sqlite3.connect(f"{work}/sys1.db")
meta = dict(db.execute("SELECT key, value FROM meta"))
assert meta["format"] == "scrutin-draws 1" and meta["simulations"] == "1500", meta
majority = int(meta["majority"])
counts = db.execute("SELECT system, stage, count(*), count(DISTINCT sim), min(sim), max(sim) "
                    "FROM seats GROUP BY system, stage").fetchall()
assert len(counts) == 3 * 2, counts
assert all(c[2:] == (1500, 1500, 0, 1499) for c in counts), counts
sims = [r[0] for r in db.execute("SELECT sim FROM seats WHERE system = 'dhondt' AND "
                                 "stage = 'final' ORDER BY rowid")]
assert sims == list(range(1500)), "rows not in simulation order"
s = summary(f"{work}/sys1")
groups = db.execute("SELECT column_name, kind, id FROM groups").fetchall()
assert len(groups) == 4 + 3, groups
for system, stage, *_ in counts:
    for column, kind, gid in groups:
        n = db.execute(f'SELECT sum("{column}" >= ?) FROM seats WHERE system = ? AND stage = ?',
                       (majority, system, stage)).fetchone()[0]
        assert n / 1500 == float(s[(system, stage, kind, gid)]["p_majority"]), (system, column)
# The same rows for 1 and 2 threads.
assert dump(f"{work}/sys1.db") == dump(f"{work}/sys2.db"), "draws differ between thread counts"

# Districts: a row per simulation, stage and district; round 1 or 2; P(win) run's.
db = sqlite3.connect(f"{work}/mali.db")
assert db.execute("SELECT count(*) FROM districts").fetchone()[0] == 2000 * 2 * 55
assert db.execute("SELECT count(*) FROM districts WHERE round NOT IN (0, 1, 2)").fetchone()[0] == 0
# Round 0: no list ran (the court rejected them all), and no list won.
assert db.execute("SELECT count(*) FROM districts WHERE (round = 0) != (list IS NULL)").fetchone()[0] == 0
lists = {(r["district"], r["list"]): r for r in csv.DictReader(open(f"{work}/mali/district_lists.csv"))}
for district, lst, n in db.execute("SELECT district, list, count(*) FROM districts WHERE "
                                     "stage = 'final' AND list IS NOT NULL GROUP BY district, list"):
    # Winner takes all in Mali: the winner is the list with seats.
    assert n / 2000 == float(lists[(district, lst)]["p_win_final"]), (district, lst)

# Known results: the conditional figures are those of the matching draws, exactly.
rows = db.execute("""
    SELECT s.coalition_ADP >= 74, s.party_ADEMA FROM seats s
    JOIN districts c ON c.sim = s.sim AND c.stage = 'final' AND c.district = 'Commune-I'
    JOIN districts k ON k.sim = s.sim AND k.stage = 'provisional' AND k.district = 'Kayes'
    WHERE s.stage = 'final' AND c.list = 'ADEMA-CNID' AND k.list = 'RPM'""").fetchall()
g = json.load(open(f"{work}/given/run.json"))
assert g["given"]["matched"] == len(rows) > 0 and g["given"]["simulated"] == 2000, g["given"]
assert g["given"]["conditions"] == ["Commune-I=ADEMA-CNID", "provisional:Kayes:RPM"]
adp = summary(f"{work}/given")[("", "final", "coalition", "ADP")]
assert float(adp["p_majority"]) == sum(r[0] for r in rows) / len(rows), adp
adema = summary(f"{work}/given")[("", "final", "party", "ADEMA")]
assert abs(float(adema["mean"]) - sum(r[1] for r in rows) / len(rows)) < 1e-12
p = float(adp["p_majority"])
assert abs(float(adp["p_majority_se"]) - (p * (1 - p) / len(rows)) ** 0.5) < 1e-15
# With --draws, the database holds the matching simulations only, and the same tables.
gdb = sqlite3.connect(f"{work}/given.db")
assert gdb.execute("SELECT count(*) FROM seats WHERE stage = 'final'").fetchone()[0] == len(rows)
for f in ("seats_summary.csv", "district_lists.csv", "districts.csv"):
    assert open(f"{work}/given/{f}").read() == open(f"{work}/given1/{f}").read(), f
EOF_PY
then pass; else fail "draws and known results"; fi

# The headline says how many simulations match, in every format: the same count as run.json's.
for f in table md csv json; do
    "$scrutin" run "$mali" -n 2000 --seed 3 --given Commune-I=ADEMA-CNID \
        --given provisional:Kayes:RPM --format "$f" --no-progress --out "$work/head-$f" \
        >"$work/head.$f" 2>"$work/err" || fail "run --format $f: exit $?"
done
if python3 - "$work" <<'EOF_PY'
import csv, json, sys
work = sys.argv[1]
given = json.load(open(f"{work}/given/run.json"))["given"]
k, n = given["matched"], given["simulated"]
line = (f"Given Commune-I=ADEMA-CNID, provisional:Kayes:RPM (system two-round-list): {k} of {n} "
        f"simulations match")
for f in ("table", "md"):
    assert open(f"{work}/head.{f}").read().startswith(line), f
rows = list(csv.DictReader(open(f"{work}/head.csv")))
assert rows and all((r["matched"], r["simulated"]) == (str(k), str(n)) for r in rows), rows[0]
head = json.load(open(f"{work}/head.json"))
assert head["given"] == given and head["simulations"] == k, head.get("given")
EOF_PY
then pass; else fail "the headline's count of matching simulations"; fi
# The report too.
"$scrutin" run "$mali" -n 2000 --seed 3 --given Commune-I=ADEMA-CNID --report -q --no-progress \
    --out "$work/head-report" 2>"$work/err"
matched=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["given"]["matched"])' \
    "$work/head-report/run.json")
grep -q "Given the results <code>Commune-I=ADEMA-CNID</code> (system two-round-list): $matched of the 2000 simulations match" \
    "$work/head-report/report.html" && pass || fail "report.html does not say how many simulations match"
# Without known results the CSV headline keeps its columns.
"$scrutin" run "$mali" -n 200 --seed 3 --format csv --no-progress --out "$work/head-plain" \
    >"$work/plain.csv" 2>"$work/err"
[ "$(head -1 "$work/plain.csv")" = "stage,group_kind,group,mean,p05,p95,p_majority,p_majority_se,p_largest" ] \
    && pass || fail "the CSV headline without --given: $(head -1 "$work/plain.csv")"

# --target-se: every reported standard error at most the target; the same files for 1 and 2
# threads; --min-matches: at least K matching simulations.
for t in 1 2; do
    run "$systems" -n 1000 --target-se 0.005 --max-n 100000 -t "$t" --out "$work/se$t"
    run "$src/tests/data/small/scenario.yaml" -n 700 --given D1=C --min-matches 1500 --max-n 50000 \
        -t "$t" --out "$work/mm$t"
done
for f in seats_summary.csv seats_distribution.csv districts.csv district_lists.csv; do
    cmp -s "$work/se1/$f" "$work/se2/$f" && pass || fail "--target-se: $f differs between 1 and 2 threads"
    cmp -s "$work/mm1/$f" "$work/mm2/$f" && pass || fail "--min-matches: $f differs between 1 and 2 threads"
done
if python3 - "$work" <<'EOF_PY'
import csv, json, sys
work = sys.argv[1]
for t in (1, 2):
    j = json.load(open(f"{work}/se{t}/run.json"))
    assert j["stopping"] == {"target_se": 0.005, "min_matches": None, "max_n": 100000, "met": True}
    n = j["simulations"]["completed"]
    assert n % 1000 == 0 and 1000 < n < 100000, n          # stopped at a step, before the cap
    worst = max(float(r[k]) for r in csv.DictReader(open(f"{work}/se{t}/seats_summary.csv"))
                for k in ("p_majority_se", "p_largest_se"))
    assert 0.004 < worst <= 0.005, worst
    del j["execution"]
    if t == 1: first = j
    else: assert j == first, "run.json differs between 1 and 2 threads"
    m = json.load(open(f"{work}/mm{t}/run.json"))
    assert m["given"]["matched"] >= 1500 and m["stopping"]["met"], m
    assert m["given"]["simulated"] % 700 == 0, m["given"]
EOF_PY
then pass; else fail "--target-se and --min-matches"; fi

# A file that is not a draws database is never overwritten; an earlier draws database is.
echo "precious" >"$work/notes.db"
"$scrutin" run "$systems" -n 100 --draws "$work/notes.db" --out "$work/x" -q 2>"$work/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "not overwritten" "$work/err" && [ "$(cat "$work/notes.db")" = precious ] \
    && pass || fail "--draws over another file: exit $rc"
run "$systems" -n 100 --draws "$work/sys1.db" --out "$work/x"
[ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM seats').fetchone()[0])" "$work/sys1.db")" = 600 ] \
    && pass || fail "an earlier draws database is not replaced"
[ -z "$(find "$work" -maxdepth 1 -name '*.tmp')" ] && pass || fail "temporary files left"

# Two party ids that differ only by case are one column to SQLite: refused, naming both.
mkdir -p "$work/case"
cp "$src/tests/data/small/districts.csv" "$work/case/"
sed 's/^  - {id: B, name: Party B, coalition: LEFT}$/&\n  - {id: a, name: Party small a, coalition: LEFT}/' \
    "$src/tests/data/small/scenario.yaml" >"$work/case/scenario.yaml"
sed 's/^D1,C,Party C,party,C;C;C,2300,,test,$/D1,C,Party C,party,C;C;C,1800,,test,\nD1,la,Party a,party,a;a;a,500,,test,/' \
    "$src/tests/data/small/lists.csv" >"$work/case/lists.csv"
"$scrutin" run "$work/case/scenario.yaml" -n 50 -q --no-progress --draws "$work/case.db" \
    --out "$work/case-out" 2>"$work/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'party ids "A" and "a" would be one column' "$work/err" && [ ! -e "$work/case.db" ] \
    && pass || { fail "ids differing by case in --draws: exit $rc"; cat "$work/err"; }

# Bad options and known results: exit 2, a message, no output folder.
check_bad() {
    local what=$1 pattern=$2; shift 2
    "$scrutin" run "$@" -q --no-progress --out "$work/bad" >"$work/out" 2>"$work/err"
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -q -- "$pattern" "$work/err" && [ ! -e "$work/bad/run.json" ]; then pass
    else fail "$what: exit $rc"; cat "$work/err"; fi
}
small=$src/tests/data/small/scenario.yaml
check_bad "unknown district" 'no district "D9"' "$small" --given D9=A
check_bad "unknown list" 'its lists: A-B, C' "$small" --given D1=X
check_bad "unknown party" 'no party or coalition "Z"' "$small" --given D1:Z
check_bad "no separator" 'DISTRICT=LIST' "$small" --given D1
check_bad "unknown system" 'no electoral system "pr"' "$small" --given D1=C --given-system pr
# A district has one winner a stage: two of them can never match, and more simulations would not help.
check_bad "two winners of a district" '"D1=A-B" and "D1=C": a district has one winner' "$small" \
    --given D1=A-B --given D1=C --min-matches 5 --max-n 1000000
check_bad "max-n alone" 'goes with --target-se' "$small" --max-n 100
check_bad "target without max-n" 'needs --max-n' "$small" --target-se 0.01
check_bad "min-matches without given" 'needs --given' "$small" --min-matches 5 --max-n 10
check_bad "bad target" 'not a standard error' "$small" --target-se 0 --max-n 10
check_bad "districts without draws" 'needs --draws' "$small" --draws-districts
# A result that can happen but is rare (D3=ind, about 0.4%: test_given.sh checks that it is
# simulated), none of whose 50 simulations of seed 2 match: simulating more may help.
check_bad "nothing matches" 'none of the 50 simulations' "$small" -n 50 --seed 2 --given D3=ind \
    --draws "$work/none.db"
[ ! -e "$work/none.db" ] && pass || fail "no simulation matches, yet a draws database is written"

# Interrupted with known results and a stopping rule: the run stops (its steps are shorter than
# a round of the recording driver), and stderr, run.json and report.html say the simulations
# run (matching or not) of --max-n's, and the matches apart.
set -m
"$scrutin" run "$mali" -n 1000 --seed 3 -t 2 --given Commune-I=ADEMA-CNID \
    --min-matches 2000000000 --max-n 4000000000 --report -q --no-progress \
    --out "$work/stopped" 2>"$work/stopped.err" &
pid=$!
set +m
sleep 2
kill -TERM "$pid"
# A run that does not stop fails here, not at ctest's timeout.
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; echo "the run went on after SIGTERM" >>"$work/stopped.err"; }
wait "$pid"
got=$?
if [ "$got" -eq 143 ] && python3 - "$work/stopped" "$work/stopped.err" <<'EOF_PY'
import json, re, sys
out, err = sys.argv[1], open(sys.argv[2]).read()
r = json.load(open(f"{out}/run.json"))
run, asked = r["simulations"]["completed"], r["simulations"]["requested"]
matched = r["given"]["matched"]
assert r["partial"] is True and asked == 4000000000, r["simulations"]
m = re.search(r"interrupted after (\d+) of (\d+) simulations", err)
assert m and (int(m.group(1)), int(m.group(2))) == (run, asked), (err, run, asked)
page = open(f"{out}/report.html").read()
assert f"{run} of the {asked} simulations" in page, "report.html's interrupted line"
assert 0 < matched < run == r["given"]["simulated"], (matched, run)
EOF_PY
then pass; else fail "interrupted run --given: exit $got (wanted 143), stderr:"; cat "$work/stopped.err"; fi

echo "test_draws: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
