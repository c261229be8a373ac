#!/usr/bin/env bash
# Every example in the documentation runs: the shell blocks of README.md and docs/*.md, by the
# convention of docs/testing.md ("Examples in the documentation"):
#   - a fenced block tagged exactly `sh` (```sh) is an example, run as one bash script with
#     `set -e`, from the top of a scratch copy of the source tree (one copy per Markdown file,
#     its blocks run in order, so that a later block can use what an earlier one wrote);
#   - `build/scrutin` and `scrutin` are the scrutin under test;
#   - a number of simulations above 2000 (-n N, --simulations N) is lowered to 2000, to keep
#     the test quick: the numbers an example prints are not checked, only that it runs;
#   - a block right after a line `<!-- docs-test: skip -->` (a reason may follow "skip") is not
#     run (set-up that installs packages, or a long job); the test counts it;
#   - any other block (```, ```console, ```yaml, ```c ...) is shown, not run.
# A block must exit 0 within 5 minutes.
#
#   bash tests/cli/test_docs_examples.sh SCRUTIN SOURCE_DIR [FILE.md...]
set -u
scrutin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -gt 0 ]; then files=("$@")
else files=("$src/README.md" "$src"/docs/*.md); fi

# The blocks of one Markdown file, as bash scripts $work/blocks/N.sh, each with its line number
# in $work/blocks/N.line; skipped blocks are counted in $work/blocks/skipped.
extract() {
    rm -rf "$work/blocks"
    mkdir -p "$work/blocks"
    python3 - "$1" "$work/blocks" <<'EOF'
import re, sys
path, out = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
fence_open = re.compile(r"^(\s*)```sh\s*$")
skip_marker = re.compile(r"^\s*<!--\s*docs-test:\s*skip\b.*-->\s*$")
# -n N, --simulations N or --simulations=N with N above the cap (digits, maybe with _ or ,).
simulations = re.compile(r"(?<![\w-])(-n|--simulations)(\s+|=)(\d[\d_,]*)")
CAP = 2000

def cap(match):
    n = int(match.group(3).replace("_", "").replace(",", ""))
    return match.group(1) + match.group(2) + str(min(n, CAP))

count = skipped = 0
i = 0
while i < len(lines):
    m = fence_open.match(lines[i])
    if not m:
        i += 1
        continue
    indent, start = m.group(1), i + 1
    body = []
    i += 1
    while i < len(lines) and lines[i].strip() != "```":
        body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
        i += 1
    i += 1
    previous = next((lines[k] for k in range(start - 2, -1, -1) if lines[k].strip()), "")
    if skip_marker.match(previous):
        skipped += 1
        continue
    count += 1
    with open(f"{out}/{count}.sh", "w", encoding="utf-8") as f:
        f.write("set -e\n" + "\n".join(simulations.sub(cap, line) for line in body) + "\n")
    with open(f"{out}/{count}.line", "w") as f:
        f.write(str(start))
with open(f"{out}/skipped", "w") as f:
    f.write(str(skipped))
EOF
}

# A scratch copy of the source tree: what the examples read (scenarios, docs, scripts, tests'
# data), without build folders or results, and build/scrutin the scrutin under test.
scratch() {
    local dir=$1
    mkdir -p "$dir"
    (cd "$src" && tar -c --exclude='./build*' --exclude=./results --exclude=./.git \
        --exclude='./*/build*' .) | tar -x -C "$dir"
    mkdir -p "$dir/build" "$work/bin"
    ln -sf "$scrutin" "$dir/build/scrutin"
    ln -sf "$scrutin" "$work/bin/scrutin"
}

passed=0; failed=0; skipped=0
for md in "${files[@]}"; do
    [ -f "$md" ] || continue
    rel=${md#"$src"/}
    extract "$md"
    skipped=$((skipped + $(cat "$work/blocks/skipped")))
    n=$(find "$work/blocks" -name '*.sh' | wc -l)
    [ "$n" -gt 0 ] || continue
    rm -rf "$work/tree"
    scratch "$work/tree"
    for ((b = 1; b <= n; b++)); do
        line=$(cat "$work/blocks/$b.line")
        if (cd "$work/tree" && PATH="$work/bin:$PATH" timeout 300 bash "$work/blocks/$b.sh") \
            >"$work/out" 2>&1 </dev/null; then
            echo "ok   $rel:$line"
            passed=$((passed + 1))
        else
            status=$?
            echo "FAIL $rel:$line: the example exits $status; it ran:"
            sed 's/^/    | /' "$work/blocks/$b.sh" | tail -n +2
            echo "    and printed (last 15 lines):"
            tail -15 "$work/out" | sed 's/^/    > /'
            failed=$((failed + 1))
        fi
    done
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
