import { todayStatus, weekSoFar } from './dashboard-today.calculator';

describe("the overview's today", () => {
  const quiet = { actual: null, forecast: null, menuToday: false, allClosed: false };

  it('is served once covers are in, even on a day thought closed', () => {
    expect(todayStatus({ ...quiet, actual: 812 })).toBe('served');
    expect(todayStatus({ ...quiet, actual: 3, allClosed: true })).toBe('served');
  });

  it('awaits data when a menu or a forecast says the canteen opens today', () => {
    expect(todayStatus({ ...quiet, menuToday: true })).toBe('awaiting');
    expect(todayStatus({ ...quiet, forecast: 640 })).toBe('awaiting');
    expect(todayStatus({ ...quiet, actual: 0, forecast: 640 })).toBe('awaiting');
  });

  it('is closed without menu and forecast, or when every canteen shown is closed', () => {
    expect(todayStatus(quiet)).toBe('closed');
    expect(todayStatus({ ...quiet, forecast: 0 })).toBe('closed');
    expect(todayStatus({ ...quiet, forecast: 640, menuToday: true, allClosed: true })).toBe('closed');
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
