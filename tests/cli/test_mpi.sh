#!/usr/bin/env bash
# Distributed runs: mpirun -np 1, 2 and 3 give CSV files byte-identical to a
# single process with the same seed, and to each other; an error on the ranks
# stops them all with one message and exit status 2, without hanging.
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

for scenario in tests/data/small/scenario.yaml scenarios/mali-2007/scenario.yaml; do
    name=$(basename "$(dirname "$scenario")")
    "$scrutin" run "$src/$scenario" -n 1500 --seed 9 --threads 2 --out "$work/$name-single" -q
    check test $? -eq 0
    for np in 1 2 3; do
        timeout 300 mpirun --oversubscribe -np $np "$scrutin" run "$src/$scenario" -n 1500 --seed 9 \
            --threads 1 --out "$work/$name-np$np" -q
        check test $? -eq 0
        for f in seats_distribution seats_summary districts district_lists; do
            check cmp -s "$work/$name-single/$f.csv" "$work/$name-np$np/$f.csv"
        done
        check grep -q "\"ranks\": $np" "$work/$name-np$np/run.json"
    done
done

# An error stops every rank with one message and exit status 2, and no hang.
timeout 120 mpirun --oversubscribe -np 3 "$scrutin" run "$work/missing.yaml" -n 10 -q 2>"$work/err"
check test $? -eq 2
check test "$(grep -c '^scrutin' "$work/err")" -eq 1
timeout 120 mpirun --oversubscribe -np 2 "$scrutin" run "$src/tests/data/small/scenario.yaml" -n 10 \
    --out /proc/no-such-folder -q 2>"$work/err"
check test $? -eq 2
check grep -q 'output folder' "$work/err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
