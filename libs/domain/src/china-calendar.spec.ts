import { chinaCalendar, isWorkingDay } from './china-calendar';
import { isoWeek, isoWeekStart } from './local-date';

describe('chinaCalendar', () => {
  const byDate = new Map(chinaCalendar().map((day) => [day.date, day]));

  it('marks the 2025 Spring Festival break and its make-up Sundays', () => {
    expect(byDate.get('2025-01-28')?.kind).toBe('holiday');
    expect(byDate.get('2025-02-04')?.kind).toBe('holiday');
    expect(byDate.get('2025-01-26')?.kind).toBe('makeup_workday');
    expect(byDate.get('2025-01-26')?.holidayNameZh).toBe('春节');
  });

  it('treats make-up weekends as working days and plain weekends as days off', () => {
    expect(isWorkingDay(byDate.get('2026-01-04')!.kind)).toBe(true);
    expect(isWorkingDay(byDate.get('2026-11-28')!.kind)).toBe(false);
    expect(isWorkingDay(byDate.get('2026-11-25')!.kind)).toBe(true);
  });

  it('covers 2024 to 2027 day by day', () => {
    expect(byDate.size).toBe(366 + 365 + 365 + 365);
  });

  it('labels ISO weeks the way planners do', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeekStart('2026-W48')).toBe('2026-11-23');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
  });
});
