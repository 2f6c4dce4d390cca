import { fenToYuan as yuanOf } from '@larder/domain';

/** Number formats: money in yuan with the ¥ sign, stored as numbers; dates as real spreadsheet dates. */
export const FORMATS = {
  yuan: '"¥"#,##0.00;[Red]-"¥"#,##0.00',
  integer: '#,##0',
  decimal1: '#,##0.0',
  decimal2: '#,##0.00',
  kg: '#,##0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm:ss',
  text: '@',
} as const;

export type NumberFormat = (typeof FORMATS)[keyof typeof FORMATS];

export { looksLikeFormula } from '@larder/domain';

/** A formula with the value Larder computed, so a reader that does not recalculate still shows it. */
export interface FormulaCell {
  formula: string;
  result: number | string | null;
}

/** Text that came from imported data; always written as a text cell in Text format, never as a formula. */
export interface TextCell {
  text: string;
}

export type CellInput = null | undefined | number | string | Date | FormulaCell | TextCell;

/** A cell's yuan from fen (whole fen first), by the money owner of @larder/domain. */
export function fenToYuan(fen: number): number;
export function fenToYuan(fen: number | null): number | null;
export function fenToYuan(fen: number | null): number | null {
  return fen === null ? null : yuanOf(Math.round(fen));
}

/**
 * Figures written into a sentence (a line under a table), read the way their cells print them:
 * counts grouped, percentages to one decimal as FORMATS.percent, yuan to the fen.
 */
export const noteText = {
  count: (value: number): string => value.toLocaleString('en-US'),
  percent: (ratio: number): string => `${(ratio * 100).toFixed(1)}%`,
  yuan: (fen: number): string => fenToYuan(fen).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** A canteen-local date 'YYYY-MM-DD' as the spreadsheet date of that day (no time-zone shift). */
export function sheetDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** A moment as the wall-clock time in a time zone, as a spreadsheet date-time. */
export function sheetDateTime(moment: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return new Date(`${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}Z`);
}

/** 'yyyy-mm-dd HH:mm' in a time zone, for titles and page headers. */
export function localStamp(moment: Date, timeZone: string): string {
  return sheetDateTime(moment, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function isFormula(value: CellInput): value is FormulaCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}

export function isText(value: CellInput): value is TextCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'text' in value;
}
