#!/usr/bin/env node
// Compares every formula cell of a Larder workbook, as Larder computed it (the cached result it
// wrote), with the value LibreOffice recalculated (the CSV export of each sheet). Exits 1 on any
// difference. Usage: compare-recalculated.js WORKBOOK.xlsx CSV_DIR
const { readFileSync, existsSync } = require('node:fs');
const { basename, join } = require('node:path');
const ExcelJS = require('exceljs');
const { parse } = require('csv-parse/sync');

function numberOf(text) {
  if (text === undefined || text === null) return null;
  const trimmed = String(text).trim();
  if (trimmed === '') return '';
  const percent = trimmed.endsWith('%');
  const cleaned = trimmed.replace(/[¥,%\s]/g, '');
  if (!/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(cleaned)) return trimmed;
  return percent ? Number(cleaned) / 100 : Number(cleaned);
}

async function main() {
  const [file, csvDir] = process.argv.slice(2);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const base = basename(file, '.xlsx');
  let checked = 0;
  const problems = [];
  for (const sheet of workbook.worksheets) {
    const csvFile = join(csvDir, `${base}-${sheet.name}.csv`);
    if (!existsSync(csvFile)) {
      problems.push(`${sheet.name}: LibreOffice wrote no CSV (${csvFile})`);
      continue;
    }
    const rows = parse(readFileSync(csvFile, 'utf8'), { relax_column_count: true, relax_quotes: true });
    sheet.eachRow((row, rowNumber) => row.eachCell((cell, columnNumber) => {
      const value = cell.value;
      if (!value || typeof value !== 'object' || !('formula' in value)) return;
      const office = numberOf(rows[rowNumber - 1]?.[columnNumber - 1]);
      checked += 1;
      // exceljs 4 reads a cached <v>0</v> back as no result at all, so a missing result may be zero.
      if ((value.result === undefined || value.result === null) && (office === 0 || office === '')) return;
      const larder = value.result === undefined || value.result === null ? '' : value.result;
      const same = typeof larder === 'number' && typeof office === 'number'
        ? Math.abs(larder - office) <= 0.005 + Math.abs(larder) * 1e-9
        : String(larder) === String(office);
      if (!same) problems.push(`${sheet.name}!${cell.address} =${value.formula}: Larder ${JSON.stringify(larder)}, LibreOffice ${JSON.stringify(office)}`);
    }));
  }
  if (problems.length > 0) {
    console.error(`${basename(file)}: ${problems.length} of ${checked} formulas differ:\n  ${problems.slice(0, 30).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${basename(file)}: ${checked} formulas recalculated by LibreOffice equal Larder's figures`);
}

main().catch((error) => {
  console.error(error.stack || error.message);
  process.exit(1);
});
