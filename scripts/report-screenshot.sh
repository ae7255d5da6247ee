#!/bin/sh
# Renders a run report's HTML in headless Chromium and saves a PNG screenshot.
# Usage: scripts/report-screenshot.sh REPORT.html [OUT.png]   (default OUT: REPORT.png)
set -eu
html=${1:?usage: scripts/report-screenshot.sh REPORT.html [OUT.png]}
out=${2:-${html%.html}.png}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "error: $chromium not found (apt-get install chromium)" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$out" --window-size=1280,2000 "file://$abs" 2>/dev/null
echo "$out"
