#!/usr/bin/env bash
# scrutin run: the same files whatever the thread count, a complete run.json, bad options
# refused with exit status 2, and an interrupted run that keeps what it completed.
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: one test changes folder
src=$2
scenario=$src/tests/data/small/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
tables="seats_distribution.csv seats_summary.csv districts.csv district_lists.csv district_leverage.csv district_runoffs.csv"

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

# One seed, three thread counts: every CSV byte-identical.
for t in 1 2 4; do
    if "$scrutin" run "$scenario" -n 2000 --seed 7 --threads "$t" --out "$work/t$t" --no-progress \
        >"$work/stdout$t" 2>"$work/stderr$t"; then pass
    else fail "run with $t threads: exit $?"; sed 's/^/    /' "$work/stderr$t"; fi
done
for f in $tables; do
    for t in 2 4; do
        if cmp -s "$work/t1/$f" "$work/t$t/$f"; then pass
        else fail "$f differs between 1 and $t threads"; fi
    done
done

# No temporary file is left behind.
if [ "$(find "$work/t1" -name '.*' -type f | wc -l)" -eq 0 ]; then pass
else fail "temporary files left in the output folder"; fi

# run.json: valid JSON with the documented fields; only "execution" differs between thread counts.
if python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
runs = {t: json.load(open(f"{work}/t{t}/run.json")) for t in (1, 2, 4)}
r = runs[1]
for key in ("scrutin_version", "scenario", "seed", "simulations", "partial", "assembly",
            "court_seats_moved", "seats_distribution", "seats_summary", "districts",
            "district_lists", "district_leverage", "district_runoffs", "execution"):
    assert key in r, f"run.json has no {key}"
assert r["scenario"]["name"] == "small", r["scenario"]
h = r["scenario"]["hash"]
assert len(h) == 32 and all(c in "0123456789abcdef" for c in h), h
assert r["seed"] == 7
assert r["simulations"] == {"requested": 2000, "completed": 2000}, r["simulations"]
assert r["partial"] is False
assert {"mean", "se"} <= set(r["court_seats_moved"])
e = r["execution"]
assert e["threads"] == 1 and e["ranks"] == 1, e
assert {"load_seconds", "simulate_seconds", "write_seconds"} <= set(e["timings"]), e
assert runs[4]["execution"]["threads"] == 4
for t in (2, 4):
    a, b = dict(runs[1]), dict(runs[t])
    del a["execution"], b["execution"]
    assert a == b, f"run.json differs between 1 and {t} threads outside execution"
# The tables in run.json are the CSV files' rows.
import csv
rows = list(csv.DictReader(open(f"{work}/t1/seats_distribution.csv")))
assert len(rows) == len(r["seats_distribution"])
total = {}
for row in rows:
    key = (row["stage"], row["group_kind"], row["group"])
    total[key] = total.get(key, 0) + int(row["count"])
assert set(total.values()) == {2000}, "every group's seat counts add up to the simulations"
EOF
then pass; else fail "run.json"; fi

# The headline table on standard output, in each format.
if grep -q "P(majority)" "$work/stdout1"; then pass; else fail "no table on standard output"; fi
if "$scrutin" run "$scenario" -n 200 --format json --out "$work/fj" --no-progress \
    | python3 -c 'import json, sys; assert json.load(sys.stdin)["rows"]'; then pass
else fail "--format json is not JSON"; fi
if "$scrutin" run "$scenario" -n 200 --format csv --out "$work/fc" --no-progress \
    | head -1 | grep -qx 'stage,group_kind,group,mean,p05,p95,p_majority,p_majority_se,p_largest'
then pass; else fail "--format csv header"; fi
out=$("$scrutin" run "$scenario" -n 200 -q --out "$work/fq")
if [ $? -eq 0 ] && [ -z "$out" ] && [ -f "$work/fq/run.json" ]; then pass
else fail "--quiet prints something or writes nothing"; fi

# The default output folder: results/NAME under the working directory.
if (cd "$work" && "$scrutin" run "$scenario" -n 100 -q) && [ -f "$work/results/small/run.json" ]
then pass; else fail "default output folder results/small"; fi

# Bad options: a message and exit status 2, nothing written.
expect2() { # NAME PATTERN -- command...
    local name=$1 pattern=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 2 ] && grep -Eq -- "$pattern" "$work/err"; then pass
    else fail "$name: exit $got (wanted 2), stderr:"; sed 's/^/    /' "$work/err"; fi
}
expect2 n-zero 'number of simulations' -- "$scrutin" run "$scenario" -n 0 --out "$work/bad"
expect2 n-text 'number of simulations' -- "$scrutin" run "$scenario" -n many --out "$work/bad"
expect2 bad-seed 'not a seed' -- "$scrutin" run "$scenario" --seed 1x --out "$work/bad"
expect2 negative-seed 'not a seed' -- "$scrutin" run "$scenario" --seed -4 --out "$work/bad"
expect2 bad-format 'unknown format' -- "$scrutin" run "$scenario" --format xml --out "$work/bad"
expect2 negative-threads 'threads' -- "$scrutin" run "$scenario" --threads -1 --out "$work/bad"
expect2 no-scenario 'expected one scenario' -- "$scrutin" run --out "$work/bad"
expect2 missing-scenario 'cannot open' -- "$scrutin" run "$work/nope.yaml" --out "$work/bad"
if [ ! -e "$work/bad" ]; then pass; else fail "a refused run wrote $work/bad"; fi

