#!/usr/bin/env bash
# Prints every Larder report of a full-size demo month: seeds the demo enterprise (4 canteens,
# 17,500 employees) into a fresh embedded database, writes each report in both languages, converts
# each with LibreOffice to PDF (timed, pages counted) and to CSV (recalculating every formula on
# load), fails if any will not open, takes 60 s or more to print, or prints an absurd number of
# pages, and checks that the recalculated formulas equal the figures Larder wrote. The payments
# export for audit is written too (it is for reading in a spreadsheet, not for printing).
#   REPORTS_KEEP=dir  keeps the workbooks and PDFs there (scripts/report-page-images.sh uses it)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk"; exit 1; }
command -v pdfinfo >/dev/null || { echo "pdfinfo not found: apt-get install -y poppler-utils"; exit 1; }

work=$(mktemp -d)
# mktemp makes it 0700; run as root, Larder runs PostgreSQL as the postgres user, who must pass through it
chmod 711 "$work"
trap 'rm -rf "$work"' EXIT
export LARDER_DATA_DIR="$work/data" LARDER_PSEUDONYM_SECRET=office-check-pseudonym-key LARDER_DEMO=off
unset DATABASE_URL
out=${REPORTS_KEEP:-$work/reports}
mkdir -p "$out"

# The most pages a report of one month may print: a few pages per sheet at most, whatever the data.
# (A full-size demo month printed 10, 6, 12, 2 and 16 pages on 2026-12-05; accuracy without stored forecasts.)
# The workers' congress summary is one page by design (fitted to one A4 page).
declare -A MAX_PAGES=([finance]=20 [satisfaction]=15 [waste]=30 [accuracy]=40 [purchase-plan]=40 [congress]=1)
PRINT_SECONDS_LIMIT=60

# LibreOffice profiles of our own (one per concurrent conversion: a profile is locked while in use)
# that recalculate every formula when a file is loaded.
make_profile() {
  mkdir -p "$1/user"
  cat >"$1/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
}

npm run -s build
larder() { node dist/apps/cli/src/main.js "$@"; }
seed_started=$SECONDS
# The demo's full size; 75 days hold October whole and the weeks around it.
larder demo seed --days 75 --end-date 2026-11-20 --seed 7 --json >/dev/null
echo "seeded the full-size demo (4 canteens, 17,500 employees, 75 days) in $(( SECONDS - seed_started )) s"
# Purchase orders to print: the planner's for the week after the data (skipped if planning fails).
larder plan --week 2026-W48 >/dev/null 2>&1 || echo "note: no purchase orders were planned; the purchase plan is checked empty"

# A settlement file with one amount changed, so the reconciliation sheet lists a mismatch.
cat >"$work/settlement.csv" <<'CSV'
date,channel,amount
2026-10-09,card,100.00
2026-10-09,bank_app,=1+1
CSV

# Writes the reports of one language one by one (the database is shared), then prints each.
check_language() {
  local lang=$1 profile="$work/profile-$1" failed=0
  make_profile "$profile"
  soffice_run() { soffice "-env:UserInstallation=file://$profile" --headless "$@"; }
  for kind in finance satisfaction waste accuracy purchase-plan congress; do
    local file="$out/$kind-$lang.xlsx" period=(--month 2026-10) extra=()
    [ "$kind" = purchase-plan ] && period=(--week 2026-W48)
    [ "$kind" = finance ] && extra=(--settlement "$work/settlement.csv")
    larder report "$kind" "${period[@]}" --lang "$lang" --out "$file" "${extra[@]}" --json >"$out/$kind-$lang.json" 2>"$out/$kind-$lang.err" || { echo "FAIL $kind ($lang): Larder could not write it"; cat "$out/$kind-$lang.err"; failed=1; continue; }
    local started=$SECONDS
    if ! soffice_run --convert-to pdf --outdir "$out" "$file" >"$out/$kind-$lang.pdf.log" 2>&1 || [ ! -s "$out/$kind-$lang.pdf" ]; then
      echo "FAIL $kind ($lang): LibreOffice could not open or print it"; cat "$out/$kind-$lang.pdf.log"; failed=1; continue
    fi
    local seconds=$(( SECONDS - started ))
    local pages
    pages=$(pdfinfo "$out/$kind-$lang.pdf" | awk '/^Pages:/ { print $2 }')
    echo "printed $kind ($lang): $pages pages in ${seconds} s ($(stat -c %s "$file") bytes of workbook)"
    if [ "$seconds" -ge "$PRINT_SECONDS_LIMIT" ]; then echo "FAIL $kind ($lang): printing took ${seconds} s (limit ${PRINT_SECONDS_LIMIT} s)"; failed=1; fi
    if [ "$pages" -lt 1 ] || [ "$pages" -gt "${MAX_PAGES[$kind]}" ]; then echo "FAIL $kind ($lang): $pages pages (expected 1 to ${MAX_PAGES[$kind]})"; failed=1; fi
    mkdir -p "$out/csv-$lang"
    soffice_run --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir "$out/csv-$lang" "$file" >"$out/$kind-$lang.csv.log" 2>&1 || true
    if ! node test/office/compare-recalculated.js "$file" "$out/csv-$lang"; then failed=1; fi
  done
  return $failed
}

failed=0
# The reports are written one at a time; LibreOffice prints one language while the next is written.
check_language zh-CN >"$work/zh-CN.log" 2>&1 &
zh=$!
check_language en >"$work/en.log" 2>&1 || failed=1
wait "$zh" || failed=1
cat "$work/zh-CN.log" "$work/en.log"

# One canteen, to check the single-canteen layout opens as well.
make_profile "$work/profile-one"
larder report finance --month 2026-10 --canteen C02 --lang zh-CN --out "$out/finance-C02-zh-CN.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$work/profile-one" --headless --convert-to pdf --outdir "$out" "$out/finance-C02-zh-CN.xlsx" >/dev/null 2>&1 && [ -s "$out/finance-C02-zh-CN.pdf" ] || { echo "FAIL finance C02"; failed=1; }

# The payments detail for audit: every payment of the month, apart from the printable workbook.
payments=$(larder report finance --payments --month 2026-10 --lang zh-CN --out "$work/payments.xlsx" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(`${r.totals.paymentLines} payments, ${r.bytes} bytes in ${r.seconds.toFixed(1)} s`)})')
echo "payments export: $payments"

if [ "$failed" -ne 0 ]; then echo "office check: FAILED"; exit 1; fi
echo "office check: every report prints with LibreOffice in both languages in under ${PRINT_SECONDS_LIMIT} s within its page bound, and its recalculated formulas equal Larder's figures"
