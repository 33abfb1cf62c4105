#!/bin/sh
# Installs, best effort, the Debian packages that some tests use but the build does not:
# a PostgreSQL server (store tests), Chromium (report screenshot), GNU parallel (shards),
# curl (service tests). Tests skip with a message where these are missing, so a failure
# here is reported and not fatal.
PKGS="postgresql chromium parallel curl"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "redline: tests that need$missing will skip (not root, not installing)" >&2
    exit 0
fi
echo "redline: installing test packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; } ||
    echo "redline: could not install$missing; those tests will skip" >&2
exit 0
