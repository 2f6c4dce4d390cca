import { EpochDay, isoWeekday } from '../core/iso-date';
import { dayKind, isInPeriod, isNextToHoliday, periodNames, ServiceCalendar } from '../core/service-calendar';
import { DriverColumns } from '../core/service-series';

/** Column layout of the regression design, fixed at fit time so that predictions line up. */
export interface FeatureLayout {
  readonly names: readonly string[];
  readonly periods: readonly string[];
  readonly drivers: readonly string[];
}

const WEEKDAY_COLUMNS = ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_COLUMNS = ['holiday', 'makeup_workday', 'before_holiday', 'after_holiday'];

export function featureLayout(calendar: ServiceCalendar, drivers: DriverColumns): FeatureLayout {
  const periods = periodNames(calendar);
  const driverNames = Object.keys(drivers).sort();
  return {
    names: [...WEEKDAY_COLUMNS, ...DAY_COLUMNS, ...periods.map((name) => `period:${name}`), ...driverNames.map((name) => `driver:${name}`)],
    periods,
    drivers: driverNames,
  };
}

export interface DesignRequest {
  readonly layout: FeatureLayout;
  readonly calendar: ServiceCalendar;
  readonly days: Int32Array;
  readonly drivers: DriverColumns | undefined;
}

/** The calendar columns built last (of a series' whole buffer): the regression's designs of one series are built in a row. */
const RECENT_COLUMNS = 4;
const recentColumns: { calendar: ServiceCalendar; buffer: ArrayBufferLike; periods: readonly string[]; columns: Float64Array }[] = [];

/**
 * Calendar columns (weekday dummies, holiday effects, periods) of every day in the buffer
 * behind `days`, kept for the next requests: backtests refit on many prefixes (views) of one
 * series. Only a few are kept, so that a panel's thousands of series do not keep theirs alive.
 */
function calendarColumns(calendar: ServiceCalendar, days: Int32Array, periods: readonly string[]): Float64Array {
  const width = WEEKDAY_COLUMNS.length + DAY_COLUMNS.length + periods.length;
  let cached = recentColumns.find((entry) => entry.calendar === calendar && entry.buffer === days.buffer && samePeriods(entry.periods, periods))?.columns;
  if (!cached) {
    const whole = new Int32Array(days.buffer, 0, days.buffer.byteLength >> 2);
    cached = new Float64Array(whole.length * width);
    const table = dayTable(calendar, periods, width, whole);
    for (let r = 0; r < whole.length; r++) {
      const at = (whole[r] - table.first) * width;
      if (table.filled[whole[r] - table.first] === 0) {
        writeCalendarRow({ calendar, day: whole[r], periods, target: table.rows, offset: at });
        table.filled[whole[r] - table.first] = 1;
      }
      // Copied value by value: a subarray per row would be the costliest part of the copy.
      for (let c = 0; c < width; c++) cached[r * width + c] = table.rows[at + c];
    }
    recentColumns.unshift({ calendar, buffer: days.buffer, periods, columns: cached });
    if (recentColumns.length > RECENT_COLUMNS) recentColumns.pop();
  }
  const start = days.byteOffset >> 2;
  return cached.subarray(start * width, (start + days.length) * width);
}

/** A calendar's columns by day from `first` on, written the first time a day is asked for: a panel's series share their days. */
interface DayTable {
  readonly periods: readonly string[];
  readonly first: number;
  readonly rows: Float64Array;
  readonly filled: Uint8Array;
}

const dayTables = new WeakMap<ServiceCalendar, DayTable>();

/** The calendar's day table, widened (rows kept) to cover every day in `days`. */
function dayTable(calendar: ServiceCalendar, periods: readonly string[], width: number, days: Int32Array): DayTable {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const day of days) {
    if (day < low) low = day;
    if (day > high) high = day;
  }
  const table = dayTables.get(calendar);
  if (table && samePeriods(table.periods, periods) && low >= table.first && high < table.first + table.filled.length) return table;
  const first = Math.min(low, table?.first ?? low);
  const last = Math.max(high, table ? table.first + table.filled.length - 1 : high);
  const widened: DayTable = { periods, first, rows: new Float64Array((last - first + 1) * width), filled: new Uint8Array(last - first + 1) };
  if (table && samePeriods(table.periods, periods)) {
    widened.rows.set(table.rows, (table.first - first) * width);
    widened.filled.set(table.filled, table.first - first);
  }
  dayTables.set(calendar, widened);
  return widened;
}

function samePeriods(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((name, i) => name === b[i]));
}

/** Writes one day's calendar columns into target[offset …] (zeros in target stay where a column is off). */
function writeCalendarRow(row: { calendar: ServiceCalendar; day: EpochDay; periods: readonly string[]; target: Float64Array; offset: number }): void {
  const { calendar, day, target, offset } = row;
  const weekday = isoWeekday(day);
  if (weekday > 0) target[offset + weekday - 1] = 1;
  const kind = dayKind(calendar, day);
  let c = offset + WEEKDAY_COLUMNS.length;
  target[c++] = kind === 'holiday' ? 1 : 0;
  target[c++] = kind === 'makeup_workday' ? 1 : 0;
  target[c++] = isNextToHoliday(calendar, day, 1) ? 1 : 0;
  target[c++] = isNextToHoliday(calendar, day, -1) ? 1 : 0;
  for (const name of row.periods) target[c++] = isInPeriod(calendar, day, name) ? 1 : 0;
}

/** Row-major design matrix (no intercept): weekday dummies (Monday baseline), holiday effects, periods, drivers. */
export function buildDesign(request: DesignRequest): Float64Array {
  const { layout, calendar, days } = request;
  const columns = layout.names.length;
  const design = new Float64Array(days.length * columns);
  const driverColumns = layout.drivers.map((name) => {
    const column = request.drivers?.[name];
    if (!column || column.length !== days.length) throw new Error(`regression: driver "${name}" missing for the forecast days`);
    return column;
  });
  const calendarWidth = columns - driverColumns.length;
  const calendarPart = calendarColumns(calendar, days, layout.periods);
  for (let r = 0; r < days.length; r++) {
    const row = r * columns;
    for (let c = 0; c < calendarWidth; c++) design[row + c] = calendarPart[r * calendarWidth + c];
    for (let d = 0; d < driverColumns.length; d++) {
      const value = driverColumns[d][r];
      if (!Number.isFinite(value)) throw new Error(`regression: driver value is not a number on row ${r}`);
      design[row + calendarWidth + d] = value;
    }
  }
  return design;
}
