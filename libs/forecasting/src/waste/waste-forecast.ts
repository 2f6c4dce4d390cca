import { Forecast } from '../models/forecast-model';

/** A predictive distribution given by quantiles: ascending levels in (0,1) and non-decreasing values. */
export interface QuantileDistribution {
  readonly levels: readonly number[];
  readonly values: readonly number[];
}

const INTEGRATION_STEPS = 1000;

export function distributionOfDay(forecast: Forecast, dayIndex: number): QuantileDistribution {
  const levels = [...forecast.quantiles.keys()].sort((a, b) => a - b);
  return { levels, values: levels.map((level) => forecast.quantiles.get(level)![dayIndex]) };
}

/**
 * Quantile function through the given points, extended linearly beyond the outer levels
 * (a uniform-like tail rather than none), never below zero demand.
 */
function quantileFunction(distribution: QuantileDistribution): (u: number) => number {
  const { levels, values } = distribution;
  if (levels.length === 0 || levels.length !== values.length) throw new Error('quantiles: levels and values must match and not be empty');
  const sorted = [...values].sort((a, b) => a - b);
  if (levels.length === 1) return () => Math.max(0, sorted[0]);
  const last = levels.length - 1;
  return (u: number) => {
    let k = 0;
    while (k < last - 1 && u > levels[k + 1]) k++;
    const slope = (sorted[k + 1] - sorted[k]) / (levels[k + 1] - levels[k]);
    return Math.max(0, sorted[k] + slope * (u - levels[k]));
  };
}

/** The demand at `level` (0–1) of the distribution, on the same curve the leftover and shortfall expectations integrate. */
export function quantileAt(distribution: QuantileDistribution, level: number): number {
  return quantileFunction(distribution)(level);
}

/**
 * A distribution from stored forecast columns: p10/p50/p90 plus any further levels kept as
 * {"0.95": 512} (an object, or its JSON text as some drivers return it). Levels are sorted and values
 * made non-decreasing (quantile crossing is repaired). The curve a plan cooks from and every report
 * that asks what a plan at some level would have left reads stored forecasts through this.
 */
export function distributionFromStored(stored: { p10: number; p50: number; p90: number; quantiles?: Record<string, number> | string | null }): QuantileDistribution {
  const byLevel = new Map<number, number>([
    [0.1, stored.p10],
    [0.5, stored.p50],
    [0.9, stored.p90],
  ]);
  const extra = typeof stored.quantiles === 'string' ? (JSON.parse(stored.quantiles) as Record<string, number>) : stored.quantiles;
  for (const [key, value] of Object.entries(extra ?? {})) {
    const level = Number(key);
    if (level > 0 && level < 1 && Number.isFinite(value)) byLevel.set(Math.round(level * 1e6) / 1e6, Number(value));
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const values: number[] = [];
  for (const level of levels) values.push(Math.max(values.length > 0 ? values[values.length - 1] : 0, byLevel.get(level)!));
  return { levels, values };
}

function expectation(distribution: QuantileDistribution, payoff: (demand: number) => number): number {
  const quantile = quantileFunction(distribution);
  let sum = 0;
  for (let i = 0; i < INTEGRATION_STEPS; i++) sum += payoff(quantile((i + 0.5) / INTEGRATION_STEPS));
  return sum / INTEGRATION_STEPS;
}

export interface PlannedQuantity {
  readonly quantity: number;
  readonly distribution: QuantileDistribution;
}

/** E[(Q − D)+]: portions produced but not taken. */
export function expectedLeftover(plan: PlannedQuantity): number {
  return expectation(plan.distribution, (demand) => Math.max(plan.quantity - demand, 0));
}

/** E[(D − Q)+]: portions wanted but not available. */
export function expectedShortfall(plan: PlannedQuantity): number {
  return expectation(plan.distribution, (demand) => Math.max(demand - plan.quantity, 0));
}

export interface PlateWasteLog {
  readonly dish: string;
  readonly portionsServed: number;
  readonly plateWasteKg: number;
}

export interface PlateWasteRates {
  /** kg left on plates per portion served, per dish; unseen dishes get `overall`. */
  readonly byDish: ReadonlyMap<string, number>;
  readonly overall: number;
}

/**
 * Plate waste per portion for each dish, shrunk toward the all-dish rate by `priorPortions`
 * pseudo-portions so that a dish weighed twice does not get an extreme rate.
 */
export function learnPlateWaste(logs: readonly PlateWasteLog[], options: { readonly priorPortions?: number } = {}): PlateWasteRates {
  const priorPortions = options.priorPortions ?? 50;
  const totals = new Map<string, { portions: number; waste: number }>();
  let portions = 0;
  let waste = 0;
  for (const log of logs) {
    if (!(log.portionsServed >= 0) || !(log.plateWasteKg >= 0)) throw new Error(`plate waste log for ${log.dish}: negative or missing value`);
    const entry = totals.get(log.dish) ?? { portions: 0, waste: 0 };
    entry.portions += log.portionsServed;
    entry.waste += log.plateWasteKg;
    totals.set(log.dish, entry);
    portions += log.portionsServed;
    waste += log.plateWasteKg;
  }
  const overall = portions > 0 ? waste / portions : 0;
  const byDish = new Map([...totals].map(([dish, entry]) => [dish, (entry.waste + priorPortions * overall) / (entry.portions + priorPortions)]));
  return { byDish, overall };
}

export interface WasteEstimateInput extends PlannedQuantity {
  readonly plateWasteKgPerPortion: number;
  /** Cooked weight of one portion. */
  readonly portionKg: number;
  /** Food cost of one portion in fen (yuan × 100). */
  readonly costPerPortionFen: number;
}

export interface WasteEstimate {
  readonly leftoverPortions: number;
  readonly shortfallPortions: number;
  readonly servedPortions: number;
  readonly leftoverKg: number;
  readonly plateWasteKg: number;
  readonly totalWasteKg: number;
  /** Integer fen: leftover portions plus plate waste valued at the portion's cost per kg. */
  readonly wasteCostFen: number;
}

export function expectedWaste(input: WasteEstimateInput): WasteEstimate {
  const leftoverPortions = expectedLeftover(input);
  const shortfallPortions = expectedShortfall(input);
  // E[min(D, Q)] = Q − E[(Q − D)+].
  const servedPortions = input.quantity - leftoverPortions;
  const leftoverKg = leftoverPortions * input.portionKg;
  const plateWasteKg = servedPortions * input.plateWasteKgPerPortion;
  const costPerKgFen = input.portionKg > 0 ? input.costPerPortionFen / input.portionKg : 0;
  return {
    leftoverPortions,
    shortfallPortions,
    servedPortions,
    leftoverKg,
    plateWasteKg,
    totalWasteKg: leftoverKg + plateWasteKg,
    wasteCostFen: Math.round(leftoverPortions * input.costPerPortionFen + plateWasteKg * costPerKgFen),
  };
}
