# pg_server.sh — start and stop a throw-away PostgreSQL server for tests. Source it, then
#   pg_start DIR   → sets PG_CONNINFO (unix socket in DIR, a free loopback port), returns 1
#                    when no PostgreSQL server binaries are installed
#   pg_stop DIR
# initdb refuses to run as root, so as root the server runs as the 'postgres' user.
pg_bindir() {
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

pg_as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    dir=$1
    bin=$(pg_bindir) || return 1
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then return 1; fi
    mkdir -p "$dir/pg"
    chmod 777 "$dir" "$dir/pg"
    # A free port: ask the kernel for one.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    pg_as "$bin/initdb" -D "$dir/pg/data" -A trust -U redline >"$dir/pg/initdb.log" 2>&1 || return 2
    pg_as "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
        -o "-k $dir/pg -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1 || return 2
    pg_as "$bin/createdb" -h "$dir/pg" -p "$port" -U redline events >/dev/null 2>&1 || return 2
    PG_CONNINFO="host=$dir/pg port=$port user=redline dbname=events"
    PG_PSQL="$bin/../../../../bin/psql"
    command -v psql >/dev/null 2>&1 && PG_PSQL=psql
    export PG_CONNINFO PG_PSQL
    return 0
}

pg_stop() {
    bin=$(pg_bindir) || return 0
    [ -d "$1/pg/data" ] && pg_as "$bin/pg_ctl" -D "$1/pg/data" -m immediate stop >/dev/null 2>&1
    return 0
}
