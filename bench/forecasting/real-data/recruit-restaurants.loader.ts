/**
 * Recruit (AirREGI) restaurants, Japan: visitors per restaurant per day (829 series) and their sum.
 * Protocol (SOURCE.md): test = the last 120 days (2016-12-24 .. 2017-04-22), closed days absent.
 * Japanese public holidays from date_info.csv are the calendar.
 */
import { join } from 'node:path';
import { CalendarRow, compareText, LarderRow, numberOf, readRecords, RealDataset } from './real-dataset';

interface Visit {
  readonly store: string;
  readonly date: string;
  readonly visitors: number;
}

function readVisits(folder: string): Visit[] {
  const path = join(folder, 'air_visit_data.csv');
  return readRecords(path).map((record, i) => ({
    store: record.air_store_id,
    date: record.visit_date,
    visitors: numberOf(record, 'visitors', `${path} record ${i + 1}`),
  }));
}

function calendar(folder: string): CalendarRow[] {
  const path = join(folder, 'date_info.csv');
  return readRecords(path).flatMap((record): CalendarRow[] => {
    if (record.holiday_flg !== '0' && record.holiday_flg !== '1') throw new Error(`${path}: holiday_flg must be 0 or 1, got ${JSON.stringify(record.holiday_flg)}`);
    return record.holiday_flg === '1' ? [{ date: record.calendar_date, kind: 'holiday' }] : [];
  });
}

export function loadRecruitRestaurants(folder: string): RealDataset {
  const visits = readVisits(folder).sort((a, b) => compareText(a.store, b.store) || compareText(a.date, b.date));
  const totals = new Map<string, number>();
  for (const visit of visits) totals.set(visit.date, (totals.get(visit.date) ?? 0) + visit.visitors);
  const dates = [...totals.keys()].sort(compareText);
  const row = (date: string, canteen: string, quantity: number): LarderRow => ({ date, canteen, meal: 'day', item: '*', quantity });
  return {
    id: 'recruit',
    folder: 'recruit-restaurants',
    title: 'Recruit (AirREGI) restaurants, Japan, 829 restaurants, 2016-01 .. 2017-04',
    holdout: false,
    calendar: calendar(folder),
    protocol: {
      testFrom: '2016-12-24',
      testTo: '2017-04-22',
      leads: [7, 14],
      scored: 'every observed (restaurant, day) in the last 120 days; days absent from the file are closed days, not scored',
      notes: ['Calendar: holiday_flg = 1 days of date_info.csv (Japanese public holidays, weekends included).'],
    },
    sets: [
      {
        id: 'restaurants',
        title: 'visitors per restaurant per day, pooled',
        perItem: false,
        driverNames: [],
        hasPlanned: false,
        rows: visits.map((visit) => row(visit.date, visit.store, visit.visitors)),
        reference: [
          { lead: 7, scored: 82499, seasonalNaiveWape: 0.4392, median4Wape: 0.3664 },
          { lead: 14, scored: 82413, seasonalNaiveWape: 0.4608, median4Wape: 0.375 },
        ],
      },
      {
        id: 'all-restaurants',
        title: 'all restaurants summed per day',
        perItem: false,
        driverNames: [],
        hasPlanned: false,
        rows: dates.map((date) => row(date, 'all-restaurants', totals.get(date)!)),
        reference: [
          { lead: 7, scored: 120, seasonalNaiveWape: 0.1314, median4Wape: 0.1198 },
          { lead: 14, scored: 120, seasonalNaiveWape: 0.1584, median4Wape: 0.1285 },
        ],
        notes: ['The sum of the restaurants open that day: it grows when restaurants join (July 2016), as in SOURCE.md.'],
      },
    ],
  };
}
