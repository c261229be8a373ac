#!/usr/bin/env bash
# scrutin compare and scrutin sweep: the same files for 1 and 2 threads, a scenario against
# itself differs by exactly zero, the documented columns, bad input refused with exit status 2,
# and every what-if of scenarios/mali-2007 runs from its documented one-liner (docs/whatifs.md).
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
small=$src/tests/data/small/scenario.yaml
whatif=$src/tests/data/whatif
mali=$src/scenarios/mali-2007

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

# Common random numbers, integer tallies: the files do not depend on the thread count.
for t in 1 2; do
    if "$scrutin" compare "$small" "$whatif/merge.yaml" "$whatif/shift.yaml" -n 2000 --seed 5 \
        --threads "$t" --out "$work/t$t" -q; then pass
    else fail "compare with $t threads: exit $?"; fi
done
if cmp -s "$work/t1/compare.csv" "$work/t2/compare.csv"; then pass
else fail "compare.csv differs between 1 and 2 threads"; fi
if python3 - "$work" <<'EOF'
import json, sys
a, b = (json.load(open(f"{sys.argv[1]}/t{t}/compare.json")) for t in (1, 2))
assert a["execution"]["threads"] == 1 and b["execution"]["threads"] == 2
del a["execution"], b["execution"]
assert a == b, "compare.json differs outside execution"
assert a["base"]["name"] == "small" and [w["name"] for w in a["whatifs"]] == ["merge", "shift"]
assert len(a["base"]["hash"]) == 32 and a["whatifs"][0]["hash"] != a["base"]["hash"]
assert a["simulations"] == {"requested": 2000, "completed": 2000} and a["partial"] is False
EOF
then pass; else fail "compare.json"; fi

header='whatif,stage,group_kind,group,in_base,in_whatif,mean_base,mean_whatif,mean_diff,mean_diff_se,p_majority_base,p_majority_whatif,p_majority_diff,p_majority_diff_se,p05_base,p50_base,p95_base,p05_whatif,p50_whatif,p95_whatif,p05_diff,p25_diff,p50_diff,p75_diff,p95_diff'
if [ "$(head -1 "$work/t1/compare.csv")" = "$header" ]; then pass
else fail "compare.csv header: $(head -1 "$work/t1/compare.csv")"; fi
# Two what-ifs x two stages x (four parties + three coalitions).
if [ "$(tail -n +2 "$work/t1/compare.csv" | wc -l)" -eq 28 ]; then pass
else fail "compare.csv has $(tail -n +2 "$work/t1/compare.csv" | wc -l) rows, not 28"; fi

# A scenario against itself: every difference and its standard error exactly zero.
if "$scrutin" compare "$small" "$small" -n 1000 --out "$work/self" -q &&
    python3 - "$work/self/compare.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows
for r in rows:
    for k in ("mean_diff", "mean_diff_se", "p_majority_diff", "p_majority_diff_se",
              "p05_diff", "p25_diff", "p50_diff", "p75_diff", "p95_diff"):
        assert r[k] == "0", (r["group"], k, r[k])
EOF
then pass; else fail "a scenario against itself does not differ by exactly zero"; fi

# Standard output: Markdown and CSV.
if "$scrutin" compare "$small" "$whatif/merge.yaml" -n 500 --out "$work/md" --format md \
    | grep -q '^| LEFT | coalition |'; then pass
else fail "compare --format md"; fi
if [ "$("$scrutin" compare "$small" "$whatif/merge.yaml" -n 500 --out "$work/csv" --format csv \
    | head -1)" = "$header" ]; then pass
else fail "compare --format csv"; fi

# Bad input: exit status 2 and a message naming the file.
"$scrutin" compare "$small" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && grep -q "at least one what-if" "$work/err"; then pass
else fail "compare with one scenario"; fi
"$scrutin" compare "$small" "$whatif/cycle-a.yaml" -n 10 --out "$work/cycle" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && grep -q 'cycle-b\.yaml:1: base: the bases form a cycle' "$work/err"; then pass
else fail "compare with a cycle of bases"; sed 's/^/    /' "$work/err"; fi
"$scrutin" compare "$small" "$whatif/bad-key.yaml" -n 10 --out "$work/bad" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && grep -q 'bad-key\.yaml:4: .*sd_lst' "$work/err"; then pass
else fail "compare with a bad key"; sed 's/^/    /' "$work/err"; fi

# Sweep: one row per step and coalition, the values as written.
if "$scrutin" sweep "$small" --set model.sd_list --from 0.1 --to 0.5 --steps 5 -n 300 \
    --out "$work/sweep" -q && python3 - "$work/sweep" <<'EOF'
import csv, json, sys
rows = list(csv.DictReader(open(f"{sys.argv[1]}/sweep.csv")))
assert list(rows[0].keys()) == ["step", "value", "coalition", "p_majority", "p_majority_se",
                                "mean_seats", "mean_se"], list(rows[0].keys())
assert len(rows) == 5 * 3, len(rows)
assert [r["value"] for r in rows[::3]] == ["0.1", "0.2", "0.3", "0.4", "0.5"]
assert [r["step"] for r in rows[::3]] == ["0", "1", "2", "3", "4"]
j = json.load(open(f"{sys.argv[1]}/sweep.json"))
assert j["set"] == "model.sd_list" and j["values"] == [0.1, 0.2, 0.3, 0.4, 0.5]
assert len(j["rows"]) == 15
EOF
then pass; else fail "sweep.csv"; fi
"$scrutin" sweep "$small" --set model.sd_list --from -0.1 --to 0.5 --steps 3 -n 10 \
    --out "$work/sweep-bad" >"$work/out" 2>"$work/err"
if [ $? -eq 2 ] && grep -q 'model\.sd_list=-0\.1: model\.sd_list: -0\.1 is not' "$work/err"; then pass
else fail "sweep to a value out of range"; sed 's/^/    /' "$work/err"; fi
"$scrutin" sweep "$small" --set model.sd_list --from 0.1 --steps 3 >"$work/out" 2>"$work/err"
if [ $? -eq 2 ]; then pass; else fail "sweep without --to"; fi

# The documented one-liners of docs/whatifs.md, with few simulations: every Mali what-if runs.
if "$scrutin" compare "$mali/scenario.yaml" "$mali"/whatif-*.yaml -n 100 --out "$work/mali" -q \
    && [ "$(ls "$mali"/whatif-*.yaml | wc -l)" -ge 6 ] \
    && [ "$(cut -d, -f1 "$work/mali/compare.csv" | sort -u | grep -c '^whatif-')" -eq \
         "$(ls "$mali"/whatif-*.yaml | wc -l)" ]; then pass
else fail "the Mali what-ifs do not all run from the one-liner"; fi
if "$scrutin" sweep "$mali/whatif-opposition-plus-5.yaml" --set 'changes[0].shift.points' \
    --from -10 --to 30 --steps 3 -n 100 --out "$work/mali-sweep" -q; then pass
else fail "the documented Mali sweep"; fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
