#!/bin/sh
# test_cli_basics.sh — version, help, unknown commands.
. "$(dirname "$0")/lib.sh"
"$REDLINE" --version >"$TMP/v" 2>&1 && expect_contains version "$TMP/v" "redline "
"$REDLINE" --help >"$TMP/h" 2>&1 && expect_contains help_lists_code "$TMP/h" "code"
if "$REDLINE" no-such-command 2>"$TMP/e"; then fail unknown_command_fails "exit 0"
else expect_contains unknown_command_message "$TMP/e" "unknown command"; fi
