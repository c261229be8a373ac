#!/usr/bin/env bash
# scrutin run --plots and --report: the plots drawn with gnuplot when it is on the PATH; when it
# is not, a message, exit status 0, and the data and scripts left to draw later; a gnuplot that
# fails is exit status 1; the report page embeds what was drawn and is the same for the same run.
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
scenario=$src/tests/data/small/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }
plots="coalition_seats party_seats district_outcomes"
have_gnuplot=0
command -v gnuplot >/dev/null 2>&1 && have_gnuplot=1

# A PATH with everything but gnuplot, as on a machine without it: a folder of links to every
# command of the PATH (the one the shell would run, the first of its name), gnuplot left out.
# Not only the tools the test uses: scrutin may start others (an MPI build run without mpirun
# has OpenMPI look for ssh or rsh on the PATH, and fail to start without them).
mkdir -p "$work/bin-nognuplot"
declare -A seen=([gnuplot]=1)
targets=()
IFS=: read -ra path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
    [[ $d == /* ]] && [ -d "$d" ] || continue
    for f in "$d"/*; do
        name=${f##*/}
        [ -z "${seen[$name]-}" ] && [ -f "$f" ] && [ -x "$f" ] || continue
        seen[$name]=1; targets+=("$f")
    done
done
printf '%s\0' "${targets[@]}" | xargs -0 ln -s -t "$work/bin-nognuplot" --
[ ! -e "$work/bin-nognuplot/gnuplot" ] || { echo "FAIL gnuplot left on the PATH"; exit 1; }

run() { # run NAME OPTIONS...: scrutin run on the small scenario into $work/NAME
    local name=$1; shift
    "$scrutin" run "$scenario" -n 2000 --seed 7 --no-progress --out "$work/$name" "$@" \
        >"$work/$name.out" 2>"$work/$name.err"
}

# 1. Without gnuplot: a message on standard error, exit 0, data and scripts ready.
PATH=$work/bin-nognuplot run nognuplot --plots
status=$?
if [ $status -eq 0 ]; then pass; else fail "--plots without gnuplot: exit $status"; fi
if grep -q "gnuplot was not found on the PATH" "$work/nognuplot.err" &&
   grep -q "gnuplot .*/plots/coalition_seats.gp" "$work/nognuplot.err"; then pass
else fail "--plots without gnuplot says nothing useful:"; sed 's/^/    /' "$work/nognuplot.err"; fi
for p in $plots; do
    if [ -s "$work/nognuplot/plots/$p.csv" ] && [ -s "$work/nognuplot/plots/$p.gp" ]; then pass
    else fail "no data or script for $p"; fi
    if [ ! -e "$work/nognuplot/plots/$p.svg" ]; then pass; else fail "$p.svg without gnuplot?"; fi
done
if ! grep -q "Plots drawn" "$work/nognuplot.out"; then pass; else fail "claims plots were drawn"; fi

if [ $have_gnuplot -eq 0 ]; then
    echo "gnuplot is not installed: the drawing checks are skipped"
else
    # The command printed draws them later, from another folder.
    (cd / && gnuplot "$work"/nognuplot/plots/*.gp) && pass || fail "the scripts do not draw later"
    for p in $plots; do
        [ -s "$work/nognuplot/plots/$p.svg" ] && [ -s "$work/nognuplot/plots/$p.png" ] && pass ||
            fail "gnuplot did not draw $p later"
    done

    # 2. With gnuplot: drawn at once, and said so.
    run drawn --plots
    status=$?
    [ $status -eq 0 ] && pass || fail "--plots: exit $status: $(cat "$work/drawn.err")"
    for p in $plots; do
        [ -s "$work/drawn/plots/$p.svg" ] && [ -s "$work/drawn/plots/$p.png" ] && pass ||
            fail "$p not drawn"
    done
    grep -q "^Plots drawn in .*/plots/" "$work/drawn.out" && pass || fail "no 'Plots drawn' line"
    [ ! -s "$work/drawn.err" ] && pass || fail "--plots wrote on standard error: $(cat "$work/drawn.err")"
    # The PNG is a PNG, the SVG an SVG.
    head -c 8 "$work/drawn/plots/coalition_seats.png" | od -An -c | grep -q 'P   N   G' && pass ||
        fail "coalition_seats.png is not a PNG"
    grep -q '<svg' "$work/drawn/plots/coalition_seats.svg" && pass || fail "coalition_seats.svg is not SVG"

    # 3. The report embeds the drawn plots, and is the same for the same run on 1 or 2 threads.
    run report1 --report --threads 1 && run report2 --report --threads 2
    status=$?
    [ $status -eq 0 ] && pass || fail "--report: exit $status"
    n=$(grep -o 'src="data:image/svg+xml;base64,' "$work/report1/report.html" | wc -l)
    [ "$n" -eq 3 ] && pass || fail "report.html embeds $n plots, not 3"
    cmp -s "$work/report1/report.html" "$work/report2/report.html" && pass ||
        fail "report.html differs between 1 and 2 threads"
    grep -q "^Report: .*/report.html" "$work/report1.out" && pass || fail "no 'Report:' line"

    # 4. A gnuplot that fails: exit status 1, and the way to draw them later.
    mkdir -p "$work/bin-badgnuplot"
    printf '#!/bin/sh\necho "gnuplot: broken" >&2\nexit 3\n' >"$work/bin-badgnuplot/gnuplot"
    chmod +x "$work/bin-badgnuplot/gnuplot"
    PATH=$work/bin-badgnuplot:$PATH run bad --plots
    status=$?
    [ $status -eq 1 ] && pass || fail "a failing gnuplot: exit $status, not 1"
    grep -q "gnuplot failed on .*coalition_seats.gp (exit status 3)" "$work/bad.err" && pass ||
        fail "a failing gnuplot is not reported: $(cat "$work/bad.err")"
    [ -s "$work/bad/run.json" ] && pass || fail "a failing gnuplot lost the tables"
fi

# 5. The report without gnuplot says how to draw the plots; no broken image.
PATH=$work/bin-nognuplot run noreport --report
status=$?
[ $status -eq 0 ] && pass || fail "--report without gnuplot: exit $status"
grep -q "has not been drawn" "$work/noreport/report.html" && pass || fail "report: no note on the plots"
! grep -q "<img" "$work/noreport/report.html" && pass || fail "report without gnuplot has an <img>"

# 6. --quiet: nothing on standard output, even with --plots.
PATH=$work/bin-nognuplot run quiet --plots -q
[ ! -s "$work/quiet.out" ] && pass || fail "--quiet --plots printed on standard output"
# --format csv: standard output stays CSV.
PATH=$work/bin-nognuplot run csv --plots --format csv
[ "$(head -1 "$work/csv.out")" = "stage,group_kind,group,mean,p05,p95,p_majority,p_majority_se,p_largest" ] &&
    ! grep -q "Plots\|Files" "$work/csv.out" && pass || fail "--format csv --plots: not CSV only"

# 7. A name is text to gnuplot, never a command: a backquote in a coalition's name (gnuplot runs
# `...` inside double quotes) is drawn as it is, and runs nothing.
if [ $have_gnuplot -eq 1 ]; then
    mkdir -p "$work/bq"
    cp "$src/tests/data/small/districts.csv" "$src/tests/data/small/lists.csv" "$work/bq/"
    sed 's|name: Left bloc|name: "Left `touch '"$work"'/ran` bloc"|' "$src/tests/data/small/scenario.yaml" \
        >"$work/bq/scenario.yaml"
    "$scrutin" run "$work/bq/scenario.yaml" -n 200 -q --plots --out "$work/bq-out" 2>"$work/bq.err"
    status=$?
    [ $status -eq 0 ] && pass || fail "a backquote in a name: exit $status: $(cat "$work/bq.err")"
    [ ! -e "$work/ran" ] && pass || fail "a backquote in a coalition's name ran a command in gnuplot"
    grep -q 'Left `touch' "$work/bq-out/plots/coalition_seats.svg" && pass ||
        fail "a backquote in a name is not drawn as it is"
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
