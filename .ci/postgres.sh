#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the persistence tests, from Debian's postgresql package.
#
#   source .ci/postgres.sh; pg_start; ...; pg_stop
#
# pg_start installs the package when it is missing (as root), runs initdb into a temporary folder (as the postgres
# user when run as root: initdb refuses root), starts the server on 127.0.0.1 at a free random port with its
# socket in that folder, creates the database and user interview_loop, and exports PG_JDBC_URL, PG_USER and
# PG_PASSWORD. pg_stop stops the server and deletes the folder.

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found between 20000 and 60000" >&2
  return 1
}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing PostgreSQL from Debian"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is not installed: run 'apt-get install postgresql' as root" >&2
      return 1
    fi
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/interview-loop-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  PG_PORT=$(pg_free_port)
  PG_USER=interview_loop
  PG_PASSWORD="pw-$RANDOM$RANDOM"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE USER $PG_USER PASSWORD '$PG_PASSWORD'" -c "CREATE DATABASE interview_loop OWNER $PG_USER" >/dev/null
  PG_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/interview_loop"
  export PG_BIN PG_DIR PG_PORT PG_USER PG_PASSWORD PG_JDBC_URL
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
