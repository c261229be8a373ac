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
tables="seats_distribution.csv seats_summary.csv districts.csv district_lists.csv"

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
            "district_lists", "execution"):
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
    seats_distribution.csv seats_summary.csv districts.csv district_lists.csv run.json 130; do
    case $help in *"$word"*) pass ;; *) fail "scrutin run --help does not mention $word" ;; esac
done

# SIGTERM: the completed simulations are written, marked partial; exit 128 + 15. (A script's
# background job ignores SIGINT, so SIGINT, which exits 130, is checked by hand: docs/cli.md.)
"$scrutin" run "$scenario" -n 4000000000 --seed 3 --out "$work/stopped" -q 2>"$work/stop.err" &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid"
got=$?
if [ "$got" -eq 143 ] && grep -q "interrupted after" "$work/stop.err" && python3 - "$work" <<'EOF'
import json, sys
r = json.load(open(f"{sys.argv[1]}/stopped/run.json"))
assert r["partial"] is True, r["partial"]
s = r["simulations"]
assert 0 < s["completed"] < s["requested"] == 4000000000, s
EOF
then pass; else fail "SIGTERM: exit $got (wanted 143), stderr:"; sed 's/^/    /' "$work/stop.err"; fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
