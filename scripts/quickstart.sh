#!/usr/bin/env bash
# The quick start on the embedded default: builds barge, makes two local git
# repositories for the example pipeline (the application's source and its GitOps
# configuration), applies examples/grommet/pipeline.yaml to the store in
# $BARGE_HOME (default ~/.barge) and shows what is stored. Safe to run again:
# the second apply prints "unchanged".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in dotnet git; do
  command -v "$tool" >/dev/null 2>&1 || { echo "quickstart.sh: $tool is needed (the .NET 10 SDK and git)" >&2; exit 1; }
done

home="${BARGE_HOME:-$HOME/.barge}"
demo="$home/quickstart"
mkdir -p "$demo"

git_quiet() { git -c init.defaultBranch=main -c user.name="Barge Quickstart" -c user.email="quickstart@barge.invalid" "$@" >/dev/null; }

# The application: a dev build and a release, told apart by their tags.
if [ ! -d "$demo/source.git" ]; then
  work=$(mktemp -d)
  git_quiet init "$work"
  echo "grommet 1.0.0" > "$work/VERSION"
  git_quiet -C "$work" add VERSION
  git_quiet -C "$work" commit -m "grommet 1.0.0"
  git_quiet -C "$work" tag v1.0.0
  echo "grommet 1.1.0-dev" > "$work/VERSION"
  git_quiet -C "$work" commit -am "start 1.1"
  git_quiet -C "$work" tag dev-1
  git_quiet clone --bare "$work" "$demo/source.git"
  rm -rf "$work"
fi

# The GitOps repository the Stages will write to, one values file per environment.
if [ ! -d "$demo/config.git" ]; then
  work=$(mktemp -d)
  git_quiet init "$work"
  for env in dev prod; do
    mkdir -p "$work/env/$env"
    printf 'desiredRevision: ""\nimageTag: ""\nsource: ""\n' > "$work/env/$env/values.yaml"
  done
  git_quiet -C "$work" add .
  git_quiet -C "$work" commit -m "environments dev and prod"
  git_quiet clone --bare "$work" "$demo/config.git"
  rm -rf "$work"
fi

sed -e "s|{{SOURCE_REPO}}|file://$demo/source.git|g" \
    -e "s|{{CONFIG_REPO}}|file://$demo/config.git|g" \
    -e "s|{{IMAGE_REPO}}|localhost:5000/grommet|g" \
    examples/grommet/pipeline.yaml > "$demo/pipeline.yaml"

dotnet build src/Barge.Cli -c Release -nologo -v quiet
barge() { dotnet run --project src/Barge.Cli -c Release --no-build -- "$@"; }

echo "\$ barge apply -f $demo/pipeline.yaml"
barge apply -f "$demo/pipeline.yaml"
echo
echo "\$ barge get projects"
barge get projects
echo
echo "\$ barge get warehouses -p grommet -o wide"
barge get warehouses -p grommet -o wide
echo
echo "\$ barge get stages -p grommet -o wide"
barge get stages -p grommet -o wide
echo
echo "The pipeline is stored in $home/barge.db. Try: barge get stage dev -p grommet -o yaml"
