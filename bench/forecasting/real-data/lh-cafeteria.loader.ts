/**
 * LH head-office staff cafeteria (Korea): lunch and dinner diners with the HR drivers.
 * Protocol (SOURCE.md): test 2020-09-01 .. 2021-01-26, past data only.
 */
import { join } from 'node:path';
import { CalendarRow, dateRange, LarderRow, numberOf, readRecords, RealDataset, SeriesSet } from './real-dataset';

const COLUMNS = {
  date: '일자',
  headcount: '본사정원수',
  leave: '본사휴가자수',
  trips: '본사출장자수',
  overtime: '본사시간외근무명령서승인건수',
  remote: '현본사소속재택근무자수',
  lunch: '중식계',
  dinner: '석식계',
} as const;

/** available = headcount − leave − trips − remote: the staff who can eat there (SOURCE.md's strongest driver). */
const DRIVERS = ['available', 'overtime', 'leave', 'trips', 'remote'] as const;

interface LhDay {
  readonly date: string;
  readonly drivers: readonly number[];
  readonly lunch: number;
  readonly dinner: number;
}

function readDays(folder: string): LhDay[] {
  const path = join(folder, 'train.csv');
  return readRecords(path).map((record, i) => {
    const value = (column: string) => numberOf(record, column, `${path} record ${i + 1}`);
    const [headcount, leave, trips, remote] = [value(COLUMNS.headcount), value(COLUMNS.leave), value(COLUMNS.trips), value(COLUMNS.remote)];
    return {
      date: record[COLUMNS.date],
      drivers: [headcount - leave - trips - remote, value(COLUMNS.overtime), leave, trips, remote],
      lunch: value(COLUMNS.lunch),
      dinner: value(COLUMNS.dinner),
    };
  });
}

/**
 * The data lists working days only, so a Monday–Friday absent from it was a public holiday (or a
 * closure the cafeteria planned): both are known ahead, so they form the calendar.
 */
function inferredHolidays(days: readonly LhDay[]): CalendarRow[] {
  const served = new Set(days.map((day) => day.date));
  return dateRange(days[0].date, days[days.length - 1].date)
    .filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday >= 1 && weekday <= 5 && !served.has(date);
    })
    .map((date) => ({ date, kind: 'holiday' as const }));
}

function mealSet(days: readonly LhDay[], meal: 'lunch' | 'dinner'): Omit<SeriesSet, 'reference' | 'notes'> {
  const rows: LarderRow[] = days
    // Dinner 0 = the dinner service did not run (e.g. the monthly family day): not a service day.
    .filter((day) => day[meal] > 0)
    .map((day) => ({ date: day.date, canteen: 'lh-head-office', meal, item: '*', quantity: day[meal], drivers: day.drivers }));
  return { id: meal, title: `${meal} diners per day`, perItem: false, driverNames: DRIVERS, hasPlanned: false, rows };
}

export function loadLhCafeteria(folder: string): RealDataset {
  const days = readDays(folder);
  return {
    id: 'lh',
    folder: 'lh-cafeteria',
    title: 'LH head-office staff cafeteria (Korea), 2016-02 .. 2021-01',
    holdout: false,
    calendar: inferredHolidays(days),
    protocol: {
      testFrom: '2020-09-01',
      testTo: '2021-01-26',
      leads: [7, 14],
      scored: 'every service day of the test window (95 lunches, 94 dinners); a dinner of 0 is no dinner service',
      notes: [
        'Calendar: Monday-Friday days absent from the data, taken as public holidays or planned closures (known ahead).',
        'Drivers (available = headcount - leave - trips - remote, overtime, leave, trips, remote) are the recorded values of the day, treated as known ahead: leave, trips and remote work are planned.',
        'SOURCE.md reports MAE one step ahead; the same-weekday rules give the same figures at leads 1 to 7.',
      ],
    },
    sets: [
      {
        ...mealSet(days, 'lunch'),
        reference: [
          { lead: 7, scored: 95, seasonalNaiveWape: 0.1321, median4Wape: 0.1367, seasonalNaiveMae: 122.5, median4Mae: 126.8 },
          { lead: 14, scored: 95, seasonalNaiveWape: 0.1642, median4Wape: 0.1663, seasonalNaiveMae: 152.3, median4Mae: 154.2 },
        ],
        notes: ['Lead 7: SOURCE.md MAE (122.5 / 126.8). Lead 14 and the WAPEs: the SOURCE.md rules run on the same data (not printed in SOURCE.md).'],
      },
      {
        ...mealSet(days, 'dinner'),
        reference: [
          { lead: 7, scored: 94, seasonalNaiveWape: 0.2188, median4Wape: 0.2113, seasonalNaiveMae: 91.8, median4Mae: 88.6 },
          { lead: 14, scored: 94, seasonalNaiveWape: 0.2364, median4Wape: 0.2376, seasonalNaiveMae: 99.1, median4Mae: 99.7 },
        ],
        notes: [
          "SOURCE.md's dinner MAE (97.3 / 91.2, 95 days) counts the one test day with dinner 0 (no service) as a served day of 0 demand and lets the rules look back onto such days;",
          'here a dinner of 0 is not a service day, as SOURCE.md itself describes it: the same rules then give 91.8 / 88.6 on 94 days.',
        ],
      },
    ],
  };
}
