#!/usr/bin/env bash
# The PostgreSQL server the tests and benchmarks use: Debian's server binaries, a throw-away cluster.
#   postgres.sh install      install Debian's postgresql when initdb/pg_ctl are missing (needs root)
#   postgres.sh start DIR    initdb a cluster under DIR (created; must not exist or be empty) as an
#                            unprivileged user, start it on a free 127.0.0.1 port with its unix socket
#                            in DIR, create database "barge", print the Npgsql connection string
#   postgres.sh stop DIR     stop that server and remove DIR (rm never follows symlinks)
# PostgreSQL refuses to run as root: as root, the cluster belongs to the system user barge-pg
# (created when absent). Durability is switched off (fsync, synchronous_commit): test data only.
set -euo pipefail

pg_user=barge-pg

bindir() {
  # Debian keeps the server binaries per major version; take the newest. /usr/local/bin may hold
  # links to them (or another build), which is used only when Debian's are absent.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

install() {
  bindir >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "postgres.sh: PostgreSQL server binaries (initdb, pg_ctl) are missing and not root to install them" >&2
    return 1
  fi
  echo "postgres.sh: installing postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # The package may start a system cluster on :5432; the tests do not use it.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for cluster in /etc/postgresql/*/main; do
      [ -d "$cluster" ] || continue
      pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop 2>/dev/null || true
    done
  fi
  bindir >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Runs a server binary as the cluster's owner (argument list, no shell).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$pg_user" -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=${1:?usage: postgres.sh start DIR}
  local bin
  bin=$(bindir) || { echo "postgres.sh: PostgreSQL server binaries not found; run postgres.sh install" >&2; return 1; }
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "postgres.sh: $dir is not empty" >&2
    return 1
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id -u "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
    chown "$pg_user": "$dir"
    chmod 0700 "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U barge --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { echo "postgres.sh: initdb failed; see $dir/initdb.log" >&2; cat "$dir/initdb.log" >&2; return 1; }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # Another process may take the port between free_port and the bind: retry on a new one.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -s \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
      start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U barge barge
      echo "Host=127.0.0.1;Port=$port;Username=barge;Database=barge"
      return 0
    fi
    echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
  done
  echo "postgres.sh: PostgreSQL did not start; see $dir/server.log" >&2
  cat "$dir/server.log" >&2 || true
  return 1
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  local bin
  if [ -f "$dir/data/postmaster.pid" ] && bin=$(bindir); then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 -s stop >/dev/null 2>&1 || true
  fi
  # rm -r removes symbolic links, never what they point at.
  rm -rf -- "$dir"
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: postgres.sh install | start DIR | stop DIR" >&2; exit 2 ;;
esac
