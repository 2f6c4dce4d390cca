import { daysInMonth, NumberTextParts, numberTextParts, NumberTextProblem, readNumberText, yearFirstDate } from '@larder/domain';
import type { CellValue } from '../formats/record-stream';

/** A field that cannot be read; the message says what was expected, in words a canteen clerk understands. */
export class FieldProblem extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function textOf(value: CellValue): string | null {
  if (value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

const show = (value: CellValue) => JSON.stringify(String(value).slice(0, 60));

/** Why a cell is no number, in the caller's words when it is none at all, in the rule's when its commas are wrong. */
function refused(value: CellValue, problem: NumberTextProblem, notNumber: () => FieldProblem): FieldProblem {
  // 12,5 is 12.5 in a decimal-comma locale: refused, never read as 125 (ten times the amount)
  if (problem === 'decimal-comma') {
    return new FieldProblem(`${show(value)} 中的逗号不是千位分隔符；小数请用小数点（12.5）`, `${show(value)}: a comma may only separate thousands (1,234.5); write decimals with a point (12.5)`);
  }
  if (problem === 'misplaced-comma') {
    return new FieldProblem(`${show(value)} 中的逗号位置不对：逗号只能作千位分隔符，每三位一组（1,234.5）`, `${show(value)}: a comma may only separate thousands, in groups of three (1,234.5)`);
  }
  return notNumber();
}

/** A number's text taken apart by @larder/domain's rule, or the reason it is refused. */
function numberParts(value: CellValue, text: string, notNumber: () => FieldProblem): NumberTextParts {
  const parts = numberTextParts(text);
  if (typeof parts === 'string') throw refused(value, parts, notNumber);
  return parts;
}

const DIGITS = /^[+-]?\d+$/;

export function parseInteger(value: CellValue, range: { min?: number; max?: number } = {}): number {
  const notWhole = () => new FieldProblem(`${show(value)} 不是整数`, `${show(value)} is not a whole number`);
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && DIGITS.test(value)) number = Number(value);
  else {
    const parts = numberParts(value, String(value), notWhole);
    // a whole number in exponent notation is how a spreadsheet shows a long number it has cut (1.23457E+11)
    if (parts.exponent !== '' || !/^0*$/.test(parts.fraction)) throw notWhole();
    number = Number(`${parts.negative ? '-' : ''}${parts.whole || '0'}`);
  }
  if (!Number.isInteger(number)) throw notWhole();
  checkRange(number, range);
  return number;
}

export function parseDecimal(value: CellValue, range: { min?: number; max?: number } = {}): number {
  const notNumber = () => new FieldProblem(`${show(value)} 不是数字`, `${show(value)} is not a number`);
  const number = typeof value === 'number' ? value : readNumberText(String(value));
  if (typeof number === 'string') throw refused(value, number, notNumber);
  if (!Number.isFinite(number)) throw notNumber();
  checkRange(number, range);
  return number;
}

function checkRange(number: number, range: { min?: number; max?: number }): void {
  if (range.min !== undefined && number < range.min) throw new FieldProblem(`${number} 小于允许的最小值 ${range.min}`, `${number} is below the minimum ${range.min}`);
  if (range.max !== undefined && number > range.max) throw new FieldProblem(`${number} 超过允许的最大值 ${range.max}`, `${number} is above the maximum ${range.max}`);
}

/** The common spelling, "-12.50", read digit by digit: money is parsed several times on every row. */
function plainYuan(text: string): number | null {
  if (typeof text !== 'string') return null;
  const length = text.length;
  const negative = text.charCodeAt(0) === 45;
  if (length < 4 || length > 12 || text.charCodeAt(length - 3) !== 46) return null;
  let fen = 0;
  for (let index = negative ? 1 : 0; index < length; index++) {
    if (index === length - 3) continue;
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    fen = fen * 10 + digit;
  }
  return negative ? -fen : fen;
}

/** Money to integer fen without floating-point rounding: "12.5" yuan -> 1250. */
export function parseMoney(value: CellValue, unit: 'yuan' | 'fen'): number {
  if (unit === 'fen') return parseInteger(value);
  if (typeof value === 'number') {
    const fen = Math.round(value * 100);
    if (!Number.isFinite(value) || Math.abs(fen - value * 100) > 1e-6 * Math.max(1, Math.abs(fen))) {
      throw new FieldProblem(`${value} 不是以元为单位、最多两位小数的金额`, `${value} is not an amount in yuan with at most two decimals`);
    }
    return fen;
  }
  const fast = plainYuan(value as string);
  if (fast !== null) return fast;
  const notAmount = () => new FieldProblem(`${show(value)} 不是金额（应为元，最多两位小数）`, `${show(value)} is not an amount (yuan, at most two decimals)`);
  // the yuan sign stands before or after the minus, as exports write it: ¥-12.50 or -¥12.50
  let text = String(value).trim();
  const signed = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  const symbol = text.charCodeAt(signed);
  if (symbol === 0xa5 || symbol === 0xffe5) text = text.slice(0, signed) + text.slice(signed + 1);
  // or the unit after the figure, as Chinese exports write it: 18.00元, 1,018.00 元
  else if (text.endsWith('元')) text = text.slice(0, -1).trimEnd();
  const parts = numberParts(value, text, notAmount);
  if (parts.exponent !== '' || parts.fraction.length > 2) throw notAmount();
  const fen = Number(parts.whole || '0') * 100 + Number(parts.fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > 2_000_000_000) throw new FieldProblem(`金额 ${show(value)} 过大`, `the amount ${show(value)} is too large`);
  return parts.negative ? -fen : fen;
}

const notCalendarDate = (value: CellValue) => new FieldProblem(`${show(value)} 不是有效日期`, `${show(value)} is not a calendar date`);

/** A date in any spelling @larder/domain's yearFirstDate reads. */
export function parseDate(value: CellValue): string {
  const date = yearFirstDate(String(value));
  if (date === 'format') throw new FieldProblem(`${show(value)} 不是日期（应为 YYYY-MM-DD）`, `${show(value)} is not a date (expected YYYY-MM-DD)`);
  if (date === 'calendar') throw notCalendarDate(value);
  return date;
}

/** A calendar month, 2026-12 or 2026年12月, as its first day. */
export function parseMonth(value: CellValue): string {
  const match = /^(\d{4})[-/年](\d{1,2})月?$/.exec(String(value).trim());
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new FieldProblem(`${show(value)} 不是月份（应为 YYYY-MM）`, `${show(value)} is not a month (expected YYYY-MM)`);
  return `${match[1]}-${String(month).padStart(2, '0')}-01`;
}

export function parseTimeOfDay(value: CellValue): string {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(String(value).trim());
  if (!match || Number(match[1]) > 24 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59)
    throw new FieldProblem(`${show(value)} 不是时刻（应为 HH:mm）`, `${show(value)} is not a time of day (expected HH:mm)`);
  return `${match[1].padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}`;
}

export interface LocalInstant {
  instant: Date;
  localDate: string;
  /** Minutes after local midnight. */
  localMinutes: number;
}

/**
 * A date in any year-first spelling yearFirstDate reads (2026-11-24, 2026/11/24, 2026.11.24,
 * 2026年11月24日, 20261124), then an optional time and zone; or the 14 digits card systems write
 * (20261124120130). The date part is read by yearFirstDate, the one rule for dates in people's files.
 */
const DATE_TIME = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日?|\d{8})(?:(?:\s+|T)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT_DATE_TIME = /^(\d{8})(\d{2})(\d{2})(\d{2})$/;
const offsetCache = new Map<string, number>();

/** The zone's UTC offset in minutes at an instant, cached by hour: Intl is far too slow to ask per row. */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  if (timeZone === 'Asia/Shanghai') return 480;
  const hour = Math.floor(utcMs / 3_600_000);
  const key = `${timeZone}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(
      new Date(hour * 3_600_000),
    );
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    offset = Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - hour * 3_600_000) / 60_000);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

let lastDateTime: { text: string; timeZone: string; result: LocalInstant } | null = null;

/** A time with an offset is an instant; one without is the canteen's wall clock. */
export function parseDateTime(value: CellValue, timeZone: string): LocalInstant {
  // the lines of one payment repeat its time: the previous answer is often the right one
  if (lastDateTime !== null && lastDateTime.text === value && lastDateTime.timeZone === timeZone) return lastDateTime.result;
  const result = parseDateTimeUncached(value, timeZone);
  if (typeof value === 'string') lastDateTime = { text: value, timeZone, result };
  return result;
}

const DAY_MS = 86_400_000;
const localDates = new Map<number, string>();

/** yyyy-mm-dd of a day number, cached: every row needs one and few days occur. */
function localDateOf(dayNumber: number): string {
  let text = localDates.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (localDates.size > 100_000) localDates.clear();
    localDates.set(dayNumber, text);
  }
  return text;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The common spellings, "2026-11-24 12:01:30" and "2026-11-24T12:01:30+08:00", read by position:
 * this runs for every payment of a multi-million-line file. Anything else (or anything odd) is left
 * to the general parser, which also produces the messages.
 */
function parseDateTimeFast(text: string, timeZone: string): LocalInstant | null {
  const length = text.length;
  if (length !== 19 && length !== 20 && length !== 25) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const separator = text.charCodeAt(10);
  if (separator !== 32 && separator !== 84) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (day > daysInMonth(year, month)) return null;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  let utcMs: number;
  if (length === 19) {
    utcMs = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  } else if (length === 20) {
    if (text.charCodeAt(19) !== 90) return null;
    utcMs = wallMs;
  } else {
    const sign = text.charCodeAt(19) === 43 ? 1 : text.charCodeAt(19) === 45 ? -1 : 0;
    const offsetHours = digits(text, 20, 2);
    const offsetMinutes = digits(text, 23, 2);
    if (sign === 0 || text.charCodeAt(22) !== 58 || offsetHours < 0 || offsetMinutes < 0) return null;
    utcMs = wallMs - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const localMs = utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000;
  const localDay = Math.floor(localMs / DAY_MS);
  return { instant: new Date(utcMs), localDate: localDateOf(localDay), localMinutes: Math.floor((localMs - localDay * DAY_MS) / 60_000) };
}

function parseDateTimeUncached(value: CellValue, timeZone: string): LocalInstant {
  if (typeof value === 'string') {
    const fast = parseDateTimeFast(value, timeZone);
    if (fast !== null) return fast;
  }
  const text = String(value).trim();
  const compact = COMPACT_DATE_TIME.exec(text);
  const match: (string | undefined)[] | null = compact ? [text, compact[1], compact[2], compact[3], compact[4], undefined, undefined] : DATE_TIME.exec(text);
  if (!match) throw new FieldProblem(`${show(value)} 不是日期时间（应为 YYYY-MM-DD HH:mm:ss）`, `${show(value)} is not a date and time (expected YYYY-MM-DD HH:mm:ss)`);
  const [, datePart = '', hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const date = yearFirstDate(datePart);
  if (date === 'format') throw new FieldProblem(`${show(value)} 不是日期时间（应为 YYYY-MM-DD HH:mm:ss）`, `${show(value)} is not a date and time (expected YYYY-MM-DD HH:mm:ss)`);
  if (date === 'calendar') throw notCalendarDate(value);
  const [year, month, day] = date.split('-');
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw new FieldProblem(`${show(value)} 的时刻无效`, `${show(value)} has an impossible time of day`);
  const wallMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  let utcMs: number;
  if (zone) {
    const sign = zone === 'Z' ? 0 : zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[^0-9]/g, '');
    utcMs = wallMs - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  } else {
    utcMs = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  }
  const localMs = utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000;
  const local = new Date(localMs);
  return { instant: new Date(utcMs), localDate: local.toISOString().slice(0, 10), localMinutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function parseBoolean(value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 't', '1', 'yes', 'y', '是', '开'].includes(text)) return true;
  if (['false', 'f', '0', 'no', 'n', '否', '关'].includes(text)) return false;
  throw new FieldProblem(`${show(value)} 不是“是/否”`, `${show(value)} is not yes/no`);
}

/**
 * Whole numbers as people list them in a cell: 1,3,5 or 1、3、5 or 1;3;5 or {1,3,5}. Text that is
 * also one number by the one number rule (1,234; 12,345) could be either, so it is refused rather
 * than guessed: read as a list it is the wrong days, read as a number the wrong count.
 */
export function parseIntegerList(value: CellValue): number[] {
  const text = String(value)
    .trim()
    .replace(/^[{[]|[}\]]$/g, '');
  if (text === '') return [];
  const items = text.split(/[,;|、\s]+/);
  const asNumber = text.includes(',') ? readNumberText(text) : null;
  if (typeof asNumber === 'number') {
    throw new FieldProblem(
      `${show(value)} 既可读作一个数 ${asNumber}，也可读作 ${items.join('、')}：列表请用顿号或分号分隔（${items.join('、')}），一个数请去掉千位分隔符`,
      `${show(value)} reads as the number ${asNumber} or as the list ${items.join(', ')}: separate a list with 、 or ; (${items.join(';')}), write one number without the thousands separator`,
    );
  }
  return items.map((part) => parseInteger(part));
}

export function parseTextList(value: CellValue): string[] {
  return String(value)
    .split(/[;|、]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A code as a Chinese message offers it: its first Chinese spelling, then the code (早餐 breakfast, 公斤 kg). */
function chineseSpelling(code: string, synonyms: Record<string, string>): string {
  const spelling = Object.keys(synonyms).find((key) => synonyms[key] === code && /[\u3400-\u9fff]/.test(key));
  return spelling === undefined ? code : `${spelling} ${code}`;
}

/** A coded value by its canonical name or any known spelling (早餐 -> breakfast). */
export function parseCode<T extends string>(
  value: CellValue,
  options: { allowed: readonly T[]; synonyms: Record<string, T>; extra?: Record<string, string>; what: [zh: string, en: string]; advice?: Record<string, [zh: string, en: string]> },
  extra = options.extra,
): T {
  const text = String(value).trim();
  // canonical spellings are the common case: no lower-casing, no synonym lookups
  if ((options.allowed as readonly string[]).includes(text) && extra?.[text] === undefined) return text as T;
  const key = text.toLowerCase();
  const resolved = extra?.[text] ?? options.synonyms[text] ?? options.synonyms[key] ?? key;
  if ((options.allowed as readonly string[]).includes(resolved)) return resolved as T;
  // a spelling people use that Larder does not store as such: what to write instead
  const advice = options.advice?.[text] ?? options.advice?.[key];
  const [zhAdvice, enAdvice] = advice ? [`；${advice[0]}`, `; ${advice[1]}`] : ['', ''];
  throw new FieldProblem(
    `未知的${options.what[0]} ${show(value)}（可用：${options.allowed.map((code) => chineseSpelling(code, options.synonyms)).join('、')}）${zhAdvice}`,
    `unknown ${options.what[1]} ${show(value)} (expected one of ${options.allowed.join(', ')})${enAdvice}`,
  );
}
