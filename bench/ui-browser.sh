#!/usr/bin/env bash
# Browser figures of the web UI on the 1,000-Stage / 10,000-Freight fixture (issue 9): the fixture is
# written into a fresh BARGE_HOME, `barge serve` started on a free loopback port (controllers off), then
# bench ui-browser measures the server-side graph time, Chromium's first contentful paint (of PAGE_PATH on
# the server when set, else of a page carrying the graph SVG), and CONNECTIONS (default 200) open SSE
# watches: the server's memory with them open and the time from a Stage write to the event on all of them.
# Needs Debian's chromium (scripts/services/chromium.sh install). Usage: bench/ui-browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-200}
PAGE_PATH=${PAGE_PATH:-}
dotnet build -c Release src/Barge.Cli -o artifacts/ui-browser/barge >/dev/null
dotnet build -c Release bench/Barge.Benchmarks -o artifacts/ui-browser/bench >/dev/null
BARGE=$(pwd)/artifacts/ui-browser/barge/barge
BENCH=$(pwd)/artifacts/ui-browser/bench/Barge.Benchmarks
WORK=$(mktemp -d)
export BARGE_HOME="$WORK/home"
"$BENCH" ui-fixture "$BARGE_HOME"
"$BARGE" serve --listen 127.0.0.1:0 --no-controllers > "$WORK/serve.out" 2> "$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.2; done
URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1)
echo "server $URL (pid $PID); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server memory idle: $(grep -E 'VmRSS' /proc/$PID/status | tr -s ' \t' ' ')"
BARGE_SERVER_PID=$PID "$BENCH" ui-browser "$URL" "$(cat "$BARGE_HOME/admin-token")" large "$CONNECTIONS" ${PAGE_PATH:+"$PAGE_PATH"}
echo "server peak memory: $(grep -E 'VmHWM' /proc/$PID/status | tr -s ' \t' ' '); load average $(cut -d' ' -f1-3 /proc/loadavg)"
