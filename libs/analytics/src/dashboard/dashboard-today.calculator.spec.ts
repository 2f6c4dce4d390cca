import { dayService } from '@larder/domain';
import { closedDaysOf, todayStatus, weekSoFar } from './dashboard-today.calculator';

describe("the overview's today", () => {
  // 2026-12-07 is a Monday.
  const day = { date: '2026-12-07', kind: null, opensWeekends: false, closure: null, hasMenu: true };
  const open = dayService(day);
  const noMenu = dayService({ ...day, hasMenu: false });
  const closed = dayService({ ...day, closure: { reason: '装修' } });
  const quiet = { actual: null, forecast: null, service: noMenu };

  it('is served once covers are in, even on a day thought closed', () => {
    expect(todayStatus({ ...quiet, actual: 812 })).toEqual({ status: 'served', closed: null });
    expect(todayStatus({ ...quiet, actual: 3, service: closed }).status).toBe('served');
  });

  it('awaits data when the menu or a forecast is in on a day the canteen serves', () => {
    expect(todayStatus({ ...quiet, service: open })).toEqual({ status: 'awaiting', closed: null });
    expect(todayStatus({ ...quiet, forecast: 640 }).status).toBe('awaiting');
    expect(todayStatus({ ...quiet, actual: 0, forecast: 640 }).status).toBe('awaiting');
  });

  it('is without a menu, not closed, on a service day the imported menus do not reach', () => {
    expect(todayStatus(quiet)).toEqual({ status: 'no_menu', closed: null });
    expect(todayStatus({ ...quiet, forecast: 0 }).status).toBe('no_menu');
  });

  it('is closed only where the day is known closed, and says why', () => {
    expect(todayStatus({ ...quiet, forecast: 640, service: closed })).toEqual({ status: 'closed', closed: { because: 'closure', name: '装修', nameZh: '装修' } });
    const holiday = dayService({ ...day, kind: 'holiday', holidayName: 'National Day', holidayNameZh: '国庆节' });
    expect(todayStatus({ ...quiet, service: holiday }).closed).toEqual({ because: 'holiday', name: 'National Day', nameZh: '国庆节' });
  });
});

describe("the overview's week so far", () => {
  it('sets the covers in against the forecasts of the same days, not of a day still awaiting its data', () => {
    const monday = { actual: 4800, p50: 4700 };
    const tuesday = { actual: null, p50: 4736 };
    expect(weekSoFar([monday, tuesday])).toEqual({ actual: 4800, forecast: 4700 });
  });

  it('has no covers before any day is in, and then the forecast of the week so far', () => {
    expect(weekSoFar([{ actual: null, p50: 4736 }])).toEqual({ actual: null, forecast: 4736 });
    expect(weekSoFar([{ actual: null, p50: null }])).toEqual({ actual: null, forecast: null });
  });
});

describe("the covers chart's closed days", () => {
  const facts = { kind: null, opensWeekends: false, closure: null, hasMenu: true };
  const on = (date: string, more: Partial<Parameters<typeof dayService>[0]> = {}) => dayService({ ...facts, date, ...more });

  it('are the days every canteen is closed for a closure or a holiday, named, in date order; not weekends', () => {
    const days = new Map([
      ['2026-12-01', [on('2026-12-01'), on('2026-12-01')]],
      ['2026-11-30', [on('2026-11-30', { closure: { reason: '设备检修' } }), on('2026-11-30', { closure: { reason: '设备检修' } })]],
      ['2026-11-29', [on('2026-11-29', { kind: 'weekend' }), on('2026-11-29', { kind: 'weekend' })]],
      ['2026-10-01', [on('2026-10-01', { kind: 'holiday', holidayName: 'National Day', holidayNameZh: '国庆节' })]],
      ['2026-11-27', [on('2026-11-27', { closure: { reason: '装修' } }), on('2026-11-27', { hasMenu: false })]],
    ]);
    expect(closedDaysOf(days)).toEqual([
      { date: '2026-10-01', because: 'holiday', name: 'National Day', nameZh: '国庆节' },
      { date: '2026-11-30', because: 'closure', name: '设备检修', nameZh: '设备检修' },
    ]);
  });
});
