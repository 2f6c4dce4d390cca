/**
 * ZHAW Wädenswil university canteens (Grüental, Vista): lunch sales per article per day, autumn
 * semesters 2015 and 2016. THE HOLD-OUT DATASET: kept out of all tuning (see README.md).
 * Protocol (SOURCE.md): test = the last 8 weeks of autumn 2016 (2016-10-31 .. 2016-12-23).
 * `…Total` rows (the author's own sums) are dropped; on a canteen's open days an article with no
 * sale is 0; days the canteen did not open are absent.
 */
import { join } from 'node:path';
import { holidaysBetween, zurichHolidays } from './public-holidays';
import { CalendarRow, compareText, dateRange, LarderRow, numberOf, readRecords, RealDataset } from './real-dataset';

/** The main menu lines: the meals a diner chooses between (SOURCE.md's "main meals" are their sum). */
const LINES = new Set(['Favorite', 'Green', 'Local 0', 'Kitchen 1', 'Kitchen 2', 'Kitchen 3', 'Kitchen 4', 'Garden', 'Market']);

interface ArticleDay {
  readonly canteen: string;
  readonly date: string;
  readonly article: string;
  readonly units: number;
}

function readArticleDays(folder: string): ArticleDay[] {
  const path = join(folder, 'augmented data', 'verkaufsdaten täglich HS 15-16 180518.csv');
  return readRecords(path, { delimiter: ';' })
    .filter((record) => !record.article_description.endsWith('Total'))
    .map((record, i) => {
      const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(record.date);
      if (!match) throw new Error(`${path} record ${i + 1}: date ${JSON.stringify(record.date)} is not dd.mm.yyyy`);
      return {
        canteen: record.ort,
        date: `${match[3]}-${match[2]}-${match[1]}`,
        article: record.article_description,
        units: numberOf(record, 'Verkaufte_Stücke', `${path} record ${i + 1}`),
      };
    });
}

/** Every article of a canteen on every day that canteen opened: sold units, or 0. */
function articleRows(days: readonly ArticleDay[]): LarderRow[] {
  const rows: LarderRow[] = [];
  for (const canteen of [...new Set(days.map((day) => day.canteen))].sort(compareText)) {
    const own = days.filter((day) => day.canteen === canteen);
    const openDays = [...new Set(own.map((day) => day.date))].sort(compareText);
    const units = new Map<string, number>();
    for (const day of own) units.set(`${day.article}|${day.date}`, (units.get(`${day.article}|${day.date}`) ?? 0) + day.units);
    for (const article of [...new Set(own.map((day) => day.article))].sort(compareText)) {
      for (const date of openDays) rows.push({ date, canteen, meal: 'lunch', item: article, quantity: units.get(`${article}|${date}`) ?? 0 });
    }
  }
  return rows;
}

function calendar(): CalendarRow[] {
  const rows: CalendarRow[] = holidaysBetween(zurichHolidays, '2015-01-01', '2017-12-31').map((holiday) => ({ date: holiday.date, kind: 'holiday', name: holiday.name }));
  // The canteens' data cover the autumn semesters only; the time between is a planned break.
  for (const date of dateRange('2015-12-24', '2016-08-31')) rows.push({ date, kind: 'closure', name: 'semester break' });
  return rows;
}

export function loadZhawMensa(folder: string): RealDataset {
  const articles = articleRows(readArticleDays(folder));
  const lines = articles.filter((row) => LINES.has(row.item));
  const meals = new Map<string, LarderRow>();
  for (const row of lines) {
    const key = `${row.canteen}|${row.date}`;
    const meal = meals.get(key);
    meals.set(key, { ...row, item: '*', quantity: (meal?.quantity ?? 0) + row.quantity });
  }
  return {
    id: 'zhaw',
    folder: 'zhaw-mensa',
    title: 'ZHAW Wädenswil university canteens (Switzerland), autumn 2015 and 2016 (HOLD-OUT)',
    holdout: true,
    calendar: calendar(),
    protocol: {
      testFrom: '2016-10-31',
      testTo: '2016-12-23',
      leads: [7, 14],
      scored: "every canteen's open day of the last 8 weeks (40 weekdays); articles 0 on open days without a sale",
      notes: [
        'HOLD-OUT: kept out of all tuning; the runner skips it unless --include-holdout.',
        'Calendar: canton of Zürich public holidays (computed) and the break between the semesters as a closure.',
      ],
    },
    sets: [
      {
        id: 'main-meals',
        title: 'main meals per canteen per day',
        perItem: false,
        driverNames: [],
        hasPlanned: false,
        rows: [...meals.values()].sort((a, b) => compareText(a.canteen, b.canteen) || compareText(a.date, b.date)),
        reference: [
          { lead: 7, scored: 80, seasonalNaiveWape: 0.1663, median4Wape: 0.1331 },
          { lead: 14, scored: 80, seasonalNaiveWape: 0.1805, median4Wape: 0.1407 },
        ],
      },
      {
        id: 'menu-lines',
        title: 'main menu lines per canteen per day',
        perItem: true,
        driverNames: [],
        hasPlanned: false,
        rows: lines,
        reference: [
          { lead: 7, scored: 680, seasonalNaiveWape: 0.4353, median4Wape: 0.3475 },
          { lead: 14, scored: 680, seasonalNaiveWape: 0.4491, median4Wape: 0.3497 },
        ],
      },
      {
        id: 'articles',
        title: 'all articles per canteen per day',
        perItem: true,
        driverNames: [],
        hasPlanned: false,
        rows: articles,
        reference: [
          { lead: 7, scored: 9280, seasonalNaiveWape: 0.5272, median4Wape: 0.4159 },
          { lead: 14, scored: 9280, seasonalNaiveWape: 0.5426, median4Wape: 0.4186 },
        ],
      },
    ],
  };
}
