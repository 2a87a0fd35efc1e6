#!/usr/bin/env bash
# Macro benchmark of Warehouse discovery through the real CLI (`barge reconcile --until-idle`):
# W Warehouses (default 50) subscribed to one generated repository of C commits and T tags
# (defaults 20,000 and 2,000; override with COMMITS=, TAGS=, WAREHOUSES=). Every git process the
# controller starts goes through a counting shim on PATH, so the script reports how many ls-remote
# and fetch/clone runs each phase cost:
#   1. first discovery (cold mirror) of all Warehouses;
#   2. unchanged re-discovery (interval passed, nothing pushed);
#   3. one new tag pushed: time until W new Freight exist.
# Wall times include the barge process start (~0.2 s). Usage: bench/discovery-macro.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COMMITS=${COMMITS:-20000}
TAGS=${TAGS:-2000}
WAREHOUSES=${WAREHOUSES:-50}
[ -x artifacts/barge/barge ] || scripts/publish.sh >/dev/null
BARGE=$(pwd)/artifacts/barge/barge
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export BARGE_HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
REAL_GIT=$(command -v git)

# The counting shim: one line per git process with its subcommand.
mkdir -p "$WORK/shim"
cat > "$WORK/shim/git" <<SHIM
#!/bin/sh
for a in "\$@"; do case "\$a" in -*) ;; *) echo "\$a" >> "$WORK/git.log"; break;; esac; done
exec "$REAL_GIT" "\$@"
SHIM
chmod +x "$WORK/shim/git"

echo "generating a repository: $COMMITS commits, $TAGS tags"
REPO="$WORK/source"
git init --quiet --bare --initial-branch=main "$REPO"
python3 - "$COMMITS" "$TAGS" > "$WORK/stream" <<'PY'
import sys
commits, tags = int(sys.argv[1]), int(sys.argv[2])
every = max(1, commits // tags)
out = sys.stdout
t = 1_600_000_000
tagged = 0
for i in range(1, commits + 1):
    data = f"build {i}\n"
    msg = f"commit {i}\n"
    out.write(f"commit refs/heads/main\nmark :{i}\ncommitter Ada <ada@example.com> {t + i * 60} +0000\n")
    out.write(f"data {len(msg)}\n{msg}")
    if i > 1:
        out.write(f"from :{i - 1}\n")
    out.write(f"M 644 inline file{i % 100}.txt\ndata {len(data)}\n{data}\n")
    if i % every == 0 and tagged < tags:
        tagged += 1
        out.write(f"reset refs/tags/dev-{tagged:05d}\nfrom :{i}\n\n")
PY
git --git-dir="$REPO" fast-import --quiet < "$WORK/stream"
URL="file://$REPO"

{
  printf 'apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: bench\n'
  for i in $(seq 1 "$WAREHOUSES"); do
    printf -- '---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w%03d\n  namespace: bench\nspec:\n  interval: 10s\n  subscriptions:\n  - git:\n      repoURL: "%s"\n      commitSelectionStrategy: NewestTag\n      allowTagsRegexes: ["^dev-"]\n' "$i" "$URL"
  done
} > "$WORK/warehouses.yaml"
"$BARGE" apply -f "$WORK/warehouses.yaml" >/dev/null

phase() {
  : > "$WORK/git.log"
  local start end
  start=$(date +%s.%N)
  PATH="$WORK/shim:$PATH" "$BARGE" reconcile --until-idle --idle-window 500 >/dev/null
  end=$(date +%s.%N)
  local freight
  freight=$("$BARGE" get freight -p bench -o json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
  printf '%-34s %6.2f s   git: %s   freight: %s\n' "$1" "$(echo "$end - $start" | bc)" \
    "$(sort "$WORK/git.log" | uniq -c | awk '{printf "%s=%s ", $2, $1}')" "$freight"
}

start=$(date +%s.%N)
git clone --quiet --mirror "$URL" "$WORK/reference-mirror"
printf '%-34s %6.2f s\n' "reference: git clone --mirror" "$(echo "$(date +%s.%N) - $start" | bc)"
phase "1. first discovery ($WAREHOUSES Warehouses)"
sleep 10.1
phase "2. unchanged re-discovery"
# A new commit and tag, pushed to the source.
CLONE="$WORK/clone"
git clone --quiet "$URL" "$CLONE"
git -C "$CLONE" -c user.name=Ada -c user.email=ada@example.com commit --quiet --allow-empty -m "new build"
git -C "$CLONE" tag dev-99999
git -C "$CLONE" push --quiet origin main dev-99999
sleep 10.1
phase "3. new tag -> new Freight"
