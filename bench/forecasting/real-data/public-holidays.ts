/**
 * Public holidays of the real datasets' regions, computed from their rules (Easter-based feasts and
 * fixed dates), so the benchmark needs no holiday list from outside. Only the rules in force over
 * the datasets' years (2013–2019) are implemented.
 */
import { addDays } from './real-dataset';

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Mon = 0

/** The n-th (1-based) Monday of a month, or the last one when n = −1. */
function monday(year: number, month: number, n: number): string {
  if (n > 0) {
    const first = iso(year, month, 1);
    return addDays(first, ((7 - weekdayOf(first)) % 7) + 7 * (n - 1));
  }
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -weekdayOf(last));
}

/** Schleswig-Holstein (Kiel): the state's public holidays. Reformation Day is a holiday there from 2018 (and nationwide in 2017). */
export function schleswigHolsteinHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const days: Holiday[] = [
    { date: iso(year, 1, 1), name: 'Neujahr' },
    { date: addDays(easter, -2), name: 'Karfreitag' },
    { date: addDays(easter, 1), name: 'Ostermontag' },
    { date: iso(year, 5, 1), name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), name: 'Christi Himmelfahrt' },
    { date: addDays(easter, 50), name: 'Pfingstmontag' },
    { date: iso(year, 10, 3), name: 'Tag der Deutschen Einheit' },
    { date: iso(year, 12, 25), name: '1. Weihnachtstag' },
    { date: iso(year, 12, 26), name: '2. Weihnachtstag' },
  ];
  if (year >= 2017) days.push({ date: iso(year, 10, 31), name: 'Reformationstag' });
  return days;
}

/** England and Wales bank holidays (London), with the substitute days when a holiday falls on a weekend. */
export function englandBankHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const newYear = iso(year, 1, 1);
  const newYearWeekday = weekdayOf(newYear);
  const days: Holiday[] = [
    { date: newYearWeekday === 5 ? addDays(newYear, 2) : newYearWeekday === 6 ? addDays(newYear, 1) : newYear, name: "New Year's Day" },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: monday(year, 5, 1), name: 'Early May bank holiday' },
    { date: monday(year, 5, -1), name: 'Spring bank holiday' },
    { date: monday(year, 8, -1), name: 'Summer bank holiday' },
  ];
  // Christmas and Boxing Day move to the next weekdays not already taken.
  const christmas = iso(year, 12, 25);
  const boxing = iso(year, 12, 26);
  const taken = new Set<string>();
  for (const [date, name] of [
    [christmas, 'Christmas Day'],
    [boxing, 'Boxing Day'],
  ] as const) {
    let day: string = date;
    while (weekdayOf(day) >= 5 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    days.push({ date: day, name });
  }
  return days;
}

/** Canton of Zürich (Wädenswil): the public holidays observed by employers there. */
export function zurichHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  return [
    { date: iso(year, 1, 1), name: 'Neujahr' },
    { date: iso(year, 1, 2), name: 'Berchtoldstag' },
    { date: addDays(easter, -2), name: 'Karfreitag' },
    { date: addDays(easter, 1), name: 'Ostermontag' },
    { date: iso(year, 5, 1), name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), name: 'Auffahrt' },
    { date: addDays(easter, 50), name: 'Pfingstmontag' },
    { date: iso(year, 8, 1), name: 'Bundesfeier' },
    { date: iso(year, 12, 25), name: 'Weihnachten' },
    { date: iso(year, 12, 26), name: 'Stephanstag' },
  ];
}

export function holidaysBetween(rule: (year: number) => Holiday[], from: string, to: string): Holiday[] {
  const years = Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, i) => Number(from.slice(0, 4)) + i);
  return years.flatMap(rule).filter((holiday) => holiday.date >= from && holiday.date <= to);
}
