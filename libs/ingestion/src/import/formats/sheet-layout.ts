import type { CellValue } from './record-stream';

/** How far down a title above the header is looked for: a report's name, its period, a blank line. */
export const TITLE_ROWS_LOOKED_AT = 10;

export function filledCells(values: readonly CellValue[]): number {
  return values.filter((value) => value !== null && value !== undefined && String(value).trim() !== '').length;
}

/**
 * Which of a file's first rows is its header: exports often put a title (消费明细报表 2026-11-23 至
 * 2026-11-29), a period or an empty line above the table. Every kind has at least two columns, so
 * a row with fewer filled cells is no header when a row with two or more follows it; without one,
 * the first row stays the header and the file is judged by it as before.
 */
export function headerRowIndex(rows: readonly (readonly CellValue[])[]): number {
  const limit = Math.min(rows.length, TITLE_ROWS_LOOKED_AT);
  for (let index = 0; index < limit; index++) if (filledCells(rows[index]) >= 2) return index;
  return 0;
}
