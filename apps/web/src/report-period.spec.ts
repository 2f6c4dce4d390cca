import { accuracyPeriodOf, reportPeriodOf, reportQuery, reportScopeOf } from './report-period';

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

describe('the canteens and meal of a report link', () => {
  it('names every canteen and the meal the page shows, never only the first', () => {
    // a manager of two canteens, neither chosen: the API applied both
    expect(reportScopeOf({ canteens: [2, 1], meal: null }, { chosen: [], restricted: true })).toEqual({ canteens: [1, 2] });
    expect(reportScopeOf({ canteens: [1], meal: 'lunch' }, { chosen: [1], restricted: true })).toEqual({ canteens: [1], meal: 'lunch' });
    // others: all canteens when none is chosen, else exactly those chosen
    expect(reportScopeOf({ canteens: [1, 2, 3, 4], meal: null }, { chosen: [], restricted: false })).toEqual({});
    expect(reportScopeOf({ canteens: [3, 1], meal: 'dinner' }, { chosen: [3, 1], restricted: false })).toEqual({ canteens: [1, 3], meal: 'dinner' });
  });
});

describe('the accuracy report a page offers', () => {
  const today = '2026-12-05';

  it("is the range's own period when a forecast is stored for one of its days", () => {
    expect(accuracyPeriodOf({ from: '2026-11-01', to: '2026-11-30' }, { first: '2026-11-28', last: '2026-12-12' }, { today })).toEqual({ period: { month: '2026-11' }, unstored: null });
    expect(accuracyPeriodOf({ from: '2026-11-23', to: '2026-11-29' }, { first: '2026-10-01', last: '2026-11-23' }, { today })).toEqual({ period: { week: '2026-W48' }, unstored: null });
  });

  it('else the latest complete month with stored forecasts, naming the period that had none', () => {
    // the range is October; forecasts begin in November
    expect(accuracyPeriodOf({ from: '2026-10-01', to: '2026-10-31' }, { first: '2026-11-10', last: '2026-11-23' }, { today })).toEqual({ period: { month: '2026-11' }, unstored: '2026-10' });
    // forecasts stopped in September: not the empty November
    expect(accuracyPeriodOf({ from: '2026-11-09', to: '2026-12-13' }, { first: '2026-08-20', last: '2026-09-03' }, { today })).toEqual({ period: { month: '2026-09' }, unstored: '2026-11' });
    // the month of the last forecast has not ended: the one before it, when it holds some
    expect(accuracyPeriodOf({ from: '2026-09-01', to: '2026-09-30' }, { first: '2026-11-20', last: '2026-12-20' }, { today })).toEqual({ period: { month: '2026-11' }, unstored: '2026-09' });
  });

  it("else the latest complete week, and the range's own period when no complete one has any", () => {
    expect(accuracyPeriodOf({ from: '2026-10-01', to: '2026-10-31' }, { first: '2026-12-01', last: '2026-12-12' }, { today: '2026-12-08' })).toEqual({
      period: { week: '2026-W49' },
      unstored: '2026-10',
    });
    expect(accuracyPeriodOf({ from: '2026-10-01', to: '2026-10-31' }, { first: '2026-12-03', last: '2026-12-12' }, { today })).toEqual({ period: { month: '2026-10' }, unstored: '2026-10' });
    expect(accuracyPeriodOf({ from: '2026-10-01', to: '2026-10-31' }, null, { today })).toEqual({ period: { month: '2026-10' }, unstored: '2026-10' });
  });
});

describe("a report link's query", () => {
  it('names the dish of an accuracy report of one dish, and none otherwise', () => {
    expect(reportQuery({ month: '2026-11', canteens: [2, 1], meal: 'lunch', dish: 35 }, 'en')).toBe('lang=en&month=2026-11&canteen=2%2C1&meal=lunch&dish=35');
    expect(new URLSearchParams(reportQuery({ month: '2026-11' }, 'zh-CN')).has('dish')).toBe(false);
  });
});
