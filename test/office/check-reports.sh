#!/usr/bin/env bash
# Opens every Larder report in a real spreadsheet program: seeds a small demo into a fresh embedded
# database, writes each report in both languages, converts each with LibreOffice to PDF and to CSV
# (recalculating every formula on load), fails if any will not open, and checks that the
# recalculated formulas equal the figures Larder wrote.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk"; exit 1; }

work=$(mktemp -d)
# mktemp makes it 0700; run as root, Larder runs PostgreSQL as the postgres user, who must pass through it
chmod 711 "$work"
trap 'rm -rf "$work"' EXIT
export LARDER_DATA_DIR="$work/data" LARDER_PSEUDONYM_SECRET=office-check-pseudonym-key LARDER_DEMO=off
unset DATABASE_URL
out="$work/reports"
mkdir -p "$out"

# A LibreOffice profile of our own that recalculates every formula when a file is loaded.
profile="$work/profile"
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
soffice_run() { soffice "-env:UserInstallation=file://$profile" --headless "$@"; }

npm run -s build
larder() { node dist/apps/cli/src/main.js "$@"; }
larder demo seed --canteens 2 --employees 800 --days 75 --end-date 2026-11-20 --seed 7 >/dev/null
# Purchase orders to print: the planner's for the week after the data (skipped if planning fails).
larder plan --week 2026-W48 >/dev/null 2>&1 || echo "note: no purchase orders were planned; the purchase plan is checked empty"

# A settlement file with one amount changed, so the reconciliation sheet lists a mismatch.
cat >"$work/settlement.csv" <<'CSV'
date,channel,amount
2026-10-09,card,100.00
2026-10-09,bank_app,=1+1
CSV

failed=0
for lang in zh-CN en; do
  for kind in finance satisfaction waste accuracy purchase-plan; do
    file="$out/$kind-$lang.xlsx"
    period=(--month 2026-10)
    [ "$kind" = purchase-plan ] && period=(--week 2026-W48)
    extra=()
    [ "$kind" = finance ] && extra=(--settlement "$work/settlement.csv")
    larder report "$kind" "${period[@]}" --lang "$lang" --out "$file" "${extra[@]}" --json >"$out/$kind-$lang.json"
    if ! soffice_run --convert-to pdf --outdir "$out" "$file" >"$out/$kind-$lang.pdf.log" 2>&1 || [ ! -s "$out/$kind-$lang.pdf" ]; then
      echo "FAIL $kind ($lang): LibreOffice could not open or print it"; cat "$out/$kind-$lang.pdf.log"; failed=1; continue
    fi
    mkdir -p "$out/csv"
    soffice_run --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir "$out/csv" "$file" >"$out/$kind-$lang.csv.log" 2>&1 || true
    if ! node test/office/compare-recalculated.js "$file" "$out/csv"; then failed=1; fi
  done
done
# One canteen, to check the single-canteen layout opens as well.
larder report finance --month 2026-10 --canteen C02 --lang zh-CN --out "$out/finance-C02.xlsx" >/dev/null
soffice_run --convert-to pdf --outdir "$out" "$out/finance-C02.xlsx" >/dev/null 2>&1 && [ -s "$out/finance-C02.pdf" ] || { echo "FAIL finance C02"; failed=1; }

if [ "$failed" -ne 0 ]; then echo "office check: FAILED"; exit 1; fi
echo "office check: every report opens in LibreOffice in both languages, and its recalculated formulas equal Larder's figures"
