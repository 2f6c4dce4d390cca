import { DayKind } from './enums';
import { addDays, eachDate, IsoDate, isoWeekday } from './local-date';

interface HolidaySpan {
  name: string;
  nameZh: string;
  from: IsoDate;
  to: IsoDate;
  /** Weekend days that become working days to pay for the long break (调休上班). */
  makeupWorkdays: IsoDate[];
  /** 'official' = State Council notice; 'projected' = expected dates until the notice is published. */
  status: 'official' | 'projected';
}

const HOLIDAYS: HolidaySpan[] = [
  { name: "New Year's Day", nameZh: '元旦', from: '2024-01-01', to: '2024-01-01', makeupWorkdays: [], status: 'official' },
  { name: 'Spring Festival', nameZh: '春节', from: '2024-02-10', to: '2024-02-17', makeupWorkdays: ['2024-02-04', '2024-02-18'], status: 'official' },
  { name: 'Qingming Festival', nameZh: '清明节', from: '2024-04-04', to: '2024-04-06', makeupWorkdays: ['2024-04-07'], status: 'official' },
  { name: 'Labour Day', nameZh: '劳动节', from: '2024-05-01', to: '2024-05-05', makeupWorkdays: ['2024-04-28', '2024-05-11'], status: 'official' },
  { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2024-06-08', to: '2024-06-10', makeupWorkdays: [], status: 'official' },
  { name: 'Mid-Autumn Festival', nameZh: '中秋节', from: '2024-09-15', to: '2024-09-17', makeupWorkdays: ['2024-09-14'], status: 'official' },
  { name: 'National Day', nameZh: '国庆节', from: '2024-10-01', to: '2024-10-07', makeupWorkdays: ['2024-09-29', '2024-10-12'], status: 'official' },
  { name: "New Year's Day", nameZh: '元旦', from: '2025-01-01', to: '2025-01-01', makeupWorkdays: [], status: 'official' },
  { name: 'Spring Festival', nameZh: '春节', from: '2025-01-28', to: '2025-02-04', makeupWorkdays: ['2025-01-26', '2025-02-08'], status: 'official' },
  { name: 'Qingming Festival', nameZh: '清明节', from: '2025-04-04', to: '2025-04-06', makeupWorkdays: [], status: 'official' },
  { name: 'Labour Day', nameZh: '劳动节', from: '2025-05-01', to: '2025-05-05', makeupWorkdays: ['2025-04-27'], status: 'official' },
  { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2025-05-31', to: '2025-06-02', makeupWorkdays: [], status: 'official' },
  { name: 'National Day and Mid-Autumn', nameZh: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeupWorkdays: ['2025-09-28', '2025-10-11'], status: 'official' },
  { name: "New Year's Day", nameZh: '元旦', from: '2026-01-01', to: '2026-01-03', makeupWorkdays: ['2026-01-04'], status: 'official' },
  { name: 'Spring Festival', nameZh: '春节', from: '2026-02-15', to: '2026-02-23', makeupWorkdays: ['2026-02-14', '2026-02-28'], status: 'official' },
  { name: 'Qingming Festival', nameZh: '清明节', from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [], status: 'official' },
  { name: 'Labour Day', nameZh: '劳动节', from: '2026-05-01', to: '2026-05-05', makeupWorkdays: ['2026-05-09'], status: 'official' },
  { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [], status: 'official' },
  { name: 'Mid-Autumn Festival', nameZh: '中秋节', from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [], status: 'official' },
  { name: 'National Day', nameZh: '国庆节', from: '2026-10-01', to: '2026-10-07', makeupWorkdays: ['2026-09-20', '2026-10-10'], status: 'official' },
  { name: "New Year's Day", nameZh: '元旦', from: '2027-01-01', to: '2027-01-03', makeupWorkdays: [], status: 'projected' },
  { name: 'Spring Festival', nameZh: '春节', from: '2027-02-05', to: '2027-02-12', makeupWorkdays: ['2027-01-31', '2027-02-20'], status: 'projected' },
  { name: 'Qingming Festival', nameZh: '清明节', from: '2027-04-03', to: '2027-04-05', makeupWorkdays: [], status: 'projected' },
  { name: 'Labour Day', nameZh: '劳动节', from: '2027-05-01', to: '2027-05-05', makeupWorkdays: ['2027-04-25'], status: 'projected' },
  { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2027-06-09', to: '2027-06-11', makeupWorkdays: [], status: 'projected' },
  { name: 'Mid-Autumn Festival', nameZh: '中秋节', from: '2027-09-15', to: '2027-09-17', makeupWorkdays: [], status: 'projected' },
  { name: 'National Day', nameZh: '国庆节', from: '2027-10-01', to: '2027-10-07', makeupWorkdays: ['2027-09-26', '2027-10-09'], status: 'projected' },
];

export interface CalendarDay {
  date: IsoDate;
  kind: DayKind;
  holidayName: string | null;
  holidayNameZh: string | null;
  status: 'official' | 'projected' | 'regular';
}

export const CHINA_CALENDAR_RANGE = { from: '2024-01-01', to: '2027-12-31' } as const;

/** China's public holidays and make-up working days; weekends otherwise by weekday. */
export function chinaCalendar(from: IsoDate = CHINA_CALENDAR_RANGE.from, to: IsoDate = CHINA_CALENDAR_RANGE.to): CalendarDay[] {
  const special = new Map<IsoDate, CalendarDay>();
  for (const span of HOLIDAYS) {
    for (let date = span.from; date <= span.to; date = addDays(date, 1)) {
      special.set(date, { date, kind: 'holiday', holidayName: span.name, holidayNameZh: span.nameZh, status: span.status });
    }
    for (const date of span.makeupWorkdays) {
      special.set(date, { date, kind: 'makeup_workday', holidayName: span.name, holidayNameZh: span.nameZh, status: span.status });
    }
  }
  const days: CalendarDay[] = [];
  for (const date of eachDate(from, to)) {
    const known = special.get(date);
    if (known) days.push(known);
    else days.push({ date, kind: isoWeekday(date) >= 6 ? 'weekend' : 'workday', holidayName: null, holidayNameZh: null, status: 'regular' });
  }
  return days;
}

export function isWorkingDay(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'makeup_workday';
}
