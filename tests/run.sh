#!/bin/sh
# run.sh BUILD_DIR... — runs the unit-test binaries and command-line tests against each
# build directory and ends with the line "N passed, N failed".
# A build directory whose name contains "asan" marks a sanitizer build: tests may check
# $REDLINE_SANITIZED to skip measurements that are meaningless there (never assertions).
cd "$(dirname "$0")/.." || exit 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for build in "$@"; do
    case "$build" in *asan*) export REDLINE_SANITIZED=1 ;; *) unset REDLINE_SANITIZED ;; esac
    export REDLINE="$PWD/$build/redline"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    echo "== $build =="
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        name=$(basename "$t")
        if ! "$t" >"$out" 2>&1; then
            grep -q '^FAIL' "$out" || echo "FAIL $name: exited with status $? without a FAIL line" >>"$out"
        fi
        sed "s/^/[$name] /" "$out"
    done
    for t in tests/cli/test_*.sh; do
        [ -f "$t" ] || continue
        name=$(basename "$t" .sh)
        sh "$t" >"$out" 2>&1 || { grep -q '^FAIL' "$out" || echo "FAIL $name: script exited non-zero" >>"$out"; }
        sed "s/^/[$name] /" "$out"
    done
done | tee "$out.all"
passed=$(grep -c '^\[[^]]*\] ok ' "$out.all")
failed=$(grep -c '^\[[^]]*\] FAIL' "$out.all")
skipped=$(grep -c '^\[[^]]*\] skip ' "$out.all")
rm -f "$out.all"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
