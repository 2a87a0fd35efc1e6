#!/usr/bin/env bash
# Promotions per minute through `barge serve`: the embedded SQLite store with one process, then
# PostgreSQL ($BARGE_TEST_POSTGRES, a fresh schema each run) with 1, 2 and 3 replicas. Each run applies
# one Warehouse (a file:// source repository) and STAGES Stages whose Promotions clone a bare config
# repository, write one file named after the Promotion, commit and push; PROMOTIONS Promotions
# (default 60) are requested round-robin over the Stages through the API, and the time from the first
# request until all are terminal is measured. Prints one line per configuration.
# Usage: BARGE_TEST_POSTGRES=... bench/replicas-macro.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PROMOTIONS=${PROMOTIONS:-60}
STAGES=${STAGES:-6}
: "${BARGE_TEST_POSTGRES:?start PostgreSQL with scripts/services/postgres.sh start DIR and export BARGE_TEST_POSTGRES}"
dotnet build -c Release src/Barge.Cli -o artifacts/replicas/barge >/dev/null
BARGE=$(pwd)/artifacts/replicas/barge/barge
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf --one-file-system "$WORK"; }
trap cleanup EXIT
export BARGE_ADMIN_TOKEN=bench-replicas-admin-token-0123456789abcdef
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
git init -q --initial-branch=main "$WORK/source"; echo a > "$WORK/source/a"; git -C "$WORK/source" add a; git -C "$WORK/source" commit -qm a

pipeline() { # $1: config repository URL
  printf 'apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: bench\n---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n  namespace: bench\nspec:\n  subscriptions:\n  - git:\n      repoURL: file://%s/source\n' "$WORK"
  for i in $(seq 0 $((STAGES - 1))); do
    cat <<YAML
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: s$i
  namespace: bench
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: w}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - uses: git-clone
        config: {repoURL: "$1", checkout: [{branch: main, path: ./config}]}
      - uses: file-write
        config: {path: "./config/\${{ ctx.promotion }}.txt", contents: "\${{ ctx.promotion }}"}
      - uses: git-commit
        config: {path: ./config, message: "bench \${{ ctx.promotion }}"}
      - uses: git-push
        config: {path: ./config, targetBranch: main}
YAML
  done
}

run() { # $1: label, $2: replicas, $3: store connection or "" for SQLite
  local label=$1 replicas=$2 store=$3 run=$WORK/$1 urls=()
  mkdir -p "$run"; git init -q --bare --initial-branch=main "$run/config.git"
  git clone -q "$run/config.git" "$run/seed" 2>/dev/null; echo seed > "$run/seed/README"; git -C "$run/seed" add README; git -C "$run/seed" commit -qm seed; git -C "$run/seed" push -q origin main
  local schema=bench_$(date +%s%N | tail -c 9)
  for r in $(seq 1 "$replicas"); do
    local args=(serve --listen 127.0.0.1:0)
    [ -n "$store" ] && args+=(--store "$store" --schema "$schema" --replica-id "r$r")
    BARGE_HOME=$run/home$r "$BARGE" "${args[@]}" > "$run/serve$r.out" 2> "$run/serve$r.err" & PIDS+=($!)
    for _ in $(seq 150); do grep -q listening "$run/serve$r.out" 2>/dev/null && break; sleep 0.2; done
    urls+=("$(grep -o 'http://[0-9.:]*' "$run/serve$r.out" | head -1)")
  done
  pipeline "file://$run/config.git" | curl -sf -X POST -H "Authorization: Bearer $BARGE_ADMIN_TOKEN" -H 'Content-Type: application/yaml' --data-binary @- "${urls[0]}/v1beta1/resources" >/dev/null
  local start end i=0
  start=$(date +%s.%N)
  while [ $i -lt "$PROMOTIONS" ]; do
    if curl -sf -X POST -H "Authorization: Bearer $BARGE_ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -d '{"origin":"Warehouse/w"}' "${urls[$((i % replicas))]}/v1beta1/projects/bench/stages/s$((i % STAGES))/promotions" >/dev/null; then
      i=$((i + 1))
    else
      tries=$((${tries:-0} + 1))
      [ "$tries" -lt 300 ] || { echo "$label: promotions refused for 60 s (see $run/serve1.err)" >&2; exit 1; }
      sleep 0.2 # the Freight is not discovered yet
    fi
  done
  while true; do
    local phases
    phases=$(curl -sf -H "Authorization: Bearer $BARGE_ADMIN_TOKEN" "${urls[0]}/v1beta1/projects/bench/promotions" | jq -r '[.items[].status.phase // "Pending"] | map(select(. == "Succeeded" or . == "Failed" or . == "Errored" or . == "Aborted")) | length')
    [ "$phases" -ge "$PROMOTIONS" ] && break
    sleep 0.1
  done
  end=$(date +%s.%N)
  local commits ok
  commits=$(git -C "$run/config.git" rev-list --count main)
  ok=$(curl -sf -H "Authorization: Bearer $BARGE_ADMIN_TOKEN" "${urls[0]}/v1beta1/projects/bench/promotions" | jq '[.items[] | select(.status.phase == "Succeeded")] | length')
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'$label: $PROMOTIONS promotions over $STAGES Stages in {s:.1f} s = {60*$PROMOTIONS/s:.0f}/min; succeeded $ok; config commits $((commits - 1))')" "$start" "$end"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
}

run sqlite-1 1 ""
run postgres-1 1 "$BARGE_TEST_POSTGRES"
run postgres-2 2 "$BARGE_TEST_POSTGRES"
run postgres-3 3 "$BARGE_TEST_POSTGRES"
