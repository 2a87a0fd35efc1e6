#!/usr/bin/env bash
# Load test of `barge serve`: a project of STAGES Stages (default 500) applied, the server started on
# a free loopback port (controllers off: the API alone is measured), then CLIENTS concurrent clients
# (default 200) list its Stages for SECONDS (default 30): requests, errors, p50/p99; then the latency
# from a Stage write to the SSE event a watcher receives; then the server's peak memory (VmHWM).
# PIN=1 runs the server on core 0 and the load generator on core 1 (taskset), so the generator does
# not steal the server's CPU; PIN=0 (default) lets the scheduler place both. GZIP=1 makes the clients
# accept gzip bodies and decompress them (as browsers and Go clients do).
# Usage: [PIN=1] [GZIP=1] bench/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
STAGES=${STAGES:-500}
CLIENTS=${CLIENTS:-200}
SECONDS_=${SECONDS_:-30}
PIN=${PIN:-0}
GZIP=${GZIP:-0}
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
for project in src/Barge.Cli:barge bench/Barge.Benchmarks:bench; do
  if ! dotnet build -c Release "${project%%:*}" -o "artifacts/serve-load/${project##*:}" > artifacts/serve-load-build.log 2>&1; then
    grep -E "error|Error" artifacts/serve-load-build.log | sort -u | head -20 >&2
    echo "serve-load: building ${project%%:*} failed (artifacts/serve-load-build.log)" >&2
    exit 1
  fi
done
BARGE=$(pwd)/artifacts/serve-load/barge/barge
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
echo "server $URL (pid $PID), $STAGES Stages, pinned: $PIN"
TICKS=$(getconf CLK_TCK)
CPU0=$(awk '{print $14+$15}' /proc/$PID/stat)
"${CLIENT_CPU[@]}" "$(pwd)/artifacts/serve-load/bench/Barge.Benchmarks" serve-load "$URL" "$(cat "$BARGE_HOME/admin-token")" load "$CLIENTS" "$SECONDS_" "$ENCODING"
CPU1=$(awk '{print $14+$15}' /proc/$PID/stat)
echo "server CPU during the run (list load and SSE): $(awk -v a="$CPU0" -v b="$CPU1" -v t="$TICKS" 'BEGIN{printf "%.1f s", (b-a)/t}')"
echo "server memory: $(grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr -s ' ' | tr '\n' ' ')"
