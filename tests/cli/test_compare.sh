#!/usr/bin/env bash
# scrutin compare and scrutin sweep: the same files for 1 and 2 threads, a scenario against
# itself differs by exactly zero, the documented columns, bad input refused with exit status 2,
# every what-if of scenarios/mali-2007 runs from its documented one-liner (docs/whatifs.md),
# --plots (drawn with gnuplot, or left to draw when it is missing), and SIGINT/SIGTERM: the
# completed simulations written, marked partial, exit status 130/143.
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
if cmp -s "$work/t1/compare_districts.csv" "$work/t2/compare_districts.csv"; then pass
else fail "compare_districts.csv differs between 1 and 2 threads"; fi

# compare_districts.csv: shifting party C in the North moves its districts (D1, D2) beyond
# five paired standard errors, and leaves the South's (D3) exactly as they were; the merged
# list of A and C in D2 counts for both parties.
if python3 - "$work/t1/compare_districts.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0]) == ["whatif", "side", "system", "district", "group_kind", "group",
                         "p_seat_base", "p_seat_whatif", "p_seat_diff", "p_seat_diff_se"], list(rows[0])
shift = [r for r in rows if r["whatif"] == "shift"]
for r in shift:
    diff, se = float(r["p_seat_diff"]), float(r["p_seat_diff_se"])
    assert abs(diff - (float(r["p_seat_whatif"]) - float(r["p_seat_base"]))) < 1e-12, r
    if r["district"] == "D3":
        assert diff == 0 and se == 0, r
c = {r["district"]: r for r in shift if r["group"] == "C"}
for d in ("D1", "D2"):
    assert float(c[d]["p_seat_diff"]) < -5 * float(c[d]["p_seat_diff_se"]), c[d]
merge = {(r["district"], r["group"]): r for r in rows if r["whatif"] == "merge"}
assert float(merge[("D2", "A")]["p_seat_whatif"]) == float(merge[("D2", "C")]["p_seat_whatif"]) > 0
EOF
then pass; else fail "compare_districts.csv"; fi
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

header='whatif,side,stage,group_kind,group,in_base,in_whatif,mean_base,mean_whatif,mean_diff,mean_diff_se,p_majority_base,p_majority_whatif,p_majority_diff,p_majority_diff_se,p05_base,p50_base,p95_base,p05_whatif,p50_whatif,p95_whatif,p05_diff,p25_diff,p50_diff,p75_diff,p95_diff'
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
    && [ "$(python3 -c 'import csv,sys; print("\n".join(r["whatif"] for r in csv.DictReader(open(sys.argv[1]))))' "$work/mali/compare.csv" | sort -u | grep -c '^whatif-')" -eq \
         "$(ls "$mali"/whatif-*.yaml | wc -l)" ]; then pass
else fail "the Mali what-ifs do not all run from the one-liner"; fi
if "$scrutin" sweep "$mali/whatif-opposition-plus-5.yaml" --set 'changes[0].shift.points' \
    --from -10 --to 30 --steps 3 -n 100 --out "$work/mali-sweep" -q; then pass
else fail "the documented Mali sweep"; fi

# compare.json and sweep.json: the execution object names the ranks (1 without mpirun); a
# complete sweep is not partial and says so.
if python3 - "$work" <<'EOF'
import json, sys
c = json.load(open(f"{sys.argv[1]}/t1/compare.json"))
assert c["execution"]["ranks"] == 1, c["execution"]
s = json.load(open(f"{sys.argv[1]}/sweep/sweep.json"))
assert s["execution"]["ranks"] == 1, s["execution"]
assert s["partial"] is False and s["simulations"] == 300, (s["partial"], s["simulations"])
assert s["completed"] == {"steps": 5, "simulations": [300] * 5}, s["completed"]
EOF
then pass; else fail "ranks, partial and completed in compare.json and sweep.json"; fi

# --plots: the data and scripts, drawn when gnuplot is on the PATH; a missing gnuplot is said,
# and is not a failure.
for word in --plots compare_coalitions 130 143 partial; do
    case $("$scrutin" compare --help) in *"$word"*) pass ;;
        *) fail "scrutin compare --help does not mention $word" ;; esac
done
for word in --plots sweep_majority 130 143 partial; do
    case $("$scrutin" sweep --help) in *"$word"*) pass ;;
        *) fail "scrutin sweep --help does not mention $word" ;; esac
