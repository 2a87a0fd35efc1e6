#!/usr/bin/env bash
# Publishes the barge executable, precompiled (ReadyToRun) for this machine, to artifacts/barge/.
# Run it as artifacts/barge/barge, or put that folder on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/Barge.Cli -c Release -o artifacts/barge -nologo -v quiet
echo "published: $(pwd)/artifacts/barge/barge"
