import type { CellValue, SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';

/**
 * Two card-system exports joined into one file repeat the payment at the seam, right after itself:
 * consecutive records of one serial are one payment, so it would be stored with its lines twice.
 * Without a line-number column (明细序号) that cannot be told from a diner who bought the same lines
 * again, so such a payment is stored as it is and its second half flagged for a person to check.
 *
 * A single line repeated (k = 1) is flagged too: most canteen payments are one line (a set meal),
 * so a seam over one of them is exactly two identical lines; a finance user reconciling with the
 * card system would rather glance at two identical set meals than miss a payment counted twice.
 */
export interface SeamRepeat {
  /** Records of each half. */
  half: number;
  reason: string;
}

const same = (a: CellValue | undefined, b: CellValue | undefined) => (a ?? null) === (b ?? null);

/** The repeat when the records split into two halves equal in every mapped column, else null. */
export function seamRepeat(records: readonly SourceRecord[], mappedColumns: readonly number[]): SeamRepeat | null {
  if (records.length < 2 || records.length % 2 !== 0) return null;
  const half = records.length / 2;
  for (let index = 0; index < half; index++) {
    const first = records[index].values;
    const second = records[half + index].values;
    for (const column of mappedColumns) if (!same(first[column], second[column])) return null;
  }
  const span = (from: number, to: number) => {
    const [a, b] = [records[from].line, records[to].line];
    return a === b ? `${a}` : `${a}–${b}`;
  };
  const [original, repeat] = [span(0, half - 1), span(half, records.length - 1)];
  return {
    half,
    reason: bilingual(
      `第 ${repeat} 行与第 ${original} 行完全相同（同一笔交易）：如果文件由两份导出拼接而成，这笔交易被计了两次；请删除重复的行后重新导入，或导出带明细序号的文件`,
      `line${half > 1 ? 's' : ''} ${repeat} repeat${half > 1 ? '' : 's'} line${half > 1 ? 's' : ''} ${original} exactly (one payment): if the file joins two exports, this payment is counted twice; remove the repeated lines and re-import, or export with line numbers`,
    ),
  };
}
