#!/usr/bin/env bash
# The journal in PostgreSQL against the file journal: appends, how soon another console sees a
# change, replay. Starts a private cluster (initdb in a temporary directory, its own port on
# 127.0.0.1, as the postgres user when run as root), runs `unmn-bench --postgres`, stops it.
#   bash bench/postgres.sh [EVENTS]   (default 10000; the journal is synthetic, built by unmn-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
EVENTS="${1:-10000}"

if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

swift build -c release --product unmn-bench >/dev/null

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$WORK"
stop() {
  as_server "$BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT
as_server "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
# fsync stays on: appends are measured as a server would make them durable.
as_server "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null

.build/release/unmn-bench --postgres "postgres://postgres@127.0.0.1:$PORT/postgres?network=bench" --events "$EVENTS"
