import { addDays, chinaCalendar, dayService, daysBetween, DayKind, IsoDate, isoWeekday, isWorkingDay, MealPeriod } from '@larder/domain';
import type { CalendarDayRow, CanteenClosureRow, SubsidyRuleRow } from './demo-rows';
import type { CanteenModel } from './organisation';

export interface DayInfo {
  date: IsoDate;
  /** 0 for the first day of history; endDate has index days - 1. */
  index: number;
  kind: DayKind;
  weekday: number;
  working: boolean;
  /** Working days right before or after a public holiday: people stretch their break with leave. */
  bridgeDay: boolean;
  /** Last working day before a holiday or weekend: dinner is thin, everybody goes home. */
  beforeBreak: boolean;
  month: number;
  dayOfMonth: number;
}

export interface ServiceCalendar {
  rows: CalendarDayRow[];
  days: DayInfo[];
  closures: CanteenClosureRow[];
  subsidyRules: SubsidyRuleRow[];
  subsidyChangeDate: IsoDate;
}

const SUBSIDY_BEFORE: Record<MealPeriod, number> = { breakfast: 300, lunch: 800, dinner: 600, night: 800 };
/** The employer raised the lunch and dinner subsidy once during the history (职工餐补上调). */
const SUBSIDY_AFTER: Partial<Record<MealPeriod, number>> = { lunch: 1000, dinner: 800 };

export function buildServiceCalendar(params: { startDate: IsoDate; days: number; horizonEnd: IsoDate; canteens: CanteenModel[] }): ServiceCalendar {
  const { startDate, days, horizonEnd, canteens } = params;
  // A week either side so bridge days at the edges are still recognised.
  const extended = chinaCalendar(addDays(startDate, -7), addDays(horizonEnd, 7));
  const kindByDate = new Map(extended.map((day) => [day.date, day.kind]));
  const inRange = extended.filter((day) => day.date >= startDate && day.date <= horizonEnd);
  const rows: CalendarDayRow[] = inRange.map((day) => ({
    day: day.date,
    kind: day.kind,
    holidayName: day.holidayName,
    holidayNameZh: day.holidayNameZh,
  }));
  const infos: DayInfo[] = inRange.map((day, index) => {
    const working = isWorkingDay(day.kind);
    const prev = kindByDate.get(addDays(day.date, -1));
    const next = kindByDate.get(addDays(day.date, 1));
    const next2 = kindByDate.get(addDays(day.date, 2));
    return {
      date: day.date,
      index,
      kind: day.kind,
      weekday: isoWeekday(day.date),
      working,
      bridgeDay: working && (prev === 'holiday' || next === 'holiday' || next2 === 'holiday'),
      beforeBreak: working && next !== undefined && !isWorkingDay(next),
      month: Number(day.date.slice(5, 7)),
      dayOfMonth: Number(day.date.slice(8, 10)),
    };
  });

  const closures: CanteenClosureRow[] = [];
  const closed = [...canteens].reverse().find((canteen) => !canteen.row.opensWeekends);
  if (closed) {
    const from = mondayOnOrAfter(addDays(startDate, Math.round(days * 0.45)));
    closures.push({ canteenId: closed.row.id, fromDate: from, toDate: addDays(from, 30), reason: '后厨及餐厅装修改造（refurbishment of kitchen and dining hall）' });
  }

  const changeTarget = addDays(startDate, Math.round(days * 0.6));
  const firstOfMonth = `${changeTarget.slice(0, 8)}01`;
  const subsidyChangeDate = firstOfMonth > startDate ? firstOfMonth : changeTarget;
  const subsidyRules: SubsidyRuleRow[] = [
    ...(Object.keys(SUBSIDY_BEFORE) as MealPeriod[]).map((meal) => ({ validFrom: startDate, meal, subsidyFen: SUBSIDY_BEFORE[meal] })),
    ...(Object.keys(SUBSIDY_AFTER) as MealPeriod[]).map((meal) => ({ validFrom: subsidyChangeDate, meal, subsidyFen: SUBSIDY_AFTER[meal]! })),
  ];
  return { rows, days: infos, closures, subsidyRules, subsidyChangeDate };
}

/**
 * The product's rule (dayService): a canteen that opens weekends serves on public holidays too, the
 * others are shut on both; a closure shuts any. Staff on duty on days off eat at a reduced level.
 */
export function isCanteenOpen(params: { canteen: CanteenModel; day: DayInfo; closures: readonly CanteenClosureRow[] }): boolean {
  const { canteen, day } = params;
  const closure = params.closures.find((candidate) => candidate.canteenId === canteen.row.id && candidate.fromDate <= day.date && day.date <= candidate.toDate) ?? null;
  return dayService({ date: day.date, kind: day.kind, opensWeekends: canteen.row.opensWeekends, closure, hasMenu: true }).state !== 'closed';
}

export function mondayOnOrAfter(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday === 1 ? date : addDays(date, 8 - weekday);
}

export function weeksBetween(from: IsoDate, to: IsoDate): number {
  return Math.floor(daysBetween(from, to) / 7);
}
