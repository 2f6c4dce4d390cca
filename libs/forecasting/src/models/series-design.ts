import { buildDesign, DesignRequest, FeatureLayout } from './calendar-features';

interface WholeDesign {
  readonly buffer: ArrayBufferLike;
  readonly calendar: DesignRequest['calendar'];
  readonly layout: FeatureLayout;
  readonly drivers: readonly Float64Array[];
  readonly design: Float64Array;
  /** Prefix counts of rows with a non-finite driver value (those requests are built afresh, to fail as they would). */
  readonly invalidBefore: Int32Array;
}

/**
 * The regression's design of every row of the series behind a request, built once and handed out
 * as row views: a backtest fits, updates and predicts on many views (prefixes, test days) of one
 * series. A request on other buffers, or on columns that are not views of whole buffers at the same
 * rows, is built as it comes. The buffers must not change after views of them were handed out.
 */
export class SeriesDesign {
  private whole: WholeDesign | undefined;

  rows(request: DesignRequest): Float64Array {
    const drivers = driverColumns(request);
    const start = request.days.byteOffset >> 2;
    if (!drivers || !alignedWithWholeBuffers(request.days, drivers)) return buildDesign(request);
    if (!matches(this.whole, request, drivers)) this.whole = recentWhole(request, drivers);
    const whole = this.whole;
    const end = start + request.days.length;
    if (whole.invalidBefore[end] !== whole.invalidBefore[start]) return buildDesign(request);
    const columns = request.layout.names.length;
    return whole.design.subarray(start * columns, end * columns);
  }
}

function matches(whole: WholeDesign | undefined, request: DesignRequest, drivers: readonly Float64Array[]): whole is WholeDesign {
  if (!whole || whole.buffer !== request.days.buffer || whole.calendar !== request.calendar || !sameNames(whole.layout, request.layout)) return false;
  return drivers.every((column, d) => column.buffer === whole.drivers[d].buffer);
}

/**
 * The designs built last, shared by every model: a series' backtest, its final fit and the models
 * of an ensemble or a calendar-days model each hold their own regression of the same rows. A few
 * only, so that a panel's thousands of series do not keep theirs alive.
 */
const RECENT_DESIGNS = 4;
const recent: WholeDesign[] = [];

function recentWhole(request: DesignRequest, drivers: readonly Float64Array[]): WholeDesign {
  const found = recent.find((whole) => matches(whole, request, drivers));
  if (found) return found;
  const built = buildWhole(request, drivers);
  recent.unshift(built);
  if (recent.length > RECENT_DESIGNS) recent.pop();
  return built;
}

/** The layout's driver columns of the request, or undefined when one is missing or misaligned (buildDesign says why). */
function driverColumns(request: DesignRequest): Float64Array[] | undefined {
  const columns: Float64Array[] = [];
  for (const name of request.layout.drivers) {
    const column = request.drivers?.[name];
    if (!column || column.length !== request.days.length) return undefined;
    columns.push(column);
  }
  return columns;
}

function alignedWithWholeBuffers(days: Int32Array, drivers: readonly Float64Array[]): boolean {
  const start = days.byteOffset >> 2;
  const length = days.buffer.byteLength >> 2;
  return drivers.every((column) => column.byteOffset >> 3 === start && column.buffer.byteLength >> 3 === length);
}

function sameNames(a: FeatureLayout, b: FeatureLayout): boolean {
  return a === b || (a.names.length === b.names.length && a.names.every((name, i) => name === b.names[i]));
}

function buildWhole(request: DesignRequest, drivers: readonly Float64Array[]): WholeDesign {
  const buffer = request.days.buffer;
  const days = new Int32Array(buffer, 0, buffer.byteLength >> 2);
  const whole = drivers.map((column) => new Float64Array(column.buffer, 0, days.length));
  const invalidBefore = new Int32Array(days.length + 1);
  for (let r = 0; r < days.length; r++) {
    let finite = true;
    for (const column of whole) finite &&= Number.isFinite(column[r]);
    invalidBefore[r + 1] = invalidBefore[r] + (finite ? 0 : 1);
  }
  // Invalid rows are zeros here; no view that contains one is ever handed out.
  const valid = whole.map((column) => {
    const copy = new Float64Array(column.length);
    for (let r = 0; r < column.length; r++) copy[r] = Number.isFinite(column[r]) ? column[r] : 0;
    return copy;
  });
  const named = Object.fromEntries(request.layout.drivers.map((name, d) => [name, valid[d]]));
  const design = buildDesign({ layout: request.layout, calendar: request.calendar, days, drivers: named });
  return { buffer, calendar: request.calendar, layout: request.layout, drivers: whole, design, invalidBefore };
}
