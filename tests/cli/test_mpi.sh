#!/usr/bin/env bash
# Distributed runs: mpirun -np 1, 2 and 3 give CSV files byte-identical to a
# single process with the same seed, and to each other, for run, compare and
# sweep (their JSON files too, but for "execution"), and for run's --draws
# database (its SQL dump), --given, --target-se and --min-matches; an error on
# the ranks stops them all with one message and exit status 2, without hanging; interrupted,
# only rank 0 says what was written (or that nothing was).
# Skipped (77) unless this scrutin was built with -DSCRUTIN_WITH_MPI=ON.
set -u
scrutin=$1
src=$2
"$scrutin" --version | grep -q '(MPI)' || { echo "not an MPI build: skipped"; exit 77; }
command -v mpirun >/dev/null || { echo "mpirun missing: skipped"; exit 77; }
# CI runs as root, which OpenMPI refuses unless told; two cores: allow more ranks than cores.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() { if "$@"; then passed=$((passed + 1)); else echo "FAIL: $*"; failed=$((failed + 1)); fi; }

# Started by hand, the MPI build runs as one process without starting MPI: it works where
# OpenMPI could not start (no ssh or rsh for its launcher helper on the PATH).
bare=$work/bare-path
mkdir -p "$bare"
for c in bash sh env cat; do ln -s "$(command -v $c)" "$bare/$c"; done
env PATH="$bare" "$scrutin" run "$src/tests/data/small/scenario.yaml" -n 300 --seed 9 \
    --out "$work/bare" -q
check test $? -eq 0
check grep -q '"ranks": 1' "$work/bare/run.json"

for scenario in tests/data/small/scenario.yaml scenarios/mali-2007/scenario.yaml; do
    name=$(basename "$(dirname "$scenario")")
    "$scrutin" run "$src/$scenario" -n 1500 --seed 9 --threads 2 --out "$work/$name-single" -q
    check test $? -eq 0
    for np in 1 2 3; do
        timeout 300 mpirun --oversubscribe -np $np "$scrutin" run "$src/$scenario" -n 1500 --seed 9 \
            --threads 1 --out "$work/$name-np$np" -q
        check test $? -eq 0
        for f in seats_distribution seats_summary districts district_lists district_leverage \
                 district_runoffs; do
            check cmp -s "$work/$name-single/$f.csv" "$work/$name-np$np/$f.csv"
        done
        check grep -q "\"ranks\": $np" "$work/$name-np$np/run.json"
    done
done

# compare and sweep spread their work the same way: byte-identical files for any number of ranks.
same_json() { # A B RANKS: equal but for "execution", which names RANKS ranks in B
    python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert b["execution"]["ranks"] == int(sys.argv[3]), b["execution"]
del a["execution"], b["execution"]
assert a == b
EOF
}
small=$src/tests/data/small/scenario.yaml
mali=$src/scenarios/mali-2007
compare_args=("$mali/scenario.yaml" "$mali/whatif-urd-leaves-adp.yaml" "$mali/whatif-no-court.yaml"
              -n 1001 --seed 9 --plots)
sweep_args=("$mali/whatif-opposition-plus-5.yaml" --set 'changes[0].shift.points' --from -10 --to 30
            --steps 3 -n 701 --seed 9 --plots)
# With --plots, rank 0 writes the plots' data (drawn if gnuplot is there): the same data too.
"$scrutin" compare "${compare_args[@]}" --threads 2 --out "$work/compare-single" -q 2>/dev/null
check test $? -eq 0
"$scrutin" sweep "${sweep_args[@]}" --threads 2 --out "$work/sweep-single" -q 2>/dev/null
check test $? -eq 0
for np in 1 2 3; do
    timeout 300 mpirun --oversubscribe -np $np "$scrutin" compare "${compare_args[@]}" --threads 1 \
        --out "$work/compare-np$np" -q 2>/dev/null
    check test $? -eq 0
    check cmp -s "$work/compare-single/compare.csv" "$work/compare-np$np/compare.csv"
    check cmp -s "$work/compare-single/plots/compare_coalitions.csv" \
        "$work/compare-np$np/plots/compare_coalitions.csv"
    check same_json "$work/compare-single/compare.json" "$work/compare-np$np/compare.json" $np
    timeout 300 mpirun --oversubscribe -np $np "$scrutin" sweep "${sweep_args[@]}" --threads 1 \
        --out "$work/sweep-np$np" -q 2>/dev/null
    check test $? -eq 0
    check cmp -s "$work/sweep-single/sweep.csv" "$work/sweep-np$np/sweep.csv"
    check cmp -s "$work/sweep-single/plots/sweep_majority.csv" \
        "$work/sweep-np$np/plots/sweep_majority.csv"
    check same_json "$work/sweep-single/sweep.json" "$work/sweep-np$np/sweep.json" $np
