import { formatIsoDate, isoWeekday, parseIsoDate } from './iso-date';
import { createServiceSeries } from './service-series';

describe('iso dates', () => {
  it('round-trips and knows the weekday', () => {
    const day = parseIsoDate('2026-11-25');
    expect(formatIsoDate(day)).toBe('2026-11-25');
    expect(isoWeekday(day)).toBe(2); // a Wednesday
    expect(isoWeekday(parseIsoDate('1969-12-29'))).toBe(0); // negative epoch days too
  });

  it('rejects impossible or malformed dates', () => {
    expect(() => parseIsoDate('2021-02-30')).toThrow(/no such calendar day/);
    expect(() => parseIsoDate('25/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('service series', () => {
  it('refuses unsorted dates and negative values', () => {
    expect(() => createServiceSeries({ dates: ['2026-01-06', '2026-01-05'], values: [1, 2] })).toThrow(/strictly increasing/);
    expect(() => createServiceSeries({ dates: ['2026-01-05'], values: [-1] })).toThrow(/non-negative/);
  });
});
