#!/usr/bin/env bash
# The data of scenarios/mali-2007 (docs/mali-2007.md): the committed files are exactly what
# scripts/reconstruct-mali-2007.py writes, scripts/check-mali-2007.py finds every published
# figure and fact in them, and a file that breaks one fact makes the check fail, naming it.
# Exits 77 (skipped) where python3 is missing. scrutin itself is not run here: the replay of
# the same files is tests/unit/test_mali_replay.c.
#   bash tests/cli/test_mali_data.sh SCRUTIN SOURCE_DIR
set -u
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is not installed, so the Mali 2007 data cannot be checked"
    exit 77
fi
mali=$src/scenarios/mali-2007

# 1. The generator is deterministic and the committed files are its output.
if python3 "$src/scripts/reconstruct-mali-2007.py" "$work/gen" >"$work/gen.out" 2>&1; then pass
else fail "reconstruct-mali-2007.py failed:"; sed 's/^/    /' "$work/gen.out"; fi
for f in scenario.yaml districts.csv lists.csv; do
    if cmp -s "$work/gen/$f" "$mali/$f"; then pass
    else fail "scenarios/mali-2007/$f is not what scripts/reconstruct-mali-2007.py writes (run it)"; fi
done

# 2. The committed files pass the check, with PyYAML and with the checker's own YAML reader.
if python3 "$src/scripts/check-mali-2007.py" "$mali" >"$work/check.out" 2>&1 &&
    tail -1 "$work/check.out" | grep -q '^OK:'; then pass
else fail "check-mali-2007.py does not pass:"; tail -30 "$work/check.out" | sed 's/^/    /'; fi
if python3 -c 'import runpy, sys; sys.modules["yaml"] = None; sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")' \
    "$src/scripts/check-mali-2007.py" "$mali" >"$work/check-builtin.out" 2>&1 &&
    grep -q 'read with built-in parser' "$work/check-builtin.out" &&
    tail -1 "$work/check-builtin.out" | grep -q '^OK:'; then pass
else fail "check-mali-2007.py without PyYAML does not pass:"; tail -30 "$work/check-builtin.out" | sed 's/^/    /'; fi

# 3. One wrong fact at a time, in a copy: the check exits 1 and names it.
#    perturb NAME EXPECTED-MESSAGE PYTHON-EDIT (the edit gets `rows`, the rows of lists.csv)
perturb() {
    local name=$1 want=$2 edit=$3
    rm -rf "${work:?}/$name"
    cp -r "$mali" "$work/$name"
    python3 - "$work/$name/lists.csv" "$edit" <<'EOF'
import csv, sys
path, edit = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    fields, rows = reader.fieldnames, list(reader)
def row(d, l):
    return next(r for r in rows if r["district"] == d and r["list"] == l)
exec(edit)
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
EOF
    python3 "$src/scripts/check-mali-2007.py" "$work/$name" >"$work/$name.out" 2>&1
    local rc=$?
    if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$work/$name.out"; then pass
    else fail "$name: check-mali-2007.py exited $rc, expected 1 with '$want':"; tail -15 "$work/$name.out" | sed 's/^/    /'; fi
}
# Sikasso's final split was 5 URD, 1 MPR, 1 MIRIA: give MIRIA a second seat.
perturb sikasso-split "Sikasso: final round-2 winner" \
    'r = row("Sikasso", "URD-MPR-MIRIA"); c = r["candidates"].split(";"); c[2] = "MIRIA"; r["candidates"] = ";".join(c)'
# Kati had no party list: make its MCRM-RDT list an MCRM list.
perturb kati-party "Kati: lists by kind" \
    'r = row("Kati", "MCRM-RDT"); r["kind"] = "party"; r["candidates"] = ";".join(["MCRM"] * 7)'
# Bougouni's winner was BARICA-ADEMA-MPR: drop MPR from it.
perturb bougouni-mpr "Bougouni: final round-2 winner" \
    'r = row("Bougouni", "BARICA-ADEMA-MPR"); r["candidates"] = "BARICA;ADEMA;BARICA;ADEMA"'
# Kidal's round-2 winner was ADEMA: let the independent list win (the seat tables break too).
perturb kidal-winner "Kidal: provisional round-2 winner" \
    'a, b = row("Kidal", "ADEMA"), row("Kidal", "IND-1"); a["votes_r2"], b["votes_r2"] = b["votes_r2"], a["votes_r2"]'
# Nara's URD-BDIA list was invalidated on 28 May: put URD on one of Nara's lists.
perturb nara-urd "a list invalidated on 28 May cannot be on the ballot" \
    'r = next(r for r in rows if r["district"] == "Nara" and r["kind"] == "party" and r["list"] not in ("ADEMA", "RPM"))
r["candidates"] = "URD;URD;URD"; r["list"] = "URD"'

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
