#!/usr/bin/env bash
# The store benchmarks on SQLite and PostgreSQL side by side: starts a throw-away PostgreSQL
# (scripts/services/postgres.sh; unless BARGE_BENCH_POSTGRES names one), prints the store growth per
# 1,000 promotion-like write sets, then runs the BenchmarkDotNet store suites (--job short).
# Usage: bench/store-macro.sh [extra BenchmarkDotNet arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

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
dotnet run -c Release --no-build -- store-growth
dotnet run -c Release --no-build -- --filter '*StoreWriteBenchmarks*' '*WatchLatencyBenchmarks*' '*PostgresListBenchmarks*' '*ListBenchmarks*' \
  --job short --inProcess "$@"
