import { median } from '../core/same-weekday';
import { countUpTo } from '../core/service-series';

/** What the dish baselines read of a series: its service days (ascending) and quantities. */
export interface DishHistory {
  readonly days: Int32Array;
  readonly values: Float64Array;
}

/**
 * The cook's per-dish rules, for each target service day `targets[j]` (an index into the series),
 * made at the origin day − lead from the dish's servings: the service days of its series, i.e. the
 * days it was on the menu (a 0 there is a serving nobody took). Days it was not offered have no row
 * and are skipped, so a dish on a rotating menu is judged by its own last servings, whatever the
 * weekday. NaN where the dish had not been served by the origin.
 */
function servingsBefore(history: DishHistory, targets: ArrayLike<number>, lead: number, k: number, summarise: (values: number[]) => number): Float64Array {
  if (!Number.isInteger(lead) || lead < 0) throw new Error(`lead must be a whole number of days >= 0, got ${lead}`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive whole number, got ${k}`);
  const { days, values } = history;
  return Float64Array.from({ length: targets.length }, (_, j) => {
    const target = targets[j];
    if (!(target >= 0 && target < days.length)) throw new Error(`target index ${target} is outside the series (0..${days.length - 1})`);
    const picked: number[] = [];
    for (let i = countUpTo(days, days[target] - lead) - 1; i >= 0 && picked.length < k; i--) picked.push(values[i]);
    return picked.length > 0 ? summarise(picked) : Number.NaN;
  });
}

/** The quantity of the last serving dated at least `lead` days before each target. */
export function lastServed(history: DishHistory, targets: ArrayLike<number>, lead: number): Float64Array {
  return servingsBefore(history, targets, lead, 1, (picked) => picked[0]);
}

/** The median of the last k servings (fewer if fewer exist) dated at least `lead` days before each target, any weekday. */
export function medianOfServings(history: DishHistory, targets: ArrayLike<number>, lead: number, k = 4): Float64Array {
  return servingsBefore(history, targets, lead, k, (picked) => median(Float64Array.from(picked)));
}
