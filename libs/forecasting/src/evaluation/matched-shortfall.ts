/** Levels on which a forecast's plan curve is traced to match a planner's shortfall. */
export const CURVE_LEVELS: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

export interface MatchedShortfall {
  readonly level: number;
  readonly leftoverPct: number | null;
  readonly plannedLeftoverPct: number | null;
  readonly plannedShortfallPct: number | null;
}

/** What the planner's numbers and a forecast's plan curve did on the same days. */
export interface PlanCurveComparison {
  readonly actual: ArrayLike<number>;
  readonly planned: ArrayLike<number>;
  /** Forecast-plan leftover / shortfall sums at each CURVE_LEVELS level, on the same days. */
  readonly curveLeftover: ArrayLike<number>;
  readonly curveShortfall: ArrayLike<number>;
}

/** Portions left over and short when `production` was made against `actual`, and the actual total. */
export function productionOutcome(actual: ArrayLike<number>, production: ArrayLike<number>): { leftover: number; shortfall: number; total: number } {
  let leftover = 0;
  let shortfall = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    total += actual[i];
    leftover += Math.max(production[i] - actual[i], 0);
    shortfall += Math.max(actual[i] - production[i], 0);
  }
  return { leftover, shortfall, total };
}

/**
 * The level at which the forecast's plan runs out as often (in portions) as the planner's did, by
 * linear interpolation on the 1 %-step curve, and the leftover the forecast's plan would have had there.
 * Clamped to the curve's ends when the planner ran out more than at p1 or less than at p99; a planner who
 * never ran out (sales capped by what was cooked) is matched at the first level that does not run out either.
 */
export function matchShortfall(comparison: PlanCurveComparison): MatchedShortfall {
  const { total, leftover, shortfall } = productionOutcome(comparison.actual, comparison.planned);
  const fraction = (value: number) => (total > 0 ? value / total : null);
  const target = shortfall;
  const { curveLeftover: left, curveShortfall: short } = comparison;
  const last = CURVE_LEVELS.length - 1;
  let level: number;
  let systemLeftover: number;
  if (target >= short[0]) [level, systemLeftover] = [CURVE_LEVELS[0], left[0]];
  else if (target < short[last]) [level, systemLeftover] = [CURVE_LEVELS[last], left[last]];
  else {
    let j = 0;
    while (!(short[j] >= target && short[j + 1] <= target)) j++;
    const step = short[j] - short[j + 1];
    const t = step > 0 ? (short[j] - target) / step : 0;
    level = CURVE_LEVELS[j] + t * (CURVE_LEVELS[j + 1] - CURVE_LEVELS[j]);
    systemLeftover = left[j] + t * (left[j + 1] - left[j]);
  }
  return {
    level: Math.round(level * 1e4) / 1e4,
    leftoverPct: fraction(systemLeftover),
    plannedLeftoverPct: fraction(leftover),
    plannedShortfallPct: fraction(shortfall),
  };
}