done
have_gnuplot=0
command -v gnuplot >/dev/null 2>&1 && have_gnuplot=1
mkdir -p "$work/bin-nognuplot"
for tool in bash sh env cat; do ln -s "$(command -v $tool)" "$work/bin-nognuplot/$tool"; done
# An MPI build started without mpirun looks for OpenMPI's launchers on the PATH, unless told
# to start alone; other builds ignore the variable.
export OMPI_MCA_plm=isolated
PATH=$work/bin-nognuplot "$scrutin" compare "$small" "$whatif/new-coalition.yaml" -n 300 \
    --out "$work/plots-none" --plots >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "gnuplot was not found on the PATH" "$work/err" &&
    [ -s "$work/plots-none/plots/compare_coalitions.csv" ] &&
    [ -s "$work/plots-none/plots/compare_coalitions.gp" ] &&
    [ ! -e "$work/plots-none/plots/compare_coalitions.png" ] &&
    ! grep -q "Plots drawn" "$work/out"; then pass
else fail "compare --plots without gnuplot"; sed 's/^/    /' "$work/err"; fi
# One panel per coalition (the base's three, then CENTRE, the what-if's own), two curves each
# (base, what-if), each a distribution; a coalition a scenario lacks has no curve there.
if python3 - "$work/plots-none/plots/compare_coalitions.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0]) == ["group", "scenario", "side", "seats", "probability"], list(rows[0])
assert {(r["scenario"], r["side"]) for r in rows} == {("small", "base"), ("new-coalition", "whatif1")}
groups = list(dict.fromkeys(r["group"] for r in rows))
assert groups == ["LEFT", "RIGHT", "IND", "CENTRE"], groups
assert list(dict.fromkeys(r["scenario"] for r in rows)) == ["small", "new-coalition"], rows[0]
for g in groups:
    for k in ("small", "new-coalition"):
        total = sum(float(r["probability"]) for r in rows if r["group"] == g and r["scenario"] == k)
        want = 0.0 if (g, k) == ("CENTRE", "small") else 1.0  # CENTRE in the base: no curve
        assert abs(total - want) < 1e-9, (g, k, total)
gp = open(sys.argv[1][:-4] + ".gp").read()
assert "CENTRE (what-if only)" in gp
EOF
then pass; else fail "compare_coalitions.csv"; fi
PATH=$work/bin-nognuplot "$scrutin" sweep "$small" --set model.sd_list --from 0.1 --to 0.3 \
    --steps 3 -n 200 --out "$work/sweep-plots-none" --plots >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] && grep -q "gnuplot was not found on the PATH" "$work/err" &&
    [ "$(head -1 "$work/sweep-plots-none/plots/sweep_majority.csv")" = \
      "x,group,probability,probability_se" ] &&
    [ "$(cut -d, -f2 "$work/sweep-plots-none/plots/sweep_majority.csv" | uniq | tr '\n' ' ')" = \
      "group LEFT RIGHT IND " ] &&
    [ "$(wc -l <"$work/sweep-plots-none/plots/sweep_majority.csv")" -eq $((1 + 3 * 3)) ]; then pass
else fail "sweep --plots without gnuplot"; sed 's/^/    /' "$work/err"; fi
if [ $have_gnuplot -eq 1 ]; then
    "$scrutin" compare "$small" "$whatif/merge.yaml" "$whatif/shift.yaml" -n 300 \
        --out "$work/plots" --plots >"$work/out" 2>"$work/err"
    if [ $? -eq 0 ] && [ -s "$work/plots/plots/compare_coalitions.png" ] &&
        [ -s "$work/plots/plots/compare_coalitions.svg" ] &&
        grep -q "Plots drawn in .*compare_coalitions" "$work/out"; then pass
    else fail "compare --plots with gnuplot"; sed 's/^/    /' "$work/err"; fi
    # More what-ifs than one plot holds: one plot per four, and no page left over afterwards.
    "$scrutin" compare "$small" "$whatif/merge.yaml" "$whatif/shift.yaml" "$whatif/move-party.yaml" \
        "$whatif/withdraw.yaml" "$whatif/turnout.yaml" -n 100 --out "$work/plots" --plots -q \
        2>"$work/err"
    if [ $? -eq 0 ] && [ -s "$work/plots/plots/compare_coalitions_2.png" ]; then pass
    else fail "compare --plots of five what-ifs"; sed 's/^/    /' "$work/err"; fi
    "$scrutin" compare "$small" "$whatif/merge.yaml" -n 100 --out "$work/plots" --plots -q
    if [ $? -eq 0 ] && [ ! -e "$work/plots/plots/compare_coalitions_2.png" ] &&
        [ ! -e "$work/plots/plots/compare_coalitions_2.csv" ]; then pass
    else fail "a stale compare_coalitions_2 was left"; fi
    "$scrutin" sweep "$small" --set model.sd_list --from 0.1 --to 0.3 --steps 3 -n 200 \
        --out "$work/sweep-plots" --plots >"$work/out" 2>"$work/err"
    if [ $? -eq 0 ] && [ -s "$work/sweep-plots/plots/sweep_majority.png" ] &&
        grep -q "Plot drawn in .*sweep_majority" "$work/out"; then pass
    else fail "sweep --plots with gnuplot"; sed 's/^/    /' "$work/err"; fi
