import { parseIsoDate } from '../core/iso-date';
import { createCalendar } from '../core/service-calendar';
import { unusualDays } from './unusual-days';

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
