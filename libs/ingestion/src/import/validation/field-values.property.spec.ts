import fc from 'fast-check';
import { FieldProblem, parseBoolean, parseDate, parseDateTime, parseDecimal, parseInteger, parseMoney, parseTimeOfDay } from './field-values';

fc.configureGlobal({ seed: 20261125, numRuns: 300 });

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A money amount in fen and one of the ways a vendor's export spells it in yuan. */
const moneySpelling = fc
  .record({
    fen: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
    symbol: fc.constantFrom('', '¥', '￥'),
    commas: fc.boolean(),
    decimals: fc.constantFrom(0, 1, 2),
    space: fc.constantFrom('', ' ', '\t'),
  })
  .map(({ fen, symbol, commas, decimals, space }) => {
    const abs = Math.abs(fen);
    const whole = String(Math.floor(abs / 100));
    const cents = pad(abs % 100);
    // fewer decimals only where they lose nothing: "12.5" for 1250, "12" for 1200
    const places = Math.max(decimals, cents === '00' ? 0 : cents.endsWith('0') ? 1 : 2);
    const fraction = places === 0 ? '' : `.${cents.slice(0, places)}`;
    // the sign follows the currency sign, as exports write it: "¥-12.50"
    const text = `${space}${symbol}${fen < 0 ? '-' : ''}${commas ? withCommas(whole) : whole}${fraction}${space}`;
    return { fen, text };
  });

/** Anything a broken export might put in a cell. */
const garbage = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom(...'0123456789.,-+¥￥ :/T年月日Ze'.split('')), maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));

function readsOrExplains<T>(parse: () => T): T | FieldProblem {
  try {
    return parse();
  } catch (error) {
    // a FieldProblem becomes the row's quarantine reason; anything else would abort the whole import
    expect(error).toBeInstanceOf(FieldProblem);
    expect((error as FieldProblem).zh.length).toBeGreaterThan(0);
    expect((error as FieldProblem).en.length).toBeGreaterThan(0);
    return error as FieldProblem;
  }
}

describe('money (properties)', () => {
  it('reads every yuan spelling back to the exact fen', () => {
    fc.assert(fc.property(moneySpelling, ({ fen, text }) => expect(parseMoney(text, 'yuan')).toBe(fen)));
  });

  it('reads numbers of yuan with at most two decimals exactly, and fen as whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (fen) => {
        expect(parseMoney(fen / 100, 'yuan')).toBe(fen);
        expect(parseMoney(String(fen), 'fen')).toBe(fen);
      }),
    );
  });

  it('gives garbage a reason, never a crash, and never a fractional or unsafe fen', () => {
    fc.assert(
      fc.property(garbage, (text) => {
        const result = readsOrExplains(() => parseMoney(text, 'yuan'));
        if (typeof result === 'number') expect(Number.isSafeInteger(result)).toBe(true);
      }),
    );
  });
});

const calendarDay = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((date) => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  iso: date.toISOString().slice(0, 10),
}));

describe('dates and times (properties)', () => {
  it('reads a calendar day in every accepted spelling as the same ISO date', () => {
    const spellings = [
      (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
      (d: { year: number; month: number; day: number }) => `${d.year}/${d.month}/${d.day}`,
      (d: { year: number; month: number; day: number }) => `${d.year}.${pad(d.month)}.${pad(d.day)}`,
      (d: { year: number; month: number; day: number }) => `${d.year}${pad(d.month)}${pad(d.day)}`,
      (d: { year: number; month: number; day: number }) => `${d.year}年${d.month}月${d.day}日`,
      (d: { year: number; month: number; day: number }) => ` ${d.year}-${pad(d.month)}-${pad(d.day)} 12:30:00`,
    ];
    fc.assert(fc.property(calendarDay, fc.constantFrom(...spellings), (day, spell) => expect(parseDate(spell(day))).toBe(day.iso)));
  });

  it('reads an instant in every accepted spelling, with the Shanghai date and minute of day', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }).map((seconds) => new Date(seconds * 1000));
    const spell = fc.constantFrom('wall', 'wall-slash', 'offset', 'offset-compact', 'utc', 'fraction');
    fc.assert(
      fc.property(instant, spell, (at, spelling) => {
        const wall = new Date(at.getTime() + 8 * 3_600_000).toISOString();
        const [date, time] = [wall.slice(0, 10), wall.slice(11, 19)];
        const text = {
          wall: `${date} ${time}`,
          'wall-slash': `${date.replace(/-/g, '/')} ${time}`,
          offset: `${date}T${time}+08:00`,
          'offset-compact': `${date} ${time}+0800`,
          utc: `${at.toISOString().slice(0, 19)}Z`,
          fraction: `${date}T${time}.000+08:00`,
        }[spelling];
        const read = parseDateTime(text, 'Asia/Shanghai');
        expect(read.instant.getTime()).toBe(at.getTime());
        expect(read.localDate).toBe(date);
        expect(read.localMinutes).toBe(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
      }),
    );
  });

  it('reads an explicit offset as the same instant in any canteen zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }), fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'Europe/Berlin', 'UTC'), (seconds, zone) => {
        const text = `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
        expect(parseDateTime(text, zone).instant.getTime()).toBe(seconds * 1000);
      }),
    );
  });

  it('gives garbage dates, times, numbers and flags a reason, never a crash', () => {
    fc.assert(
      fc.property(garbage, (text) => {
        const date = readsOrExplains(() => parseDate(text));
        if (typeof date === 'string') expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const instant = readsOrExplains(() => parseDateTime(text, 'Asia/Shanghai'));
        if (!(instant instanceof FieldProblem)) expect(Number.isFinite(instant.instant.getTime())).toBe(true);
        readsOrExplains(() => parseTimeOfDay(text));
        const whole = readsOrExplains(() => parseInteger(text, { min: 0 }));
        if (typeof whole === 'number') expect(Number.isInteger(whole) && whole >= 0).toBe(true);
        const decimal = readsOrExplains(() => parseDecimal(text));
        if (typeof decimal === 'number') expect(Number.isFinite(decimal)).toBe(true);
        readsOrExplains(() => parseBoolean(text));
      }),
    );
  });
});
