# Sourced by the PostgreSQL benchmarks: starts a throwaway PostgreSQL for the script that sources it and stops it when
# that script exits. initdb in a temporary folder (as the postgres user when run as root), default settings plus the
# server options given, superuser "bench" trusted on loopback, a free port. Sets bin, work, port and as; defines psql_.
# Usage: source bench/throwaway-postgres.sh [EXTRA_SERVER_OPTIONS]
bin=${SURGEWATCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL's programs not found: apt-get install postgresql, or set SURGEWATCH_PG_BIN" >&2; exit 1; }
work=$(mktemp -d /tmp/surgewatch-pgbench-XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres; id postgres >/dev/null 2>&1 || user=nobody
  chown "$user" "$work"; as=(runuser -u "$user" --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as[@]}" "$bin/initdb" -D "$work/data" -U bench --auth=trust --no-locale -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 ${1:-}" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U bench "$@"; }
