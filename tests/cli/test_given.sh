#!/usr/bin/env bash
# scrutin run --given of a result no simulation can meet (docs/cli.md, "Election night"): refused
# before any simulation (exit 2, no output folder), naming the result, the district and why, with
# what to give instead, instead of simulating up to --max-n and advising to simulate more. A
# possible result, however rare, is still simulated.
set -u
scrutin=$1
src=$2
small=$src/tests/data/small/scenario.yaml
whatif=$src/tests/data/whatif
mali=$src/scenarios/mali-2007/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

# Under --min-matches with a --max-n of a million: a run that simulated before refusing would
# say "none of the 1000000 simulations" (or reach them), not the reason looked for.
impossible() {
    local what=$1 pattern=$2; shift 2
    rm -rf "$work/out"
    "$scrutin" run "$@" --min-matches 5 --max-n 1000000 -q --no-progress --out "$work/out" \
        >"$work/stdout" 2>"$work/err"
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -q -- "$pattern" "$work/err" && [ ! -e "$work/out" ] &&
        ! grep -q "simulations matches" "$work/err"; then pass
    else fail "$what: exit $rc"; cat "$work/err"; fi
}

# A list that does not run: the court rejected it before the vote (in the data), or a what-if
# withdrew it or merged it into a joint list, whose id the message gives.
impossible "court-rejected list" \
    '"D3=ind-d3": list "ind-d3" of district "D3" was rejected by the court before the vote (court.rejected_lists), so it wins in no simulation: give a list that runs there (B, C, ind)' \
    "$small" -n 500 --given D3=ind-d3
impossible "court-rejected list, provisional" 'provisional:D3=ind-d3": list "ind-d3" of district "D3" was rejected' \
    "$small" -n 500 --given provisional:D3=ind-d3
impossible "withdrawn list" '"D2=ind": list "ind" of district "D2" was withdrawn by the what-if (withdraw_lists)' \
    "$whatif/withdraw.yaml" -n 500 --given D2=ind
impossible "merged list" 'list "C" of district "D2" was merged into the joint list "A-C" by the what-if (merge_lists), so it wins in no simulation: give a list that runs there (A-C, ind)' \
    "$whatif/merge.yaml" -n 500 --given D2=C
# The first list merged gives its place (and index) to the joint list: its id is gone.
impossible "merged list's lost id" '"provisional:D2=A": list "A" of district "D2" was merged into the joint list "A-C" by the what-if (merge_lists): give provisional:D2=A-C' \
    "$whatif/merge.yaml" -n 500 --given provisional:D2=A

# A party or coalition without a candidate who can be elected on a list that runs there.
impossible "party without a list" '"D3:A": party "A" can win no seat in district "D3" (no list of the district has one of its candidates among the 1 a list can get elected there), so no simulation matches: give a party or coalition that can (parties B, C, IND; coalitions LEFT, RIGHT, IND)' \
    "$small" -n 500 --given D3:A
impossible "party whose list was withdrawn" '"D2:IND": party "IND" can win no seat in district "D2" (its list there, "ind", was withdrawn by the what-if (withdraw_lists))' \
    "$whatif/withdraw.yaml" -n 500 --given D2:IND
# The independents' coalition under an id of its own (IND is also the party's id, looked up first).
mkdir -p "$work/coal"
cp "$src/tests/data/small/districts.csv" "$src/tests/data/small/lists.csv" "$work/coal/"
sed -e 's/{id: IND, name: Independents}/{id: INDC, name: Independents}/' \
    -e 's/coalition: IND, independent/coalition: INDC, independent/' "$small" >"$work/coal/scenario.yaml"
impossible "coalition without a list" '"D1:INDC": coalition "INDC" can win no seat in district "D1"' \
    "$work/coal/scenario.yaml" -n 500 --given D3:B --given provisional:D2:C --given D1:INDC
# Party C runs in D2 only inside the joint list A-C: a seat there is possible (no refusal).
"$scrutin" run "$whatif/merge.yaml" -n 500 --given D2:C -q --no-progress --out "$work/joint" \
    2>"$work/err" && pass || { fail "a party's seat on a joint list refused"; cat "$work/err"; }

# A list of another district: its district is named, and the run it could have meant.
impossible "list of another district" '"D1=B": "B" is a list of district "D3", not of "D1": give D3=B, or one of the lists that run in "D1" (A-B, C) (for a seat won by the party or coalition, write D1:B)' \
    "$small" -n 500 --given D1=B

# Two winners of one district: at one stage, or at two without the random court (small has no
# court.model: its final winner is its provisional one). With the court, they can differ.
impossible "two winners, one stage" '"D1=A-B" and "D1=C": a district has one winner at a stage' \
    "$small" -n 500 --given D1=A-B --given D1=C
impossible "two winners without the court" '"D1=C" and "provisional:D1=A-B": without the random court (the scenario has no court.model) a district'"'"'s final winner is its provisional one' \
    "$small" -n 500 --given D1=C --given provisional:D1=A-B
# A district of one seat (D3): its winner's candidate holds it, so the winner B and a seat of C
# cannot both hold; B and a seat of its coalition LEFT can.
impossible "one seat, another party" '"D3=B" and "D3:C": district "D3" has one seat, which its winner takes, and the candidate of list "B" is not of party "C"' \
    "$small" -n 500 --given D3=B --given D3:C
impossible "one seat, without the court" '"provisional:D3=B" and "D3:RIGHT": district "D3" has one seat' \
    "$small" -n 500 --given provisional:D3=B --given D3:RIGHT
"$scrutin" run "$small" -n 500 --given D3=B --given D3:LEFT -q --no-progress --out "$work/one-seat" \
    2>"$work/err" && pass || { fail "a one-seat winner and its own coalition refused"; cat "$work/err"; }
"$scrutin" run "$mali" -n 200 --given provisional:Commune-I=ADEMA-CNID --given Commune-I=RPM \
    -q --no-progress --out "$work/court" 2>"$work/err"
! grep -q "can match both" "$work/err" && pass \
    || { fail "a provisional and another final winner refused with the court on"; cat "$work/err"; }

# A possible result, however rare, is simulated: D3=ind wins about 0.4% of simulations.
"$scrutin" run "$small" -n 2000 --given D3=ind -q --no-progress --out "$work/rare" 2>"$work/err" \
    && pass || { fail "a rare result refused"; cat "$work/err"; }

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
