#!/usr/bin/env bash
# The command line's conventions, for every command that scrutin --help lists: COMMAND --help
# prints a usage on standard output and exits 0; a bad option exits 2 with a hint on standard
# error; --version and --help exit 0; no command, or an unknown one, exits 2. And the man page
# names every command.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { passed=$((passed + 1)); }

expect() { # expect STATUS STREAM(out|err|none) PATTERN -- command...
    local want=$1 stream=$2 pattern=$3
    shift 4
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then fail "'$*': exit $got, wanted $want"; return; fi
    if [ "$stream" != none ] && ! grep -Eq -- "$pattern" "$work/$stream"; then
        fail "'$*': no /$pattern/ on standard $stream"; return
    fi
    pass
}

expect 0 out '^Usage: scrutin COMMAND' -- "$scrutin" --help
expect 0 out '^Usage: scrutin COMMAND' -- "$scrutin" -h
# --version: "scrutin X.Y.Z", and in a build with -DSCRUTIN_WITH_MPI=ON "scrutin X.Y.Z (MPI)"
# (docs/distributed.md; test_mpi.sh runs only where it sees the suffix). ctest says which build
# this is (SCRUTIN_TEST_MPI=1 or 0), so the suffix must be there exactly when it should; run by
# hand without SCRUTIN_TEST_MPI, either of the two forms is accepted.
case ${SCRUTIN_TEST_MPI-} in
    1) version='^scrutin [0-9]+\.[0-9]+\.[0-9]+ \(MPI\)$' ;;
    0) version='^scrutin [0-9]+\.[0-9]+\.[0-9]+$' ;;
    *) version='^scrutin [0-9]+\.[0-9]+\.[0-9]+( \(MPI\))?$' ;;
esac
expect 0 out "$version" -- "$scrutin" --version
expect 0 out "$version" -- "$scrutin" -V
expect 2 err 'Usage: scrutin' -- "$scrutin"
expect 2 err "unknown command \"frobnicate\".*|Try 'scrutin --help'" -- "$scrutin" frobnicate

# The commands, from the help's "Commands:" section: "  NAME   what it does".
commands=$("$scrutin" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
[ -n "$commands" ] && pass || fail "scrutin --help lists no command"
for c in $commands; do
    expect 0 out "^Usage: scrutin $c" -- "$scrutin" "$c" --help
    expect 0 out "^Usage: scrutin $c" -- "$scrutin" "$c" -h
    expect 2 err "Try 'scrutin $c --help'" -- "$scrutin" "$c" --no-such-option
    # The man page documents it (its source: the page itself is checked by test_man_page).
    if grep -q "^\*\*$c\*\*" "$src/docs/scrutin.1.md"; then pass
    else fail "docs/scrutin.1.md does not document 'scrutin $c'"; fi
    if grep -q "scrutin $c" "$src/docs/cli.md"; then pass
    else fail "docs/cli.md does not document 'scrutin $c'"; fi
done

# Output that cannot be written is a failure (exit 1, said on standard error), even when it is
# small enough to sit in the buffer until the program ends.
if [ -w /dev/full ]; then
    for args in "--version" "replay $src/tests/data/small/scenario.yaml --format csv" \
                "validate $src/tests/data/small/scenario.yaml"; do
        # shellcheck disable=SC2086
        "$scrutin" $args >/dev/full 2>"$work/err"
        got=$?
        if [ "$got" -eq 1 ] && grep -q "standard output cannot be written" "$work/err"; then pass
        else fail "'scrutin $args > /dev/full': exit $got, wanted 1"; fi
    done
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
