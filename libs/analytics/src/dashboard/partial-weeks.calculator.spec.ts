import { partialWeeks } from './partial-weeks.calculator';

describe('partialWeeks', () => {
  const period = { from: '2026-10-26', to: '2026-11-22' };

  it('marks the week the data begins in and the one it ends in, with their days', () => {
    // data from Saturday 2026-10-31 to Friday 2026-11-20: two days of W44, five of W47
    expect(partialWeeks(period, { first: '2026-10-31', last: '2026-11-20' })).toEqual([
      { week: '2026-W44', days: 2 },
      { week: '2026-W47', days: 5 },
    ]);
  });

  it('marks nothing when the data spans every week, and every week when there is no data', () => {
    expect(partialWeeks(period, { first: '2026-01-01', last: '2026-12-31' })).toEqual([]);
    expect(partialWeeks(period, null).map((row) => row.days)).toEqual([0, 0, 0, 0]);
    expect(partialWeeks(period, { first: '2026-11-23', last: '2026-12-31' }).map((row) => row.days)).toEqual([0, 0, 0, 0]);
  });
});
