/**
 * Kiel bakery branch: daily sales per product group (6 series) and the branch total.
 * Protocol (SOURCE.md): test 2018-08-01 .. 2019-06-08, closed days (absent) not scored.
 * Kieler Woche and Schleswig-Holstein's public and school holidays are the calendar (all known
 * ahead); the weather file is left out: it is not known at a 7- or 14-day lead.
 */
import { join } from 'node:path';
import { holidaysBetween, schleswigHolsteinHolidays } from './public-holidays';
import { CalendarRow, compareText, dateRange, LarderRow, numberOf, readRecords, RealDataset } from './real-dataset';

const GROUPS: Readonly<Record<string, string>> = {
  '1': '1 Brot',
  '2': '2 Broetchen',
  '3': '3 Croissant',
  '4': '4 Konditorei',
  '5': '5 Kuchen',
  '6': '6 Saisonbrot',
};

/**
 * Schleswig-Holstein school holidays (first and last day, inclusive), school years 2012/13 ..
 * 2019/20, from the state's published holiday dates. The single "Pfingstferien" day is the bridge
 * day after Ascension.
 */
const SCHOOL_HOLIDAYS: readonly (readonly [string, string, string])[] = [
  ['christmas', '2012-12-24', '2013-01-05'],
  ['easter', '2013-03-25', '2013-04-09'],
  ['ascension bridge', '2013-05-10', '2013-05-10'],
  ['summer', '2013-06-24', '2013-08-03'],
  ['autumn', '2013-10-04', '2013-10-18'],
  ['christmas', '2013-12-23', '2014-01-06'],
  ['easter', '2014-04-16', '2014-05-02'],
  ['ascension bridge', '2014-05-30', '2014-05-30'],
  ['summer', '2014-07-14', '2014-08-23'],
  ['autumn', '2014-10-13', '2014-10-25'],
  ['christmas', '2014-12-22', '2015-01-06'],
  ['easter', '2015-04-01', '2015-04-17'],
  ['ascension bridge', '2015-05-15', '2015-05-15'],
  ['summer', '2015-07-20', '2015-08-29'],
  ['autumn', '2015-10-19', '2015-10-31'],
  ['christmas', '2015-12-21', '2016-01-06'],
  ['easter', '2016-03-24', '2016-04-09'],
  ['ascension bridge', '2016-05-06', '2016-05-06'],
  ['summer', '2016-07-25', '2016-09-03'],
  ['autumn', '2016-10-17', '2016-10-29'],
  ['christmas', '2016-12-23', '2017-01-06'],
  ['easter', '2017-04-07', '2017-04-21'],
  ['ascension bridge', '2017-05-26', '2017-05-26'],
  ['summer', '2017-07-24', '2017-09-02'],
  ['autumn', '2017-10-16', '2017-10-27'],
  ['christmas', '2017-12-21', '2018-01-06'],
  ['easter', '2018-03-29', '2018-04-13'],
  ['ascension bridge', '2018-05-11', '2018-05-11'],
  ['summer', '2018-07-09', '2018-08-18'],
  ['autumn', '2018-10-01', '2018-10-19'],
  ['christmas', '2018-12-21', '2019-01-04'],
  ['easter', '2019-04-04', '2019-04-18'],
  ['ascension bridge', '2019-05-31', '2019-05-31'],
  ['summer', '2019-07-01', '2019-08-10'],
  ['autumn', '2019-10-04', '2019-10-18'],
  ['christmas', '2019-12-23', '2020-01-06'],
];

interface Sale {
  readonly date: string;
  readonly group: string;
  readonly value: number;
}

function readSales(folder: string): Sale[] {
  const path = join(folder, 'v2022-fd081db', 'umsatzdaten_gekuerzt.csv');
  return readRecords(path).map((record, i) => {
    const group = GROUPS[record.Warengruppe];
    if (!group) throw new Error(`${path} record ${i + 1}: unknown Warengruppe ${JSON.stringify(record.Warengruppe)}`);
    return { date: record.Datum, group, value: numberOf(record, 'Umsatz', `${path} record ${i + 1}`) };
  });
}

function calendar(folder: string, from: string, to: string): CalendarRow[] {
  const rows: CalendarRow[] = holidaysBetween(schleswigHolsteinHolidays, from, to).map((holiday) => ({ date: holiday.date, kind: 'holiday', name: holiday.name }));
  for (const [name, first, last] of SCHOOL_HOLIDAYS) {
    for (const date of dateRange(first, last)) if (date >= from && date <= to) rows.push({ date, kind: 'school_holiday', name });
  }
  const kiwo = join(folder, 'kiwo.csv');
  for (const record of readRecords(kiwo)) {
    if (record.KielerWoche !== '1') throw new Error(`${kiwo}: KielerWoche must be 1, got ${JSON.stringify(record.KielerWoche)}`);
    if (record.Datum >= from && record.Datum <= to) rows.push({ date: record.Datum, kind: 'event', name: 'Kieler Woche' });
  }
  return rows;
}

export function loadKielBakery(folder: string): RealDataset {
  const sales = readSales(folder).sort((a, b) => compareText(a.group, b.group) || compareText(a.date, b.date));
  const row = (date: string, item: string, quantity: number): LarderRow => ({ date, canteen: 'kiel-branch', meal: 'day', item, quantity });
  const totals = new Map<string, number>();
  for (const sale of sales) totals.set(sale.date, (totals.get(sale.date) ?? 0) + sale.value);
  const dates = [...totals.keys()].sort(compareText);
  return {
    id: 'kiel',
    folder: 'kiel-bakery',
    title: 'Kiel bakery branch (Germany), sales per product group, 2013-07 .. 2019-06',
    holdout: false,
    // A year before the data to a year after, so calendar effects have a past and a future.
    calendar: calendar(folder, '2012-07-01', '2019-12-31'),
    protocol: {
      testFrom: '2018-08-01',
      testTo: '2019-06-08',
      leads: [7, 14],
      scored: 'every (group, day) in the test window the group sold on; absent days are closed days (or the group was not offered) and are not scored',
      notes: [
        '"Umsatz" is a rescaled revenue (SOURCE.md): WAPE is scale-free, MAE is in those units.',
        'Calendar: Schleswig-Holstein public holidays (computed), school holidays (state dates), Kieler Woche (kiwo.csv) as an event.',
        'Weather (wetter.csv) is not used: it is not known 7 or 14 days ahead.',
      ],
    },
    sets: [
      {
        id: 'groups',
        title: '6 product groups x day, pooled',
        perItem: true,
        driverNames: [],
        hasPlanned: false,
        rows: sales.map((sale) => row(sale.date, sale.group, sale.value)),
        reference: [
          { lead: 7, scored: 1575, seasonalNaiveWape: 0.1904, median4Wape: 0.1779 },
          { lead: 14, scored: 1575, seasonalNaiveWape: 0.2051, median4Wape: 0.1934 },
        ],
      },
      {
        id: 'branch-total',
        title: 'branch total per day',
        perItem: false,
        driverNames: [],
        hasPlanned: false,
        rows: dates.map((date) => row(date, 'all groups', totals.get(date)!)),
        reference: [
          { lead: 7, scored: 304, seasonalNaiveWape: 0.1314, median4Wape: 0.1146 },
          { lead: 14, scored: 304, seasonalNaiveWape: 0.1367, median4Wape: 0.1264 },
        ],
      },
    ],
  };
}