else
    echo "gnuplot is not installed: the drawing checks are skipped"
fi

# Interrupted (SIGTERM, then SIGINT): stopped within a second, exit 128 + the signal, and the
# completed simulations written whole, marked partial.
interrupt() { # SIGNAL WANT-STATUS NAME COMMAND-ARGUMENTS...
    local sig=$1 want=$2 name=$3 pid got t0 elapsed_ms
    shift 3
    # Job control on: a script's background job would otherwise ignore SIGINT.
    set -m
    "$scrutin" "$@" --out "$work/$name" -q 2>"$work/$name.err" &
    pid=$!
    set +m
    sleep 1
    t0=$(date +%s%N)
    kill -"$sig" "$pid"
    wait "$pid"
    got=$?
    elapsed_ms=$((($(date +%s%N) - t0) / 1000000))
    if [ "$got" -eq "$want" ] && grep -q "interrupted" "$work/$name.err"; then pass
    else fail "$name: exit $got (wanted $want), stderr:"; sed 's/^/    /' "$work/$name.err"; fi
    if [ "$elapsed_ms" -lt "${SCRUTIN_TEST_STOP_MS:-1000}" ]; then pass
    else fail "$name: took ${elapsed_ms} ms to stop (wanted less than a second)"; fi
    if [ "$(find "$work/$name" -name '.*' -type f | wc -l)" -eq 0 ]; then pass
    else fail "$name: temporary files left in the output folder"; fi
}
interrupt TERM 143 compare-term compare "$mali/scenario.yaml" "$mali/whatif-no-court.yaml" \
    -n 4000000000 --threads 2
interrupt INT 130 compare-int compare "$mali/scenario.yaml" "$mali/whatif-no-court.yaml" \
    -n 4000000000 --threads 2
if python3 - "$work" <<'EOF'
import csv, json, sys
for name in ("compare-term", "compare-int"):
    out = f"{sys.argv[1]}/{name}"
    j = json.load(open(f"{out}/compare.json"))
    assert j["partial"] is True, (name, j["partial"])
    n = j["simulations"]["completed"]
    assert 0 < n < j["simulations"]["requested"] == 4000000000, (name, j["simulations"])
    rows = list(csv.DictReader(open(f"{out}/compare.csv")))
    assert rows and len(rows) == len(j["rows"]), name
EOF
then pass; else fail "an interrupted comparison is not written whole, marked partial"; fi
interrupt TERM 143 sweep-term sweep "$mali/scenario.yaml" --set model.sd_list --from 0.1 --to 0.5 \
    --steps 3 -n 4000000000 --threads 2
interrupt INT 130 sweep-int sweep "$mali/scenario.yaml" --set model.sd_list --from 0.1 --to 0.5 \
    --steps 3 -n 4000000000 --threads 2
if python3 - "$work" <<'EOF'
import csv, json, sys
for name in ("sweep-term", "sweep-int"):
    out = f"{sys.argv[1]}/{name}"
    j = json.load(open(f"{out}/sweep.json"))
    assert j["partial"] is True, (name, j["partial"])
    done = j["completed"]
    # Stopped during the first step: that step, with the simulations it completed.
    assert done["steps"] == 1 and 0 < done["simulations"][0] < 4000000000, (name, done)
    assert j["values"] == [0.1, 0.3, 0.5], j["values"]
    rows = list(csv.DictReader(open(f"{out}/sweep.csv")))
    assert len(rows) == len(j["rows"]) and {r["step"] for r in rows} == {"0"}, name
