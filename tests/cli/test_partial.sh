#!/usr/bin/env bash
# Partial results (issue #16, docs/model.md "Votes of lists not described"): other_votes count
# in the valid votes of round 1 and never take a seat; the warning names exactly the districts
# where the data cannot show who reaches round 2; winner_r2 is replayed, and run says how often
# it agrees.
set -u
scrutin=$1
src=$2
data=$(cd "$src" && pwd)/tests/data/partial
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
check() { # DESCRIPTION COMMAND...: the command succeeds
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}

# Replay: in P1, A holds 55% of the described votes but 45% of all the valid votes: no round-1
# majority, so A wins only in round 2 (its published winner_r2); A's round-1 seats are P2's and
# P5's. Counted on the described votes alone, A would take P1 in round 1 (3 seats).
"$scrutin" replay "$data/scenario.yaml" --format csv >"$work/replay.csv" 2>"$work/replay.err"
check "replay exits 0" [ $? -eq 0 ]
check "A wins 2 seats in round 1 (not P1's)" grep -qx 'round1,party,A,2' "$work/replay.csv"
check "the published winners take P1 (A) and P4 (C)" \
    grep -qx 'provisional,party,C,1' "$work/replay.csv"
check "the lists not described take no seat" grep -qx 'final,party,O,0' "$work/replay.csv"

# A strike of round-1 votes that sends P5 to a round 2 without a result: P5 is named as unknown.
"$scrutin" replay "$data/scenario-struck.yaml" --partial --format csv >"$work/struck.csv" \
    2>"$work/struck.err"
check "replay --partial of a strike into an unknown round 2 exits 0" [ $? -eq 0 ]
check "the struck district is named as left unfilled" \
    grep -q '1 district (1 seats) reach round 2 without a round-2 result, left unfilled: P5$' \
    "$work/struck.err"

# The control: the same district without other_votes (and its valid votes without them) is
# decided in round 1, so the test above can fail.
mkdir -p "$work/control" && cp "$data"/{scenario.yaml,lists.csv} "$work/control/"
sed 's/^P1,\(.*\),North,1,20000,10200,200,1818,A,/P1,\1,North,1,20000,8382,200,,,/' \
    "$data/districts.csv" >"$work/control/districts.csv"
"$scrutin" replay "$work/control/scenario.yaml" --format csv >"$work/control.csv" 2>&1
check "control: without other_votes A takes P1 in round 1" \
    grep -qx 'round1,party,A,3' "$work/control.csv"

# The simulation with every spread at 0 is the observed election: P1 always goes to round 2,
# P2 never.
cat >"$work/still.yaml" <<YAML
base: $data/scenario.yaml
name: partial-still
model:
  sd_party: 0
  sd_coalition: 0
  sd_region: 0
  sd_list: 0
  sd_independent: 0
  turnout: {sd_national: 0, sd_region: 0, sd_district: 0}
YAML
"$scrutin" run "$work/still.yaml" -n 200 -q --no-progress --out "$work/still" 2>"$work/still.err"
check "run with no spread exits 0" [ $? -eq 0 ]
check "P1 never decided in round 1" grep -q '^P1,North,1,0,' "$work/still/districts.csv"
check "P2 always decided in round 1" grep -q '^P2,North,1,1,' "$work/still/districts.csv"

# The warning: none for the scenario (P1's others are below its second list; P4 has a
# published winner; P5 a round-1 majority of all the valid votes) ...
"$scrutin" validate "$data/scenario.yaml" >/dev/null 2>"$work/valid.err"
check "validate exits 0" [ $? -eq 0 ]
check "no warning without a doubtful district" [ ! -s "$work/valid.err" ]
"$scrutin" run "$data/scenario.yaml" -n 200 -q --no-progress --out "$work/plain" 2>"$work/plain.err"
check "run: no warning without a doubtful district" [ -z "$(grep warning "$work/plain.err")" ]
check "run.json: no doubtful district" python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["partial_results"]
assert p["other_votes_doubt"] == [], p
w = {(r["district"], r["list"]): r for r in p["published_winners_r2"]}
assert set(w) == {("P1", "A"), ("P4", "C")}, w
assert all(0 <= r["p_agree"] <= 1 and r["p_agree_se"] >= 0 for r in w.values()), w
' "$work/plain/run.json"
check "run notes the agreement with each published winner" \
    grep -q 'district P4: the published round-2 winner C wins in [0-9.]*% of the simulations' \
    "$work/plain.err"

# ... and one naming P3 alone where P3 is added (its others above its second list, no round 2).
"$scrutin" validate "$data/whatif-doubt.yaml" >/dev/null 2>"$work/doubt.err"
check "validate with a doubtful district exits 0" [ $? -eq 0 ]
check "validate warns, naming P3 alone" grep -qE \
    'warning: .*whatif-doubt.yaml: in 1 district .*other_votes.*described\"\): P3$' "$work/doubt.err"
"$scrutin" run "$data/whatif-doubt.yaml" -n 200 -q --no-progress --out "$work/doubt" \
    2>"$work/doubt-run.err"
check "run warns, naming P3 alone" grep -qE 'scrutin run: warning: .*: P3$' "$work/doubt-run.err"
check "run.json names P3 alone" python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["partial_results"]
assert p["other_votes_doubt"] == ["P3"], p
' "$work/doubt/run.json"

# A published winner that the replay does not send to round 2 is refused, with its line.
mkdir -p "$work/bad" && cp "$data"/{scenario.yaml,lists.csv} "$work/bad/"
sed 's/^P5,\(.*\),3000,,/P5,\1,3000,C,/' "$data/districts.csv" >"$work/bad/districts.csv"
"$scrutin" replay "$work/bad/scenario.yaml" >/dev/null 2>"$work/bad.err"
check "replay refuses a winner_r2 of a district decided in round 1" [ $? -eq 2 ]
check "it names the district's line" grep -q 'districts.csv:5: winner_r2: district "P5"' "$work/bad.err"
# winner_r2 and round-2 votes together are refused, as are unknown lists.
sed 's/^P4,\(.*\),3500,C,/P4,\1,3500,c,/' "$data/districts.csv" >"$work/bad/districts.csv"
"$scrutin" validate "$work/bad/scenario.yaml" >/dev/null 2>"$work/bad.err"
check "an unknown winner_r2 is refused, with a suggestion" \
    grep -q 'districts.csv:4: winner_r2: district "P4" has no list "c" in .*: did you mean "C"?' \
    "$work/bad.err"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
