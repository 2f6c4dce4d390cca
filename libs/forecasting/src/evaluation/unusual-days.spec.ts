import { parseIsoDate } from '../core/iso-date';
import { createCalendar } from '../core/service-calendar';
import { thinlyInformedDays, unusualDays } from './unusual-days';

const dates = (list: readonly string[]) => Int32Array.from(list, parseIsoDate);

describe('unusual days', () => {
  it('are the days in a calendar period and the week on either side of a break in service', () => {
    // Mondays to Fridays of three weeks and, after a two-week break, of two more.
    const served = [
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10',
      '2026-04-13',
      '2026-04-14',
      '2026-04-15',
      '2026-04-16',
      '2026-04-17',
    ];
    const calendar = createCalendar({ days: { '2026-03-04': 'holiday' }, periods: [{ name: 'event', from: '2026-04-16', to: '2026-04-16' }] });
    const flags = unusualDays(dates(served), calendar);
    const unusual = served.filter((_, i) => flags[i] === 1);
    expect(unusual).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20', // the last week before the break
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10', // the first week back
      '2026-04-16', // the event
    ]);
    // A single holiday and a weekend are no break; without a calendar only the break counts.
    expect(unusualDays(dates(served)).reduce((sum, flag) => sum + flag, 0)).toBe(10);
  });
});

describe('thinly informed forecasts', () => {
  /** Mondays to Fridays from `from` for `weeks` weeks. */
  function weekdays(from: string, weeks: number): number[] {
    const start = parseIsoDate(from);
    return Array.from({ length: weeks * 7 }, (_, k) => start + k).filter((_, k) => k % 7 < 5);
  }

  it('are the first weeks of a series and the weeks after a long break, not those after a holiday week', () => {
    // Ten weeks of service, a break of 20 weeks, ten weeks more; then a closed holiday week and five more weeks.
    const days = Int32Array.from([...weekdays('2025-09-01', 10), ...weekdays('2026-03-02', 10), ...weekdays('2026-05-18', 5)]);
    const lead = 14;
    const flags = unusualDays(
      days,
      undefined,
      thinlyInformedDays(days, (i) => days[i] - lead),
    );
    const flagged = (from: number, to: number) => Array.from(flags.subarray(from, to)).join('');
    // Made 14 days ahead, a forecast has 15 service days of the six weeks before its origin in view from the 25th day on.
    expect(flagged(0, 25)).toBe('1111111111111111111111110');
    expect(flagged(25, 50)).toBe('0000000000000000000011111'); // the week before the break
    // After the break: forecast from in it or from the new term's first weeks, until 15 days of it are in view.
    expect(flagged(50, 75)).toBe('1111111111111111111111110');
    expect(flagged(75, 100)).toBe('0000000000000000000011111');
    // The holiday week (a gap of 10 days) leaves the term before it in view: only the week back is unusual.
    expect(flagged(100, 125)).toBe('1111100000000000000000000');
    // Without origins, only the breaks' neighbouring weeks.
    expect(Array.from(unusualDays(days)).reduce((sum, flag) => sum + flag, 0)).toBe(20);
  });
});
