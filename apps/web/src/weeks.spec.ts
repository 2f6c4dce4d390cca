import { nextWeek, weeksAroundNext } from './weeks';

describe('the coming week on the page', () => {
  it('is taken from today in Shanghai, not in UTC', () => {
    // Sunday 2026-12-06 20:00 UTC is already Monday 12-07 in Shanghai: the coming week is W51.
    expect(nextWeek(new Date('2026-12-06T20:00:00Z'))).toBe('2026-W51');
    expect(nextWeek(new Date('2026-12-05T04:00:00Z'))).toBe('2026-W50');
    expect(nextWeek(new Date('2026-12-28T04:00:00Z'))).toBe('2027-W01');
  });

  it('gives the demand page four past weeks and the coming one', () => {
    expect(weeksAroundNext(new Date('2026-12-05T04:00:00Z'))).toEqual({ from: '2026-11-09', to: '2026-12-13' });
  });
});
