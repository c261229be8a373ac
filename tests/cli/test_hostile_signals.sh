#!/usr/bin/env bash
# Signals at any moment (docs/testing.md): SIGINT or SIGTERM sent to run at every moment of a short
# run, the write phase included: it exits 0 (done before the signal), 130/143 (stopped), never
# anything else; no temporary file is left; whenever run.json is there, every file its manifest
# lists is there too. Then the stop latency in the middle of a long run, as a hang check with a
# generous bound (not a speed check): the flag is read before every simulation.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/"
cd "$work" || exit 1

# A folder is consistent: no temporary file, and run.json's manifest names files that exist.
consistent() {
    local dir=$1 name=$2
    if find "$dir" -name '.*.tmp' 2>/dev/null | grep -q .; then fail "$name: temporary file left: $(find "$dir" -name '.*.tmp')"; return; fi
    if [ -f "$dir/run.json" ]; then
        python3 - "$dir" <<'PY' || { fail "$name: run.json names a missing file"; return; }
import json, os, sys
d = sys.argv[1]
doc = json.load(open(os.path.join(d, "run.json")))
names = [f["file"] for f in doc.get("manifest", [])]
missing = [n for n in names if not os.path.exists(os.path.join(d, n))]
sys.exit(1 if missing else 0)
PY
    fi
    ok
}

# --- Every moment of a short run, the write phase included --------------------------------
for sig in TERM INT; do
    if [ "$sig" = INT ]; then want=130; else want=143; fi
    for delay in 0 0.005 0.01 0.02 0.03 0.05 0.08 0.12 0.2 0.3; do
        dir="$work/out-$sig-$delay"
        # (The child shell drops the EXIT trap: a signal before its exec must not remove $work.)
        (trap - EXIT; exec "$scrutin" run scenario.yaml -n 3000 -t 1 -q --plots -o "$dir") >/dev/null 2>"$work/err" &
        pid=$!
        sleep "$delay"; kill -s "$sig" "$pid" 2>/dev/null
        sleep 0.01; kill -s "$sig" "$pid" 2>/dev/null # a second signal: deferred while writing
        wait "$pid"; rc=$?
        if [ "$rc" -ne 0 ] && [ "$rc" -ne "$want" ]; then
            fail "SIG$sig after ${delay}s: exit $rc (wanted 0 or $want): $(head -3 "$work/err"); $(ls -a "$dir" 2>&1 | head -3)"
        else ok; fi
        consistent "$dir" "SIG$sig after ${delay}s"
    done
done
# The same folder again after all that: a run into it works and leaves it whole.
"$scrutin" run scenario.yaml -n 200 -t 1 -q -o "$work/out-TERM-0.05" 2>"$work/err" && ok || fail "rerun: $(cat "$work/err")"
consistent "$work/out-TERM-0.05" rerun

# --- Stop latency in the middle of a long run ------------------------------------------------
for threads in 1 2; do
    (trap - EXIT; exec "$scrutin" run "$src/scenarios/mali-2007/scenario.yaml" -n 100000000 -t "$threads" -q -o "$work/long-$threads") >/dev/null 2>&1 &
    pid=$!
    sleep 2
    start=$(now_ms); kill -TERM "$pid"; wait "$pid"; rc=$?; ms=$(($(now_ms) - start))
    echo "stop latency, mali-2007, $threads thread(s): ${ms} ms from SIGTERM to exit (status $rc; writing the results included)"
    if [ "$rc" -eq 143 ] && [ "$ms" -lt 20000 ]; then ok; else fail "long run, $threads threads: exit $rc after ${ms} ms"; fi
    consistent "$work/long-$threads" "long run"
done

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
