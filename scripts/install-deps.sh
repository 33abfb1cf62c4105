#!/bin/sh
# Installs the Debian packages redline needs to build and test, if any are missing.
# Called by the Makefile before building; does nothing when everything is present.
set -eu
PKGS="gcc clang make pkg-config libxml2-dev libutf8proc-dev zlib1g-dev libsqlite3-dev \
libjansson-dev libyajl-dev libmicrohttpd-dev libpq-dev python3 time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "redline: missing Debian packages:$missing" >&2
    echo "redline: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
echo "redline: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
