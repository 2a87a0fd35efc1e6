#!/usr/bin/env bash
# The browser the UI tests drive: Debian's chromium, never a browser download.
#   chromium.sh install   install the package when missing (needs root)
#   chromium.sh path      print the browser binary the tests use (BARGE_CHROMIUM overrides)
# The UI tests (tests/Barge.Ui.Tests) read BARGE_CHROMIUM, or find /usr/bin/chromium.
set -euo pipefail

binary=${BARGE_CHROMIUM:-/usr/bin/chromium}

install() {
  [ -x "$binary" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "chromium.sh: missing chromium and not root to install it" >&2
    return 1
  fi
  echo "chromium.sh: installing chromium"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
}

case "${1:-}" in
  install) install ;;
  path) echo "$binary" ;;
  *) echo "usage: chromium.sh install | path" >&2; exit 2 ;;
esac
