import { countUpTo, CURVE_LEVELS, distributionFromStored, matchShortfall, medianOfServings, parseIsoDate, productionOutcome, quantileAt } from '@larder/forecasting';
import type { ForecastValueAdded, MethodError } from './dashboard/dashboard.contract';

/**
 * One scored service of a dish: Larder's latest forecast before the day (made as of `asOf`), what
 * was sold, and the kitchen's own number for it (null when the kitchen recorded none).
 */
export interface ValueAddedDay {
  canteenId: number;
  serviceDate: string;
  meal: string;
  dishId: number;
  /** The day Larder's forecast was made as of: the median of four sees only what was known then. */
  asOf: string;
  p10: number;
  p50: number;
  p90: number;
  /** The run's further stored levels ({"0.95": 130}), where it kept any. */
  quantiles?: Record<string, number> | string | null;
  actual: number;
  kitchen: number | null;
}

/** A past service of a dish (what sold), from which the planners' median of four is taken. */
export interface ServedDay {
  canteenId: number;
  serviceDate: string;
  meal: string;
  dishId: number;
  quantity: number;
}

const MEDIAN_OF = 4;
/** Shortfalls within 0.05 % of the actual count as the same. */
const MATCH_TOLERANCE = 0.0005;

const key = (row: { canteenId: number; meal: string; dishId: number }) => `${row.canteenId}|${row.meal}|${row.dishId}`;

/**
 * The planners' rule of thumb for each day: the median of the dish's last four servings at that canteen
 * and meal made as of the day Larder's forecast was made (`medianOfServings`, the backtest's dish baseline).
 * NaN where the dish had not been served by then.
 */
export function medianOfFour(days: readonly ValueAddedDay[], served: readonly ServedDay[]): number[] {
  const histories = new Map<string, ServedDay[]>();
  for (const row of served) {
    const list = histories.get(key(row));
    if (list) list.push(row);
    else histories.set(key(row), [row]);
  }
  const series = new Map<string, { days: Int32Array; values: Float64Array }>();
  for (const [name, list] of histories) {
    const sorted = [...list].sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0));
    series.set(name, { days: Int32Array.from(sorted, (row) => parseIsoDate(row.serviceDate)), values: Float64Array.from(sorted, (row) => row.quantity) });
  }
  return days.map((day) => {
    const history = series.get(key(day));
    if (!history) return Number.NaN;
    const target = parseIsoDate(day.serviceDate);
    // The day itself closes the series (medianOfServings names its targets by index); only servings up to the as-of day are read.
    const before = countUpTo(history.days, target - 1);
    const upTo = {
      days: Int32Array.from([...history.days.subarray(0, before), target]),
      values: Float64Array.from([...history.values.subarray(0, before), day.actual]),
    };
    return medianOfServings(upTo, [before], target - parseIsoDate(day.asOf), MEDIAN_OF)[0];
  });
}

function errorOf(actual: readonly number[], numbers: readonly number[]): MethodError {
  const { leftover, shortfall, total } = productionOutcome(actual, numbers);
  if (total <= 0) return { wape: null, bias: null, over: null, under: null };
  return { wape: (leftover + shortfall) / total, bias: (leftover - shortfall) / total, over: leftover / total, under: shortfall / total };
}

/** What `number` adds over `baseline`: the baseline's WAPE minus its own, in points. */
const points = (baseline: MethodError, number: MethodError) => (baseline.wape === null || number.wape === null ? null : (baseline.wape - number.wape) * 100);

/** Forecast value added over the services of a scope: Larder, the kitchen and median4 on the same services. */
export function forecastValueAdded(days: readonly ValueAddedDay[], served: readonly ServedDay[]): ForecastValueAdded {
  const medians = medianOfFour(days, served);
  const kept: { day: ValueAddedDay; kitchen: number; median: number }[] = [];
  let withoutKitchen = 0;
  let withoutHistory = 0;
  days.forEach((day, i) => {
    if (day.kitchen === null) withoutKitchen++;
    else if (!Number.isFinite(medians[i])) withoutHistory++;
    else kept.push({ day, kitchen: day.kitchen, median: medians[i] });
  });
  const actual = kept.map((row) => row.day.actual);
  const larder = errorOf(
    actual,
    kept.map((row) => row.day.p50),
  );
  const kitchen = errorOf(
    actual,
    kept.map((row) => row.kitchen),
  );
  const median4 = errorOf(
    actual,
    kept.map((row) => row.median),
  );
  return {
    scored: days.length,
    compared: kept.length,
    withoutKitchen,
    withoutHistory,
    actual: actual.reduce((sum, value) => sum + value, 0),
    larder,
    kitchen,
    median4,
    larderOverKitchen: points(kitchen, larder),
    kitchenOverMedian4: points(median4, kitchen),
    larderOverMedian4: points(median4, larder),
    leftover:
      kept.length > 0 && kitchen.wape !== null
        ? leftoverAtKitchenShortfall(
            kept.map((row) => row.day),
            kept.map((row) => row.kitchen),
          )
        : null,
  };
}

/**
 * Larder's plan at each level is the day's forecast quantile there, on the curve of every level the run
 * stored (P10 … P95, `distributionFromStored`): the curve the plan cooks from.
 */
function leftoverAtKitchenShortfall(days: readonly ValueAddedDay[], kitchen: readonly number[]) {
  const curveLeftover = new Float64Array(CURVE_LEVELS.length);
  const curveShortfall = new Float64Array(CURVE_LEVELS.length);
  const distributions = days.map((day) => distributionFromStored(day));
  for (const [d, day] of days.entries()) {
    const distribution = distributions[d];
    CURVE_LEVELS.forEach((level, j) => {
      const production = quantileAt(distribution, level);
      curveLeftover[j] += Math.max(production - day.actual, 0);
      curveShortfall[j] += Math.max(day.actual - production, 0);
    });
  }
  const actual = days.map((day) => day.actual);
  const matched = matchShortfall({ actual, planned: kitchen, curveLeftover, curveShortfall });
  // At the matched level itself: its shortfall is the kitchen's unless the curve's ends were reached.
  const atLevel = productionOutcome(
    actual,
    distributions.map((distribution) => quantileAt(distribution, matched.level)),
  );
  const share = (value: number) => (atLevel.total > 0 ? value / atLevel.total : null);
  const larderShortfall = share(atLevel.shortfall);
  return {
    kitchenLeftover: matched.plannedLeftoverPct,
    kitchenShortfall: matched.plannedShortfallPct,
    larderLeftover: share(atLevel.leftover),
    larderShortfall,
    level: matched.level,
    matched: larderShortfall !== null && matched.plannedShortfallPct !== null && Math.abs(larderShortfall - matched.plannedShortfallPct) <= MATCH_TOLERANCE,
  };
}