done
# run's queries: --draws (rank 0 writes the rows, gathered from every rank in index order),
# --given, and the stopping rules (decided at fixed steps on the tallies summed over the
# ranks): the same database, byte for byte in its SQL dump, and the same files for any
# number of ranks. Each case: a name, then run's arguments (the database is NAME.db).
dump() { python3 -c 'import sqlite3, sys; print("\n".join(sqlite3.connect(sys.argv[1]).iterdump()))' "$1"; }
query_cases=(
    "given|$mali/scenario.yaml -n 1500 --seed 9 --draws-districts --given Commune-I=ADEMA-CNID --given provisional:Kayes:RPM"
    "target|$src/tests/data/systems/small-systems.yaml -n 1000 --seed 9 --target-se 0.005 --max-n 100000"
    "matches|$small -n 700 --seed 9 --given D1=C --min-matches 1500 --max-n 50000"
)
for case in "${query_cases[@]}"; do
    name=${case%%|*}
    read -r -a args <<<"${case#*|}"
    "$scrutin" run "${args[@]}" --threads 2 --draws "$work/$name-single.db" \
        --out "$work/$name-single" -q
    check test $? -eq 0
    dump "$work/$name-single.db" >"$work/$name-single.sql"
    check test -s "$work/$name-single.sql"
    for np in 1 2 3; do
        timeout 300 mpirun --oversubscribe -np $np "$scrutin" run "${args[@]}" --threads 1 \
            --draws "$work/$name-np$np.db" --out "$work/$name-np$np" -q
        check test $? -eq 0
        dump "$work/$name-np$np.db" >"$work/$name-np$np.sql"
        check cmp -s "$work/$name-single.sql" "$work/$name-np$np.sql"
        for f in seats_distribution seats_summary districts district_lists; do
            check cmp -s "$work/$name-single/$f.csv" "$work/$name-np$np/$f.csv"
        done
        check same_json "$work/$name-single/run.json" "$work/$name-np$np/run.json" $np
    done
done
# The stopping rules were met before their caps, at a step boundary; the results matched.
check python3 - "$work" <<'EOF'
import json, sys
t = json.load(open(f"{sys.argv[1]}/target-np3/run.json"))
assert t["stopping"]["met"] and t["simulations"]["completed"] % 1000 == 0, t["stopping"]
m = json.load(open(f"{sys.argv[1]}/matches-np3/run.json"))
assert m["stopping"]["met"] and m["given"]["matched"] >= 1500, m["given"]
g = json.load(open(f"{sys.argv[1]}/given-np3/run.json"))
assert 0 < g["given"]["matched"] < g["given"]["simulated"] == 1500, g["given"]
EOF

# More ranks than simulations: the ranks without any still take part.
"$scrutin" compare "$small" "$small" -n 2 --out "$work/tiny-single" -q
timeout 120 mpirun --oversubscribe -np 3 "$scrutin" compare "$small" "$small" -n 2 --out "$work/tiny-np3" -q
check test $? -eq 0
check cmp -s "$work/tiny-single/compare.csv" "$work/tiny-np3/compare.csv"

# An error stops every rank with one message and exit status 2, and no hang.
timeout 120 mpirun --oversubscribe -np 3 "$scrutin" run "$work/missing.yaml" -n 10 -q 2>"$work/err"
check test $? -eq 2
check test "$(grep -c '^scrutin' "$work/err")" -eq 1
timeout 120 mpirun --oversubscribe -np 2 "$scrutin" run "$src/tests/data/small/scenario.yaml" -n 10 \
    --out /proc/no-such-folder -q 2>"$work/err"
