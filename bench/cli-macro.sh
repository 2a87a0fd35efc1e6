#!/usr/bin/env bash
# Macro benchmarks of the barge CLI on the embedded store, each printed as one comparable figure:
#   1. apply of 10,000 Freight documents in one file
#   2. get freight -o json over those 10,000
#   3. get projects cold start on a small store (process start to output)
# barge is published ReadyToRun (as users get it from scripts/publish.sh) into artifacts/bench-barge.
# Usage: bench/cli-macro.sh [count]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/bench-barge
dotnet publish src/Barge.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -v quiet >/dev/null
barge="$out/barge"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/barge-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export BARGE_HOME="$scratch/home"

# One project, one Warehouse with one image subscription, and $count Freight of that image.
manifests="$scratch/freight.yaml"
awk -v n="$count" 'BEGIN {
  print "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: bench\n---"
  print "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n  namespace: bench\nspec:\n  subscriptions:\n  - image:\n      repoURL: registry.example.com/bench/app"
  for (i = 0; i < n; i++) {
    printf "---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Freight\nmetadata:\n  namespace: bench\norigin:\n  kind: Warehouse\n  name: app\nimages:\n- repoURL: registry.example.com/bench/app\n  tag: v1.%d.%d\n  digest: sha256:%064x\n", int(i / 1000), i % 1000, i
  }
}' > "$manifests"

TIMEFORMAT='%R %U %S'
measure() { # prints "wall user+sys" seconds of one command, output discarded
  local t
  t=$( { time "$@" >/dev/null 2>"$scratch/err"; } 2>&1 ) || { cat "$scratch/err" >&2; exit 1; }
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.3f s wall, %.3f s cpu", a[1], a[2] + a[3] }'
}

echo "apply of $count Freight (one file, $(du -h "$manifests" | cut -f1)): $(measure "$barge" apply -f "$manifests")"
echo "get freight -o json over $count: $(measure "$barge" get freight -p bench -o json)"
printf 'check: %s Freight stored\n' "$("$barge" get freight -p bench --no-headers | wc -l)"

export BARGE_HOME="$scratch/small"
"$barge" create project small >/dev/null
"$barge" get projects >/dev/null
best=""
for _ in 1 2 3 4 5; do
  t=$( { time "$barge" get projects >/dev/null; } 2>&1 | cut -d' ' -f1 )
  best=$(awk -v a="$t" -v b="${best:-999}" 'BEGIN { print (a < b ? a : b) }')
done
echo "get projects cold start (small store, best of 5): ${best} s wall"
