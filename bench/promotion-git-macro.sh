#!/usr/bin/env bash
# Macro benchmark of a git promotion on local repositories: clone, yaml-update, commit, push through
# the git steps against a shell script running the same git commands. Prints BenchmarkDotNet's table
# (Ratio = steps / shell). Pass other BenchmarkDotNet arguments to override the job.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Barge.Benchmarks -- --filter '*GitPromotionMacroBenchmarks*' "$@" \
  | grep -E '^\||^// \*|^// interleaved|Method|Mean' | grep -v '^// \* Legends' || true
