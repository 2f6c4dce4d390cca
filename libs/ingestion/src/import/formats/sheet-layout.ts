import { bilingual } from '../messages';
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

/** 合计, 总计, 小计, Total …, alone or with a count or an amount after it (合计：253笔, Total: ¥7,568.00). */
const TOTAL_LABEL = /^(合计|总计|小计|本页合计|总合计|累计|汇总|grand\s*total|sub\s*total|total|sum)\s*[:：]?\s*[\d,.\s¥￥元笔条份项行]*$/i;

/**
 * A total or subtotal row at the foot of an export is not a record: its first filled cell says so.
 * It is quarantined with this reason, so the count of refused rows is explained and nothing is
 * summed twice, rather than refused for the columns a total row leaves empty.
 */
export function totalRowProblem(values: readonly CellValue[]): string | undefined {
  const first = values.find((value) => value !== null && value !== undefined && String(value).trim() !== '');
  if (first === undefined || typeof first !== 'string' || !TOTAL_LABEL.test(first.trim())) return undefined;
  return bilingual(
    `这是导出文件的合计行（“${first.trim()}”），不是一条记录，未导入；无需处理，导出时也可不带合计行`,
    `this is the export's total row ("${first.trim()}"), not a record, and was not imported; nothing to do (the export may also leave the total out)`,
  );
}
