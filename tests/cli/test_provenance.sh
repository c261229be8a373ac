#!/usr/bin/env bash
# Results that say how they were made (docs/cli.md, "run.json"): every parameter in effect after
# inheritance and defaults, outside `execution`; the command line inside it; the run repeated
# from its command line gives the same files; compare.json and sweep.json record the same.
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }
small=$src/tests/data/small/scenario.yaml
override=$src/tests/data/whatif/override.yaml

cd "$work"
"$scrutin" run "$override" -n 300 --seed 5 -q --threads 2 --out first || fail "run: exit $?"
check() { # NAME PYTHON-EXPRESSION over r (run.json)
    if python3 -c "import json,sys; r=json.load(open('first/run.json')); sys.exit(0 if ($2) else 1)"
    then pass; else fail "$1"; fi
}
p="r['parameters']"
check "the what-if's own sd_list" "$p['model']['sd_list'] == 0.4"
check "the base's defaults, resolved" "$p['model']['sd_party'] == 0.15 and $p['model']['turnout']['sd_national'] == 0.1"
check "the court's model" "$p['court']['model']['enabled'] is False and 'party' in $p['court']['model']['reject']"
check "the systems" "[s['system'] for s in $p['systems']] == ['two-round-list'] and $p['majority'] == r['assembly']['majority']"
check "the runoff, per coalition" "set($p['model']['runoff']['affinity']) == set($p['model']['runoff']['abstention_by_coalition'])"
check "seed, N, hash, version" "r['seed'] == 5 and r['simulations']['requested'] == 300 and len(r['scenario']['hash']) == 32 and r['scrutin_version']"
check "the command line under execution" "r['execution']['command_line'] == 'scrutin run $override -n 300 --seed 5 -q --threads 2 --out first'"
check "simd under execution" "'simd' in r['execution'] and 'simd' not in r"

# Repeated from its command line (another folder, another thread count): the same files.
cmd=$(python3 -c "import json; print(json.load(open('first/run.json'))['execution']['command_line'])")
eval "\"$scrutin\" ${cmd#scrutin } --threads 1 --out again" || fail "the recorded command: exit $?"
for f in seats_distribution.csv seats_summary.csv districts.csv district_lists.csv; do
    cmp -s "first/$f" "again/$f" && pass || fail "$f differs when the run is repeated from run.json"
done
if python3 - first/run.json again/run.json <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for d in (a, b):
    d.pop("execution")
sys.exit(a != b)
PY
then pass; else fail "run.json differs outside execution when repeated"; fi

# Why a list does not run, kept apart: court.rejected_lists holds only the court's rejections; the
# lists a what-if merged into a joint list or withdrew are under changes (the base's court
# rejected ind-d3 of D3; merge.yaml merges A and C of D2 into A-C; withdraw.yaml withdraws ind).
"$scrutin" run "$src/tests/data/whatif/merge.yaml" -n 50 -q --out merged || fail "merge: exit $?"
"$scrutin" run "$src/tests/data/whatif/withdraw.yaml" -n 50 -q --out withdrawn || fail "withdraw: exit $?"
python3 -c "
import json
p = json.load(open('merged/run.json'))['parameters']
court = [(r['district'], r['list']) for r in p['court']['rejected_lists']]
assert court == [('D3', 'ind-d3')], court
assert p['changes']['lists_merged'] == [{'district': 'D2', 'into': 'A-C', 'from': ['A', 'C']}], p['changes']
assert p['changes']['lists_withdrawn'] == [], p['changes']
p = json.load(open('withdrawn/run.json'))['parameters']
court = [(r['district'], r['list']) for r in p['court']['rejected_lists']]
assert court == [('D3', 'ind-d3')], court
assert p['changes'] == {'lists_withdrawn': [{'district': 'D2', 'list': 'ind'}], 'lists_merged': []}, p['changes']
" && pass || fail "merged and withdrawn lists apart from the court's rejections"

# compare.json: each scenario's parameters; sweep.json: the scenario's, and what was set.
"$scrutin" compare "$small" "$override" -n 100 -q --out cmp || fail "compare: exit $?"
python3 -c "
import json; c = json.load(open('cmp/compare.json'))
assert c['base']['parameters']['model']['sd_list'] == 0.25, c['base']['parameters']['model']
assert c['whatifs'][0]['parameters']['model']['sd_list'] == 0.4
assert c['execution']['command_line'].startswith('scrutin compare ')" && pass || fail "compare.json's parameters"
"$scrutin" sweep "$small" --set model.sd_party --from 0 --to 0.2 --steps 2 -n 50 -q --out sw || fail "sweep: exit $?"
python3 -c "
import json; s = json.load(open('sw/sweep.json'))
assert s['parameters']['model']['sd_party'] == 0.15 and s['set'] == 'model.sd_party'
assert s['execution']['command_line'].startswith('scrutin sweep ')" && pass || fail "sweep.json's parameters"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