check test $? -eq 2
check grep -q 'output folder' "$work/err"

timeout 120 mpirun --oversubscribe -np 3 "$scrutin" compare "$small" "$work/missing.yaml" -n 10 -q \
    --out "$work/compare-missing" 2>"$work/err"
check test $? -eq 2
check test "$(grep -c '^scrutin' "$work/err")" -eq 1
timeout 120 mpirun --oversubscribe -np 3 "$scrutin" sweep "$small" --set model.sd_list --from -0.1 \
    --to 0.5 --steps 3 -n 10 -q --out "$work/sweep-bad" 2>"$work/err"
check test $? -eq 2
check grep -q 'model\.sd_list=-0\.1: model\.sd_list: -0\.1 is not' "$work/err"

# Interrupted under MPI, only rank 0 speaks for the run (docs/distributed.md). Each run below is
# stopped by SIGTERM to every rank, as mpirun forwards it, once every rank catches SIGTERM (its
# SigCgt in /proc: the handler is set just before the simulations, so the ranks are past loading,
# however loaded the machine) and a moment more. The ranks are signalled themselves, not mpirun:
# mpirun kills a job that has not ended soon after it forwarded a signal, which on a loaded
# machine is before rank 0 has written the partial results.
descendants() { local c; for c in $(ps -o pid= --ppid "$1"); do echo "$c"; descendants "$c"; done; }
ranks_of() { # PID: the scrutin processes under PID
    local p
    for p in $(descendants "$1"); do
        [ "$(cat "/proc/$p/comm" 2>/dev/null)" = scrutin ] && echo "$p"
    done
}
catching() { # PID: how many scrutin processes under PID catch SIGTERM (bit 15 of SigCgt)
    local n=0 p mask
    for p in $(ranks_of "$1"); do
        mask=$(awk '/^SigCgt:/ {print $2}' "/proc/$p/status" 2>/dev/null)
        [ -n "$mask" ] && (( 0x$mask & 0x4000 )) && n=$((n + 1))
    done
    echo "$n"
}
interrupt_after_start() { # RANKS ERR COMMAND...: run COMMAND in the background, stop it; its status
    local ranks=$1 err=$2
    shift 2
    "$@" 2>"$err" &
    local pid=$! waited=0
    while [ "$(catching "$pid")" -lt "$ranks" ] && [ "$waited" -lt 1200 ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.1; waited=$((waited + 1))
    done
    sleep 1
    local rank
    for rank in $(ranks_of "$pid"); do kill -TERM "$rank" 2>/dev/null; done
    wait "$pid"
}
# With three ranks and steps of two simulations, rank 2 never has one of its own, while rank 0
# holds the matches of all: rank 0 writes the partial results, and no rank says "nothing written".
interrupt_after_start 3 "$work/own-none.err" timeout 300 mpirun --oversubscribe -np 3 \
    "$scrutin" run "$small" -n 2 --given D1=C --min-matches 1000000000 --max-n 1000000000000 \
    --out "$work/own-none" -q --no-progress
check test $? -eq 143
check grep -q 'interrupted after .* simulations; their results are in' "$work/own-none.err"
check test "$(grep -c 'nothing written' "$work/own-none.err")" -eq 0
check python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert r["partial"] and r["given"]["matched"] > 0, r["given"]' \
    "$work/own-none/run.json"
# No simulation matches before the signal (four results of about 1% each, together far rarer):
# nothing is written, and it is said once, by rank 0, not once per rank.
interrupt_after_start 3 "$work/none-yet.err" timeout 300 mpirun --oversubscribe -np 3 \
    "$scrutin" run "$mali/scenario.yaml" -n 500 --given Kenieba=CNID --given Nioro=SADI \
    --given Mopti=CNID --given Kidal=BDIA --min-matches 1 --max-n 1000000000000 \
    --out "$work/none-yet" -q --no-progress
check test $? -eq 143
check test "$(grep -c '^scrutin run: interrupted before any simulation was completed; nothing written$' "$work/none-yet.err")" -eq 1
check test "$(grep -c 'nothing written' "$work/none-yet.err")" -eq 1
check test ! -e "$work/none-yet"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
