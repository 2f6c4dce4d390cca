import { combinedDayService, dayService } from './service-day';

describe("a canteen's day of service", () => {
  // 2026-12-07 is a Monday, 2026-12-05 a Saturday.
  const monday = { date: '2026-12-07', kind: null, opensWeekends: false, closure: null, hasMenu: true };

  it('is open with its menu, and open without a menu when the menus simply do not reach the day', () => {
    expect(dayService(monday)).toEqual({ state: 'open', because: null, name: null, nameZh: null });
    expect(dayService({ ...monday, hasMenu: false })).toEqual({ state: 'no_menu', because: null, name: null, nameZh: null });
  });

  it('is closed under a closure, with its reason, menu or not', () => {
    expect(dayService({ ...monday, closure: { reason: '装修' } })).toEqual({ state: 'closed', because: 'closure', name: '装修', nameZh: '装修' });
    expect(dayService({ ...monday, hasMenu: false, closure: { reason: '装修' } }).state).toBe('closed');
  });

  it("is closed on a public holiday and a weekend of a weekday canteen's calendar, named", () => {
    const holiday = { ...monday, hasMenu: false, kind: 'holiday' as const, holidayName: 'National Day', holidayNameZh: '国庆节' };
    expect(dayService(holiday)).toEqual({ state: 'closed', because: 'holiday', name: 'National Day', nameZh: '国庆节' });
    expect(dayService({ ...monday, hasMenu: false, date: '2026-12-05' })).toMatchObject({ state: 'closed', because: 'weekend' });
    expect(dayService({ ...monday, kind: 'weekend' })).toMatchObject({ state: 'closed', because: 'weekend' });
  });

  it('serves on a make-up working day that falls on a weekend, and a weekend canteen serves every day outside closures', () => {
    expect(dayService({ ...monday, hasMenu: false, date: '2026-10-10', kind: 'makeup_workday' }).state).toBe('no_menu');
    expect(dayService({ ...monday, date: '2026-12-05', opensWeekends: true }).state).toBe('open');
    expect(dayService({ ...monday, hasMenu: false, date: '2026-12-05', opensWeekends: true }).state).toBe('no_menu');
  });

  it('reads several canteens as open when one is, without a menu when one is open without it, else closed', () => {
    const open = dayService(monday);
    const noMenu = dayService({ ...monday, hasMenu: false });
    const shut = dayService({ ...monday, closure: { reason: '装修' } });
    const weekend = dayService({ ...monday, kind: 'weekend' });
    expect(combinedDayService([shut, noMenu, open]).state).toBe('open');
    expect(combinedDayService([shut, noMenu]).state).toBe('no_menu');
    expect(combinedDayService([shut, shut])).toEqual(shut);
    expect(combinedDayService([shut, weekend])).toEqual({ state: 'closed', because: 'closure', name: null, nameZh: null });
  });
});
