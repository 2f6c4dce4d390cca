/**
 * Real-data check on the LH head-office cafeteria (DACON 235743): lunch and dinner covers,
 * lead 7 days, the last 200 service days of each meal as test, system vs median4 / seasonal naive.
 *
 * The data is read from the path given on the command line and never copied into the project.
 *
 *   node_modules/.bin/swc libs/forecasting/src bench/forecasting -d /tmp/fc-dist --ignore '**\/*.spec.ts' -q
 *   node_modules/.bin/node /tmp/fc-dist/bench/forecasting/lh-cafeteria.js ../shared/datasets/lh-cafeteria/train.csv [--json]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { BacktestCommandResult, createCalendar, formatBacktestTable, formatIsoDate, isoWeekday, parseIsoDate, runBacktestCommand, ServiceCalendar } from '@larder/forecasting';

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

interface LhDay {
  readonly date: string;
  readonly headcount: number;
  readonly leave: number;
  readonly trips: number;
  readonly overtime: number;
  readonly remote: number;
  readonly lunch: number;
  readonly dinner: number;
}

function readLh(path: string): LhDay[] {
  const records = parse(readFileSync(path, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record, i) => {
    const number = (column: string) => {
      const value = Number(record[column]);
      if (!Number.isFinite(value)) throw new Error(`${path} row ${i + 2}: column ${column} is not a number`);
      return value;
    };
    return {
      date: record[COLUMNS.date],
      headcount: number(COLUMNS.headcount),
      leave: number(COLUMNS.leave),
      trips: number(COLUMNS.trips),
      overtime: number(COLUMNS.overtime),
      remote: number(COLUMNS.remote),
      lunch: number(COLUMNS.lunch),
      dinner: number(COLUMNS.dinner),
    };
  });
}

/**
 * The data lists working days only, so a Monday–Friday absent from it was a public holiday
 * (or a closure). Public holidays are known in advance, so using them as a calendar is fair.
 */
function inferredCalendar(days: readonly LhDay[]): ServiceCalendar {
  const served = new Set(days.map((day) => parseIsoDate(day.date)));
  const first = parseIsoDate(days[0].date);
  const last = parseIsoDate(days[days.length - 1].date);
  const holidays: Record<string, 'holiday'> = {};
  for (let day = first; day <= last + 60; day++) {
    if (isoWeekday(day) < 5 && !served.has(day) && day <= last) holidays[formatIsoDate(day)] = 'holiday';
  }
  return createCalendar({ days: holidays });
}

/** In-memory Larder CSV for one meal: the backtest command is exercised end to end. */
function larderCsv(days: readonly LhDay[], meal: 'lunch' | 'dinner'): string {
  const header = 'date,canteen,meal,item,quantity,available,overtime,leave,trips,remote';
  const rows = days
    // Dinner 0 = no dinner service that day (e.g. family day): not a service day, not zero demand.
    .filter((day) => day[meal] > 0)
    .map((day) => {
      const available = day.headcount - day.leave - day.trips - day.remote;
      return [day.date, 'lh-head-office', meal, '*', day[meal], available, day.overtime, day.leave, day.trips, day.remote].join(',');
    });
  return [header, ...rows].join('\n');
}

function main(argv: readonly string[]): void {
  const path = argv.find((arg) => !arg.startsWith('--'));
  if (!path) throw new Error('usage: lh-cafeteria.js <path/to/train.csv> [--json]');
  const days = readLh(path);
  const calendar = inferredCalendar(days);
  const results: Record<string, BacktestCommandResult> = {};
  for (const meal of ['lunch', 'dinner'] as const) {
    const started = performance.now();
    results[meal] = runBacktestCommand(larderCsv(days, meal), { leadDays: 7, testDays: 200, refitEvery: 7, calendar });
    const seconds = (performance.now() - started) / 1000;
    if (!argv.includes('--json')) {
      console.log(`\n=== LH ${meal} (lead 7 days, last 200 service days, ${seconds.toFixed(2)} s) ===`);
      console.log(formatBacktestTable(results[meal]));
    }
  }
  if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  const failures = (['lunch', 'dinner'] as const).filter((meal) => !(results[meal].system.wape! < results[meal].baselines.median4.wape!));
  if (failures.length > 0) {
    console.error(`system WAPE does not beat median4 for: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main(process.argv.slice(2));
