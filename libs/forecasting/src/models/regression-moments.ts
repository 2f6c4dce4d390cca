import { RidgeMoments } from '../core/ridge';

/** The rows of one regression fit: a prefix of a series (its first `days.length` rows) and their design. */
export interface MomentsRequest {
  readonly design: Float64Array;
  readonly columns: number;
  readonly days: Int32Array;
  readonly values: Float64Array;
  /** Older days count less: weight 2^(−age / halfLifeDays), age counted from the last day. */
  readonly halfLifeDays: number;
}

interface PrefixMoments {
  readonly design: Float64Array;
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly halfLifeDays: number;
  rows: number;
  lastDay: number;
  readonly moments: RidgeMoments;
}

/**
 * The moments of the prefixes fitted last, extended in place: a backtest refits on growing prefixes
 * of one series (views of the same buffers, from row 0), then the final fit takes the whole history,
 * and with a calendar several weekday models hold a regression of the same rows. Later rows are
 * added and the older ones reweighted; a few only are kept, so that a panel's thousands of series
 * do not keep theirs alive.
 */
const RECENT = 4;
const recent: PrefixMoments[] = [];

/** The recency-weighted moments of the request's rows. */
export function prefixMoments(request: MomentsRequest): RidgeMoments {
  const rows = request.days.length;
  const lastDay = request.days[rows - 1];
  const found = recent.find((entry) => continues(entry, request, lastDay));
  if (found) {
    if (rows > found.rows || lastDay > found.lastDay) {
      const byAge = recencyWeights(request.halfLifeDays, lastDay - request.days[0]);
      found.moments.rescale(Math.exp((-Math.LN2 / request.halfLifeDays) * (lastDay - found.lastDay)));
      addRows(found.moments, request, found.rows, rows, lastDay, byAge);
      found.rows = rows;
      found.lastDay = lastDay;
    }
    return found.moments;
  }
  const { design, columns, values, halfLifeDays } = request;
  const moments = new RidgeMoments(design.subarray(0, columns), values[0]);
  addRows(moments, request, 0, rows, lastDay, recencyWeights(halfLifeDays, lastDay - request.days[0]));
  recent.unshift({ design, days: request.days, values, halfLifeDays, rows, lastDay, moments });
  if (recent.length > RECENT) recent.pop();
  return moments;
}

/** Whether the request's rows are the entry's rows and then some, on the same buffers from the same row. */
function continues(entry: PrefixMoments, request: MomentsRequest, lastDay: number): boolean {
  return (
    entry.halfLifeDays === request.halfLifeDays &&
    entry.moments.columns === request.columns &&
    request.days.length >= entry.rows &&
    lastDay >= entry.lastDay &&
    sameStart(entry.design, request.design) &&
    sameStart(entry.days, request.days) &&
    sameStart(entry.values, request.values)
  );
}

function sameStart(a: Float64Array | Int32Array, b: Float64Array | Int32Array): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset;
}

function addRows(moments: RidgeMoments, request: MomentsRequest, from: number, to: number, lastDay: number, byAge: Float64Array): void {
  const { design, columns, days, values } = request;
  for (let r = from; r < to; r++) moments.addRow(design, r * columns, values[r], byAge[lastDay - days[r]]);
}

const weightTables = new Map<number, Float64Array>();

/**
 * Recency weights by age in days, 2^(−age / halfLife) as exp(−ln 2 / halfLife × age), up to
 * `oldest`: a table per half-life, grown as needed, since every fit of a backtest weighs its rows
 * by the same few hundred ages.
 */
function recencyWeights(halfLifeDays: number, oldest: number): Float64Array {
  const table = weightTables.get(halfLifeDays);
  if (table && table.length > oldest) return table;
  const decay = Math.LN2 / halfLifeDays;
  const grown = new Float64Array(Math.max(oldest + 1, 2 * (table?.length ?? 0), 1024));
  for (let age = 0; age < grown.length; age++) grown[age] = Math.exp(-decay * age);
  weightTables.set(halfLifeDays, grown);
  return grown;
}
