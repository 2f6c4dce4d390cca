/**
 * A leading =, +, -, @, tab or CR would make a spreadsheet (or a user's Enter) treat text as a
 * formula. Shared by the Excel reports and the dashboard's CSV export (which imports this file
 * directly, as it does the API contract).
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** The text as a spreadsheet shows it as text: a leading apostrophe when it would read as a formula. */
export function defuseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Picks the separator that the header line uses most: systems export with commas, tabs, semicolons or bars. */
export function detectDelimiter(headerLine: string): string {
  const counts = [',', '\t', ';', '|'].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ',';
}
