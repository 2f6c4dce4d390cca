import { reportPeriodOf } from './report-period';

describe('the report period of a page range', () => {
  const today = '2026-12-05';

  it('is the month or week the range is exactly', () => {
    expect(reportPeriodOf({ from: '2026-10-01', to: '2026-10-31' }, { weekly: true, today })).toEqual({ month: '2026-10' });
    expect(reportPeriodOf({ from: '2026-02-01', to: '2026-02-28' }, { weekly: false, today })).toEqual({ month: '2026-02' });
    expect(reportPeriodOf({ from: '2026-11-23', to: '2026-11-29' }, { weekly: true, today })).toEqual({ week: '2026-W48' });
  });

  it('a week on a monthly report, or any other range, is the last complete month it reaches', () => {
    expect(reportPeriodOf({ from: '2026-11-23', to: '2026-11-29' }, { weekly: false, today })).toEqual({ month: '2026-10' });
    expect(reportPeriodOf({ from: '2026-11-10', to: '2026-12-05' }, { weekly: true, today })).toEqual({ month: '2026-11' });
    expect(reportPeriodOf({ from: '2026-09-15', to: '2026-11-30' }, { weekly: true, today })).toEqual({ month: '2026-11' });
  });

  it('never the few days of the month just begun, even when the range runs past today', () => {
    expect(reportPeriodOf({ from: '2026-12-01', to: '2026-12-31' }, { weekly: true, today })).toEqual({ month: '2026-11' });
    expect(reportPeriodOf({ from: '2026-11-08', to: '2026-12-04' }, { weekly: true, today })).toEqual({ month: '2026-11' });
    expect(reportPeriodOf({ from: '2026-01-01', to: '2026-01-20' }, { weekly: true, today: '2026-01-21' })).toEqual({ month: '2025-12' });
  });
});