# An output folder that cannot be created: exit 2, the message names it.
touch "$work/plain"
expect2 unwritable-out "$work/plain/sub" -- "$scrutin" run "$scenario" -n 10 --out "$work/plain/sub"

# --help lists every option, the files and the exit statuses.
help=$("$scrutin" run --help)
for word in --simulations --seed --threads --out --format --no-progress --quiet \
    seats_distribution.csv seats_summary.csv districts.csv district_lists.csv district_leverage.csv \
    district_runoffs.csv run.json 130; do
    case $help in *"$word"*) pass ;; *) fail "scrutin run --help does not mention $word" ;; esac
done

# Interrupted runs (SIGTERM, then SIGINT): the simulations stop within a second of the signal,
# the exit status is 128 + the signal's number, and every output file is complete and well-formed:
# the six tables and run.json, marked partial, with the number of simulations completed, which
# every table agrees with; no temporary file is left behind.
interrupt() { # SIGNAL WANT-STATUS NAME
    local sig=$1 want=$2 name=$3 pid got t0 elapsed_ms
    # Job control on: a script's background job would otherwise ignore SIGINT.
    set -m
    "$scrutin" run "$scenario" -n 4000000000 --seed 3 --threads 2 --out "$work/$name" -q \
        2>"$work/$name.err" &
    pid=$!
    set +m
    sleep 1
    t0=$(date +%s%N)
    kill -"$sig" "$pid"
    wait "$pid"
    got=$?
    elapsed_ms=$((($(date +%s%N) - t0) / 1000000))
    if [ "$got" -ne "$want" ] || ! grep -q "interrupted after" "$work/$name.err"; then
        fail "$sig: exit $got (wanted $want), stderr:"; sed 's/^/    /' "$work/$name.err"; return
    fi
    pass
    # Within a second of the signal, the files written and synced included.
    if [ "$elapsed_ms" -lt "${SCRUTIN_TEST_STOP_MS:-1000}" ]; then pass
    else fail "$sig: the run took ${elapsed_ms} ms to stop (wanted less than a second)"; fi
    if [ "$(find "$work/$name" -name '.*' -type f | wc -l)" -eq 0 ]; then pass
    else fail "$sig: temporary files left in the output folder"; fi
    if python3 - "$work/$name" <<'PY'
import csv, json, math, sys
out = sys.argv[1]
r = json.load(open(f"{out}/run.json"))
assert r["partial"] is True, r["partial"]
s = r["simulations"]
n = s["completed"]
assert 0 < n < s["requested"] == 4000000000, s
headers = {
    "seats_distribution": "stage,group_kind,group,seats,count,probability",
    "seats_summary": "stage,group_kind,group,mean,sd,p05,p25,p50,p75,p95,p_majority",
    "districts": "district,region,seats,p_decided_round1,p_court_flip,p_tie",
    "district_lists": "district,list,p_round2,p_win_provisional,p_win_final",
    "district_leverage": "district,group_kind,group,p_seat,p_majority_if_seat",
    "district_runoffs": "district,list_a,list_b,p_meet,p_a_wins_if_meet",
}
for table, header in headers.items():
    text = open(f"{out}/{table}.csv").read()
    assert text.endswith("\n"), f"{table}.csv does not end with a line end"
    assert text.startswith(header), f"{table}.csv: header {text.splitlines()[0]}"
    rows = list(csv.DictReader(open(f"{out}/{table}.csv")))
    assert rows and len(rows) == len(r[table]), f"{table}.csv: {len(rows)} rows, run.json {len(r[table])}"
    width = len(text.splitlines()[0].split(","))
    for row in csv.reader(text.splitlines()[1:]):
        assert len(row) == width, f"{table}.csv: a row of {len(row)} fields"
# Every group's seat counts add up to the completed simulations, and probabilities are count / n.
total = {}
for row in csv.DictReader(open(f"{out}/seats_distribution.csv")):
    key = (row["stage"], row["group_kind"], row["group"])
    total[key] = total.get(key, 0) + int(row["count"])
    assert math.isclose(float(row["probability"]), int(row["count"]) / n, rel_tol=1e-12), row
assert set(total.values()) == {n}, "seat counts do not add up to the completed simulations"
for row in csv.DictReader(open(f"{out}/district_lists.csv")):
    for col in ("p_round2", "p_win_provisional", "p_win_final"):
        p = float(row[col])
        assert 0 <= p <= 1 and abs(p * n - round(p * n)) < 1e-6, (col, row)
PY
    then pass; else fail "$sig: the partial results are not complete and well-formed"; fi
}
interrupt TERM 143 stopped-term
interrupt INT 130 stopped-int

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
