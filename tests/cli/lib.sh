# lib.sh — helpers for command-line tests. Source it; $REDLINE is the binary under test.
# Each check prints "ok NAME" or "FAIL NAME: reason", as the unit tests do.
: "${REDLINE:?REDLINE must point at the redline binary}"
SHARED=${REDLINE_SHARED:-../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/redline-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok()   { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "skip $1: $2"; }

# expect NAME COND-COMMAND... : ok if the command succeeds
expect() { name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else fail "$name" "$*"; fi; }
# expect_contains NAME FILE STRING
expect_contains() { if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1" "'$3' not in $2: $(head -c 300 "$2")"; fi; }
expect_not_contains() { if grep -qF -- "$3" "$2"; then fail "$1" "'$3' found in $2"; else ok "$1"; fi; }
have_shared() { [ -d "$SHARED" ]; }
