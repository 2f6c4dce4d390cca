/** The column the page query adds: the watermark as the vendor's own text, so it goes back into $1 exactly. */
export const WATERMARK_ALIAS = '__larder_watermark';

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The source's query, ordered and limited on its watermark column: one page of keyset pagination. */
export function pageSql(options: { query: string; watermarkColumn: string; limit: number }): string {
  const column = `src.${quoteIdentifier(options.watermarkColumn)}`;
  return `SELECT src.*, (${column})::text AS ${WATERMARK_ALIAS} FROM (${options.query}) AS src WHERE ${column} IS NOT NULL ORDER BY ${column} LIMIT ${options.limit}`;
}

export interface PageCut<T> {
  rows: T[];
  /** The watermark after these rows: the last kept row's. */
  watermark: string | null;
  /** No rows after these. */
  last: boolean;
  /** Every row of a full page shared one watermark: ask again with a larger limit. */
  tooSmall: boolean;
}

/**
 * A full page may end inside a run of rows sharing one watermark (the lines of one payment share
 * its time). Those rows are left for the next page, which asks for rows after the last kept one,
 * so no row is skipped and a payment is never split over two batches.
 */
export function cutPage<T extends Record<string, unknown>>(rows: T[], limit: number): PageCut<T> {
  const marks = rows.map((row) => String(row[WATERMARK_ALIAS]));
  if (rows.length < limit) return { rows, watermark: marks.length ? marks[marks.length - 1] : null, last: true, tooSmall: false };
  const lastMark = marks[marks.length - 1];
  let end = rows.length;
  while (end > 0 && marks[end - 1] === lastMark) end--;
  if (end === 0) return { rows: [], watermark: null, last: false, tooSmall: true };
  return { rows: rows.slice(0, end), watermark: marks[end - 1], last: false, tooSmall: false };
}
