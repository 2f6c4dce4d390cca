import { previousPeriod } from './finance-months.calculator';

describe('the finance page’s previous period', () => {
  it('is the months before a whole-month range, and as many days before any other', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-11-30' })).toEqual({ from: '2026-08-01', to: '2026-09-30' });
    expect(previousPeriod({ from: '2026-11-08', to: '2026-11-14' })).toEqual({ from: '2026-11-01', to: '2026-11-07' });
  });

  it('sets a month still running against the same days of the month before', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-05')).toEqual({ from: '2026-11-01', to: '2026-11-05' });
    expect(previousPeriod({ from: '2026-11-01', to: '2026-12-31' }, '2026-12-05')).toEqual({ from: '2026-09-01', to: '2026-10-05' });
    // a day the shorter month lacks ends on that month's last day
    expect(previousPeriod({ from: '2027-03-01', to: '2027-03-31' }, '2027-03-30')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    // any other range: as many days before as it has through that day
    expect(previousPeriod({ from: '2026-11-20', to: '2026-12-20' }, '2026-12-05')).toEqual({ from: '2026-11-04', to: '2026-11-19' });
  });
});
