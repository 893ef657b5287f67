#!/usr/bin/env bash
# Make headless Chromium and a CJK font available for tests/test_browser.py, from Debian's own
# packages (`chromium`, `fonts-noto-cjk`): the test drives the system browser, and CI reaches
# package registries only, so a test tool's browser download is not an option.
# A fast no-op when both are present; installs them only as root with apt-get. Otherwise it
# says what is missing and leaves it to the test: skipped locally, failed under CI.
set -euo pipefail

have_browser() {
  [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

have_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
  else
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'
  fi
}

have_browser && have_cjk_font && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: chromium or a CJK font is missing and this is not root with apt-get;" \
       "install 'chromium fonts-noto-cjk' to run tests/test_browser.py" >&2
  exit 0
fi

echo "ensure-browser: installing chromium fonts-noto-cjk (apt-get)" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
apt_install() { apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >>"$log" 2>&1; }
# A fresh machine may have no package lists yet: update only when the first try fails.
if ! apt_install && ! { apt-get update -qq >>"$log" 2>&1 && apt_install; }; then
  tail -n 20 "$log" >&2
  echo "ensure-browser: apt-get could not install chromium fonts-noto-cjk; the browser test will say so" >&2
fi
