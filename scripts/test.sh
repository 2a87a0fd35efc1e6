#!/usr/bin/env bash
# Runs every test of Barge. Installs what the tests need when it is missing
# (apt packages; CI runs this as root), starts the services they use on
# loopback ports, builds, runs all test projects and stops the services again.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export CI="${CI:-true}"            # tests that need a service fail (never skip) when it is missing
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_apt=()
command -v git >/dev/null 2>&1 || need_apt+=(git)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${need_apt[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "test.sh: missing ${need_apt[*]} and not root to install them" >&2
    exit 1
  fi
fi

# The registry tests start their own docker-registry processes; they need the binaries only.
scripts/services/registry.sh install

# The UI tests drive Debian's chromium through Playwright (never a browser download).
scripts/services/chromium.sh install

# The PostgreSQL store tests need a server: a throw-away cluster (as an unprivileged user, on a free
# loopback port), unless BARGE_TEST_POSTGRES already names one.
scripts/services/postgres.sh install

# Every test gets its own temporary world: git needs an identity, nothing reads ~/.barge.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/barge-test.XXXXXX")
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then scripts/services/postgres.sh stop "$pgdir" || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
export BARGE_TEST_SCRATCH="$scratch"
if [ -z "${BARGE_TEST_POSTGRES:-}" ]; then
  # Outside the scratch folder: the cluster's owner must be able to reach it (/tmp is world-traversable).
  pgdir=$(mktemp -d -u /tmp/barge-pg.XXXXXX)
  BARGE_TEST_POSTGRES=$(scripts/services/postgres.sh start "$pgdir")
  export BARGE_TEST_POSTGRES
  echo "test.sh: PostgreSQL at ${BARGE_TEST_POSTGRES}"
fi
export GIT_AUTHOR_NAME="Barge Test" GIT_AUTHOR_EMAIL="test@barge.invalid"
export GIT_COMMITTER_NAME="Barge Test" GIT_COMMITTER_EMAIL="test@barge.invalid"

# The conformance vectors live beside the repository (../shared/conformance) on our machines and in CI.
if [ -z "${BARGE_CONFORMANCE_DIR:-}" ] && [ ! -d "$root/../shared/conformance" ]; then
  echo "test.sh: conformance vectors not found (../shared/conformance, or set BARGE_CONFORMANCE_DIR): the conformance tests are reported as skipped"
fi

dotnet build Barge.slnx -c Release -nologo -v quiet

# Every test project (tests/*.Tests and tests/*IntegrationTests; Barge.Testing is a library), one
# after the other, so a crash of one cannot hide the results of the others.
log="$scratch/test.log"
: > "$log"
status=0
for project in tests/*Tests/*.csproj; do
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?
done

# One closing line with the totals over all projects.
totals=$(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
projects=$(grep -cE '(Passed|Failed)! +- +Failed: ' "$log" || true)
if [ "$status" -ne 0 ] || [ "${projects:-0}" -eq 0 ]; then
  echo "test.sh: ${totals:-no results}"
  echo "test.sh: FAILED (dotnet test exit $status, $projects test projects reported)" >&2
  exit 1
fi
echo "test.sh: $totals"
