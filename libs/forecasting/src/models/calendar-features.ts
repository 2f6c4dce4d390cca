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
    for (let r = 0; r < whole.length; r++) writeCalendarRow({ calendar, day: whole[r], periods, target: cached, offset: r * width });
    recentColumns.unshift({ calendar, buffer: days.buffer, periods, columns: cached });
    if (recentColumns.length > RECENT_COLUMNS) recentColumns.pop();
  }
  const start = days.byteOffset >> 2;
  return cached.subarray(start * width, (start + days.length) * width);
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
