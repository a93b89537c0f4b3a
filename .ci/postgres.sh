# Sourced by .ci/run: starts a throwaway PostgreSQL 15 server for the pg
# backend's tests and exports VPCPLAN_TEST_PG, its connection string. The
# server lives in a temporary directory (data and socket), listens on a
# free local port and is stopped, and the directory removed, on exit.
# initdb refuses to run as root, so as root the server runs as the
# unprivileged "postgres" user (created when missing).

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

start_test_postgres() {
  local bindir
  if ! bindir=$(pg_bindir); then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "PostgreSQL binaries missing: installing Debian's postgresql package"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null ||
        { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
    fi
    bindir=$(pg_bindir) || { echo "cannot find or install PostgreSQL" >&2; return 1; }
  fi
  PG_TMP=$(mktemp -d /tmp/vpcplan-pg.XXXXXX)
  chmod 0755 "$PG_TMP"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_TMP"
    as=(runuser -u postgres --)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000)))
  # Passwords are checked over TCP, so the tests can try a wrong one.
  echo postgres >"$PG_TMP/pwfile"
  chmod 0644 "$PG_TMP/pwfile"
  "${as[@]}" "$bindir/initdb" -D "$PG_TMP/data" -U postgres --pwfile="$PG_TMP/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 >"$PG_TMP/initdb.log" 2>&1 ||
    { cat "$PG_TMP/initdb.log" >&2; return 1; }
  PG_STOP=("${as[@]}" "$bindir/pg_ctl" -D "$PG_TMP/data" -m immediate stop)
  trap 'stop_test_postgres' EXIT
  "${as[@]}" "$bindir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$PG_TMP/server.log" >&2; return 1; }
  export VPCPLAN_TEST_PG="postgres://postgres:postgres@127.0.0.1:$port/postgres?sslmode=disable"
  # The tests fail instead of skipping when they cannot reach it.
  export VPCPLAN_REQUIRE_PG=1
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port"
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}
