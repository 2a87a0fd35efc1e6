#!/usr/bin/env bash
# Load test of `barge serve`: a project of STAGES Stages (default 500) applied, the server started on
# a free loopback port (controllers off: the API alone is measured), then CLIENTS concurrent clients
# (default 200) list its Stages for SECONDS (default 30): requests, errors, p50/p99; then the latency
# from a Stage write to the SSE event a watcher receives; then the server's peak memory (VmHWM).
# PIN=1 runs the server on core 0 and the load generator on core 1 (taskset), so the generator does
# not steal the server's CPU; PIN=0 (default) lets the scheduler place both. GZIP=1 makes the clients
# accept gzip bodies and decompress them (as browsers and Go clients do). TOKEN=api makes the clients
# authenticate with an API token (viewer@load, created with `barge token create`) instead of the admin
# token, so the token lookup is on the measured path (the SSE part writes with the admin token).
# BARGE_BIN=DIR runs the barge build in DIR (e.g. an older commit built elsewhere with
# `dotnet build -c Release src/Barge.Cli -o DIR`, for before/after runs) instead of this tree's; the
# load generator is this tree's unless BENCH_BIN=DIR names a build of bench/Barge.Benchmarks. The load average (1 minute) at the start and end of the run is printed.
# Usage: [PIN=1] [GZIP=1] [TOKEN=api] [BARGE_BIN=DIR] bench/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
STAGES=${STAGES:-500}
CLIENTS=${CLIENTS:-200}
SECONDS_=${SECONDS_:-30}
PIN=${PIN:-0}
GZIP=${GZIP:-0}
TOKEN=${TOKEN:-admin}
BARGE_BIN=${BARGE_BIN:-}
ENCODING=identity
[ "$GZIP" = 1 ] && ENCODING=gzip
SERVER_CPU=()
CLIENT_CPU=()
if [ "$PIN" = 1 ]; then
  command -v taskset >/dev/null || { echo "serve-load: PIN=1 needs taskset (util-linux)" >&2; exit 1; }
  [ "$(nproc)" -ge 2 ] || { echo "serve-load: PIN=1 needs 2 cores, this machine has $(nproc)" >&2; exit 1; }
  SERVER_CPU=(taskset -c 0)
  CLIENT_CPU=(taskset -c 1)
fi
BENCH_BIN=${BENCH_BIN:-}
PROJECTS=()
[ -z "$BENCH_BIN" ] && PROJECTS+=(bench/Barge.Benchmarks:bench)
[ -z "$BARGE_BIN" ] && PROJECTS+=(src/Barge.Cli:barge)
mkdir -p artifacts
for project in ${PROJECTS[@]+"${PROJECTS[@]}"}; do
  if ! dotnet build -c Release "${project%%:*}" -o "artifacts/serve-load/${project##*:}" > artifacts/serve-load-build.log 2>&1; then
    grep -E "error|Error" artifacts/serve-load-build.log | sort -u | head -20 >&2
    echo "serve-load: building ${project%%:*} failed (artifacts/serve-load-build.log)" >&2
    exit 1
  fi
done
BARGE_BIN=$(cd "${BARGE_BIN:-artifacts/serve-load/barge}" && pwd)
[ -x "$BARGE_BIN/barge" ] || { echo "serve-load: $BARGE_BIN/barge is missing" >&2; exit 1; }
BARGE=$BARGE_BIN/barge
BENCH_BIN=$(cd "${BENCH_BIN:-artifacts/serve-load/bench}" && pwd)
[ -x "$BENCH_BIN/Barge.Benchmarks" ] || { echo "serve-load: $BENCH_BIN/Barge.Benchmarks is missing" >&2; exit 1; }
WORK=$(mktemp -d)
export BARGE_HOME="$WORK/home"
python3 - "$STAGES" > "$WORK/project.yaml" <<'PY'
import sys
n = int(sys.argv[1])
print("apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: load\n---")
print("apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n  namespace: load\nspec:\n  subscriptions:\n  - image:\n      repoURL: registry.example.com/app")
for i in range(n):
    print(f"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: stage-{i:04d}\n  namespace: load\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: w\n    sources:\n      direct: true\n  promotionTemplate:\n    spec:\n      steps:\n      - uses: compose-output\n        as: out\n        config:\n          stage: stage-{i:04d}")
PY
"$BARGE" apply -f "$WORK/project.yaml" >/dev/null
case "$TOKEN" in
  admin) CLIENT_TOKEN=$(cat "$BARGE_HOME/admin-token" 2>/dev/null || true) ;;
  api) CLIENT_TOKEN=$("$BARGE" token create load-viewer --role viewer@load | grep -o 'barge_[A-Za-z0-9_-]*' | head -1) ;;
  *) echo "serve-load: TOKEN must be admin or api, not $TOKEN" >&2; exit 1 ;;
esac
"${SERVER_CPU[@]}" "$BARGE" serve --listen 127.0.0.1:0 --no-controllers > "$WORK/serve.out" 2> "$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 150); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.2; done
URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1 || true)
if [ -z "$URL" ]; then
  echo "serve-load: the server did not report its address within 30 s:" >&2
  cat "$WORK/serve.err" >&2
  exit 1
fi
[ "$TOKEN" = admin ] && CLIENT_TOKEN=$(cat "$BARGE_HOME/admin-token")
[ -n "$CLIENT_TOKEN" ] || { echo "serve-load: no $TOKEN token" >&2; exit 1; }
echo "server $URL (pid $PID), $STAGES Stages, pinned: $PIN, token: $TOKEN, server build: $BARGE_BIN"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
TICKS=$(getconf CLK_TCK)
CPU0=$(awk '{print $14+$15}' /proc/$PID/stat)
"${CLIENT_CPU[@]}" "$BENCH_BIN/Barge.Benchmarks" serve-load "$URL" "$CLIENT_TOKEN" load "$CLIENTS" "$SECONDS_" "$ENCODING" "$(cat "$BARGE_HOME/admin-token")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
CPU1=$(awk '{print $14+$15}' /proc/$PID/stat)
echo "server CPU during the run (list load and SSE): $(awk -v a="$CPU0" -v b="$CPU1" -v t="$TICKS" 'BEGIN{printf "%.1f s", (b-a)/t}')"
echo "server memory: $(grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr -s ' ' | tr '\n' ' ')"
