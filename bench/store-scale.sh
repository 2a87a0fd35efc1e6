#!/usr/bin/env bash
# Store at scale, SQLite beside PostgreSQL on the same data and machine: starts a throw-away
# PostgreSQL (scripts/services/postgres.sh; unless BARGE_BENCH_POSTGRES names one), then
#   store-scale    100,000 resources: list by label / by field, get by name (median/p95/p99 over
#                  50-200 runs), EXPLAIN ANALYZE on PostgreSQL, size per table, growth per 1,000 promotions
#   feed-latency   a write on one store instance until a watch in another process sees it, N writes
# and prints the load average beside each figure.
# Usage: bench/store-scale.sh [writes for feed-latency, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
writes=${1:-1000}

pgdir=""
cleanup() { if [ -n "$pgdir" ]; then scripts/services/postgres.sh stop "$pgdir" || true; fi; }
trap cleanup EXIT
if [ -z "${BARGE_BENCH_POSTGRES:-}" ]; then
  scripts/services/postgres.sh install
  pgdir=$(mktemp -d -u /tmp/barge-pg.XXXXXX)
  BARGE_BENCH_POSTGRES=$(scripts/services/postgres.sh start "$pgdir")
  export BARGE_BENCH_POSTGRES
fi

dotnet build bench/Barge.Benchmarks -c Release -nologo -v quiet >/dev/null
cd bench/Barge.Benchmarks
echo "store-scale.sh: $(date -u '+%F %T UTC'), $(uptime)"
dotnet run -c Release --no-build -- store-scale
echo "store-scale.sh: $(date -u '+%F %T UTC'), $(uptime)"
dotnet run -c Release --no-build -- feed-latency "$writes"
echo "store-scale.sh: $(date -u '+%F %T UTC'), $(uptime)"
