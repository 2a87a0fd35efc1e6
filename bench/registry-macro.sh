#!/usr/bin/env bash
# Macro benchmark of registry discovery: NewestBuild over 1,000 tags in a real docker-registry,
# first (cold cache) against second discovery (warm cache, with and without cacheByTag).
# Prints BenchmarkDotNet's table and the requests each discovery made. Short job by default;
# pass other BenchmarkDotNet arguments to override (e.g. --job medium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services/registry.sh install
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--job short)
dotnet run -c Release --project bench/Barge.Benchmarks -- --filter '*NewestBuildDiscoveryBenchmarks*' "${args[@]}" \
  | grep -E '^\|| requests per discovery|^// \*|Method|Mean' | grep -v '^// \* Legends' || true
