#!/bin/sh
# test_install.sh — `make install PREFIX=...` puts the binary, header, library, pkg-config
# file, man page and data in place, and a program built with `pkg-config --cflags --libs
# redline` codes a sentence with the installed data.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(dirname "$REDLINE")
if [ -n "${REDLINE_SANITIZED:-}" ]; then skip install "sanitizer build (checked in the optimised build)"; exit 0; fi
make -s -C "$root" install PREFIX="$TMP/inst" BUILD="${build#$root/}" >"$TMP/log" 2>&1 || { fail install "$(tail -5 "$TMP/log")"; exit 0; }
for f in bin/redline include/redline.h lib/libredline.a lib/pkgconfig/redline.pc \
         share/man/man1/redline.1 share/redline/dict/cameo.verbs.txt; do
    [ -f "$TMP/inst/$f" ] && ok "installed_$(basename "$f")" || fail "installed_$(basename "$f")" "missing $f"
done
ls "$TMP/inst/share/redline/models/"*.rlm >/dev/null 2>&1 && ok installed_models || fail installed_models "no models"
export PKG_CONFIG_PATH="$TMP/inst/lib/pkgconfig"
if cc -o "$TMP/use" "$root/tests/fixtures/install/use_library.c" $(pkg-config --cflags --libs redline) 2>"$TMP/cc"; then
    ok link_with_pkg_config
    REDLINE_DATA="$TMP/inst/share/redline" "$TMP/use" >"$TMP/out" 2>&1
    expect_contains library_codes_sentence "$TMP/out" "IRN 125 USA"
else
    fail link_with_pkg_config "$(head -5 "$TMP/cc")"
fi
MANWIDTH=80 man -l "$TMP/inst/share/man/man1/redline.1" >"$TMP/man" 2>/dev/null && expect_contains man_page_renders "$TMP/man" "redline" || skip man_page_renders "man is not installed"
