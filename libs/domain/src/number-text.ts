/**
 * Why a cell's text is not read as a number:
 * - `decimal-comma`: one comma and digits after it, no point (12,5; 0,75; ,5) — a decimal comma;
 * - `misplaced-comma`: a number but for where its commas stand (1,23.4; 1,2,3; 1,2345.00);
 * - `not-a-number`: no decimal number at all, whatever its commas (abc, 0x10, 12,3x, Infinity).
 */
export type NumberTextProblem = 'not-a-number' | 'decimal-comma' | 'misplaced-comma';

/** A number's text taken apart: digits only, thousands separators removed. */
export interface NumberTextParts {
  readonly negative: boolean;
  /** Digits before the point, possibly '' (.5). */
  readonly whole: string;
  /** Digits after the point, possibly ''. */
  readonly fraction: string;
  /** The power of ten after an e or E, with its sign ('-5', '+3', '3'), or '' when there is none. */
  readonly exponent: string;
}

/** Decimal notation: a sign, digits with an optional point (at least one digit), an optional exponent. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Thousands separators in groups of three after one to three leading digits (1,234.5; 12,345,678). */
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** One comma with digits after it and no point: 12,5 means twelve and a half where commas are decimal points. */
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

function partsOf(match: RegExpExecArray, commas: boolean): NumberTextParts | null {
  const whole = commas ? match[2].replace(/,/g, '') : match[2];
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return null;
  return { negative: match[1] === '-', whole, fraction, exponent: match[4] ?? '' };
}

/**
 * The one rule for a number in a person's file (an import, a `larder backtest` history): decimal
 * notation with a point (12.5, .5, -3, +4, 1e3); a comma only as a thousands separator, in groups
 * of three (1,234 and 1,234.5). Nothing else is guessed: 0x10 is not 16, and a comma anywhere else
 * is refused — 12,5 is 12.5 in a decimal-comma locale, and read as 125 it would be ten times the
 * amount. Surrounding blank space is ignored. Callers name the problem in their own words.
 */
export function numberTextParts(text: string): NumberTextParts | NumberTextProblem {
  const trimmed = text.trim();
  if (!trimmed.includes(',')) {
    const match = DECIMAL.exec(trimmed);
    return (match && partsOf(match, false)) ?? 'not-a-number';
  }
  const grouped = GROUPED.exec(trimmed);
  if (grouped) return partsOf(grouped, true)!;
  const withoutCommas = DECIMAL.exec(trimmed.replace(/,/g, ''));
  if (!withoutCommas || partsOf(withoutCommas, false) === null) return 'not-a-number';
  return DECIMAL_COMMA.test(trimmed) ? 'decimal-comma' : 'misplaced-comma';
}

/** The plain spellings (12, -3, 12.5) need no taking apart: most cells of most files are these. */
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;

/** The value of a number's text by `numberTextParts`' rule; a finite number or why there is none. */
export function readNumberText(text: string): number | NumberTextProblem {
  if (PLAIN.test(text)) return Number(text);
  const parts = numberTextParts(text);
  if (typeof parts === 'string') return parts;
  const value = Number(`${parts.negative ? '-' : ''}${parts.whole || '0'}.${parts.fraction || '0'}${parts.exponent === '' ? '' : `e${parts.exponent}`}`);
  return Number.isFinite(value) ? value : 'not-a-number';
}
