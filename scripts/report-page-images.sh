#!/usr/bin/env bash
# Refreshes docs/screenshots/reports/<report>-<language>.png: the first printed page of every
# report of the full-size demo month, as LibreOffice prints it (test/office/check-reports.sh writes
# and prints them; poppler's pdftoppm turns page 1 of each PDF into a PNG).
#   apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils"; exit 1; }
kept=$(mktemp -d)
trap 'rm -rf "$kept"' EXIT
# The images are made from whatever printed, even when the check fails on a time limit (a loaded machine).
REPORTS_KEEP="$kept" bash test/office/check-reports.sh || echo "note: the office check failed (above); the page images show what printed"
target=docs/screenshots/reports
mkdir -p "$target"
for pdf in "$kept"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  # 80 dpi: an A4 page about 660 × 935 pixels, legible and small enough to keep in the repository.
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$target/$name"
  echo "wrote $target/$name.png"
done