EOF
then pass; else fail "an interrupted sweep is not written whole, marked partial"; fi

# Every PATH that `scrutin sweep --help` gives as an example is one a sweep can set (on the
# what-if with a `changes` list, which the changes[0] example needs).
paths=$("$scrutin" sweep --help | sed -n '/^PATH is a dotted path/,/^A key the scenario/p' |
        grep -oE '[a-z_]+((\.[a-z0-9_]+)|\[[0-9]+\])+' | sort -u)
[ -n "$paths" ] && pass || fail "no example PATH found in scrutin sweep --help"
for path in $paths; do
    if "$scrutin" sweep "$mali/whatif-opposition-plus-5.yaml" --set "$path" --from 0.1 --to 0.1 \
        --steps 1 -n 20 --out "$work/help-$path" -q 2>"$work/help.err"; then pass
    else fail "sweep --help's example --set $path fails: $(cat "$work/help.err")"; fi
done

# compare and sweep refuse an output folder they cannot write before simulating, as run does.
touch "$work/a-file"
for cmd in "compare $mali/scenario.yaml $mali/whatif-no-court.yaml" \
           "sweep $mali/scenario.yaml --set model.sd_list --from 0.1 --to 0.2 --steps 2"; do
    # shellcheck disable=SC2086
    timeout 20 "$scrutin" $cmd -n 4000000000 --out "$work/a-file" -q 2>"$work/refused.err"
    got=$?
    if [ "$got" -eq 2 ] && grep -q "a-file: the output folder cannot be written" "$work/refused.err"
    then pass; else fail "${cmd%% *} into a file: exit $got, $(cat "$work/refused.err")"; fi
done

# A what-if given twice (compare A B B), or the base given again twice beside another what-if:
# the two of one name are told apart by their side (whatif1, whatif2...) in compare.csv,
# compare_districts.csv and compare.json, every row's key distinct; being the same scenario on
# the same random numbers, their rows are the same, side apart. Standard output adds
# "(what-if N)" to the name, as the plot's key does.
for twice in "$mali/whatif-no-court.yaml $mali/whatif-no-court.yaml|whatif-no-court (what-if 2)" \
             "$mali/whatif-no-court.yaml $mali/scenario.yaml $mali/scenario.yaml|mali-2007 (what-if 3)"; do
    rm -rf "$work/same"
    # shellcheck disable=SC2086
    "$scrutin" compare "$mali/scenario.yaml" ${twice%|*} -n 200 --out "$work/same" --no-progress \
        >"$work/same.out" 2>"$work/same.err"
    got=$?
    if [ "$got" -eq 0 ] && python3 - "$work/same" <<'EOF'
import csv, json, sys
out = sys.argv[1]
def check(rows, key):
    keys = [tuple(r[k] for k in key) for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1][:3]
    name = {r["side"]: r["whatif"] for r in rows}
    assert sorted(name) == [f"whatif{i}" for i in range(1, len(name) + 1)], sorted(name)
    twice = [s for s in name if list(name.values()).count(name[s]) == 2]
    assert len(twice) == 2, name
    def rest(side):
        return sorted(tuple(v for k, v in r.items() if k != "side") for r in rows if r["side"] == side)
    assert rest(twice[0]) and rest(twice[0]) == rest(twice[1]), twice
    return len(name)
n = check(list(csv.DictReader(open(f"{out}/compare.csv"))), ("side", "stage", "group_kind", "group"))
check(list(csv.DictReader(open(f"{out}/compare_districts.csv"))),
      ("side", "system", "district", "group_kind", "group"))
doc = json.load(open(f"{out}/compare.json"))
check([{k: str(v) for k, v in r.items()} for r in doc["rows"]], ("side", "stage", "group_kind", "group"))
assert doc["base"]["side"] == "base", doc["base"]
assert [w["side"] for w in doc["whatifs"]] == [f"whatif{i}" for i in range(1, n + 1)], doc["whatifs"]
EOF
    then pass; else fail "compare with two what-ifs of one name (${twice%|*}): exit $got, $(cat "$work/same.err")"; fi
    grep -qF "${twice#*|} against mali-2007:" "$work/same.out" && pass ||
        fail "standard output does not tell two what-ifs of one name apart: $(grep against "$work/same.out")"
done

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
