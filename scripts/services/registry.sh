#!/usr/bin/env bash
# The container registry the tests use: Debian's docker-registry (distribution 2.8) and htpasswd.
#   registry.sh install            install the packages when missing (needs root); no service is left running
#   registry.sh start DIR [PORT]   run an anonymous registry with storage under DIR on 127.0.0.1:PORT
#                                  (a free port when omitted); prints the address; pid in DIR/registry.pid
#   registry.sh stop DIR           stop the registry started with DIR
# The tests start their own registries (anonymous, htpasswd, token) on free ports; start/stop are
# for benchmarks and by-hand runs.
set -euo pipefail

binary=${BARGE_REGISTRY_BINARY:-/usr/bin/docker-registry}

install() {
  local missing=()
  [ -x "$binary" ] || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "registry.sh: missing ${missing[*]} and not root to install them" >&2
    return 1
  fi
  echo "registry.sh: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The package starts a system registry on :5000; the tests do not use it.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
    systemctl stop docker-registry || true
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local dir=${1:?usage: registry.sh start DIR [PORT]} port=${2:-}
  [ -n "$port" ] || port=$(free_port)
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: barge-registry-sh
YAML
  "$binary" serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then
      echo "127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "registry.sh: registry did not start; see $dir/registry.log" >&2
  stop "$dir"
  return 1
}

stop() {
  local dir=${1:?usage: registry.sh stop DIR}
  if [ -f "$dir/registry.pid" ]; then
    kill "$(cat "$dir/registry.pid")" 2>/dev/null || true
    rm -f "$dir/registry.pid"
  fi
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: registry.sh install | start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
