#!/usr/bin/env bash
# Webhook load (issue 7): 1,000 signed GitHub push calls per minute for SECONDS (default 120) against a
# loopback Kestrel host with the webhook receivers over a real SQLite store; 40 Warehouses on 40
# repositories, a quarter of the calls repeat an earlier delivery (must get 409), a stand-in controller
# marks pending refreshes handled every 500 ms. Checks: every pushed Warehouse refreshed, no Warehouse
# refreshed more often than it was pushed to, no other Warehouse touched. Prints outcome counts,
# latency percentiles and the number of refresh writes. Usage: bench/webhook-load.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export BARGE_WEBHOOK_LOAD=1 BARGE_WEBHOOK_LOAD_SECONDS="${1:-120}"
dotnet test tests/Barge.Server.Tests --filter WebhookLoadTests --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "calls in|latency ms|refresh writes|Passed|Failed|Assert"
