import type { DishCategory, Fen } from '@larder/domain';
import { expectedLeftover, expectedShortfall, QuantileDistribution } from '@larder/forecasting';
import { quantileAt } from './quantile-interpolation';

/**
 * What running out of a portion costs, as a multiple of the dish's list price: a main course that is
 * sold out sends a diner to a second choice or away hungry; a missing drink or soup matters less.
 */
export const DEFAULT_SHORTAGE_FACTORS: Readonly<Record<DishCategory, number>> = {
  staple: 1,
  meat: 1,
  fish: 1,
  vegetable: 0.8,
  soup: 0.5,
  noodle: 1,
  breakfast: 1,
  dessert: 0.5,
  drink: 0.4,
  set_meal: 1,
};

/** Service levels are kept inside this range so that a cost of zero never asks for "all" or "nothing". */
export const SERVICE_LEVEL_RANGE = { min: 0.05, max: 0.99 } as const;

export interface CostPolicy {
  /** Shortage cost per portion as a multiple of the list price, per category (defaults above). */
  readonly shortageFactors?: Partial<Record<DishCategory, number>>;
  /** Shortage cost per portion in fen per category; wins over the factor when given. */
  readonly shortageCostFen?: Partial<Record<DishCategory, Fen>>;
  /** Share of a leftover portion's ingredient cost that is recovered (staff meal, next-day use), per category. */
  readonly reuseShare?: Partial<Record<DishCategory, number>>;
  /** The manager's level for every dish; replaces the cost-derived level. */
  readonly serviceLevel?: number;
}

export interface NewsvendorCosts {
  /** Cost of one portion too few. */
  readonly shortageCostFen: number;
  /** Cost of one portion too many: ingredient cost minus what a leftover portion is still worth. */
  readonly leftoverCostFen: number;
}

/** Critical ratio of the newsvendor: the service level that minimises expected shortage + leftover cost. */
export function newsvendorLevel(costs: NewsvendorCosts): number {
  const shortage = Math.max(0, costs.shortageCostFen);
  const leftover = Math.max(0, costs.leftoverCostFen);
  if (shortage + leftover === 0) return 0.5;
  return clampLevel(shortage / (shortage + leftover));
}

export function clampLevel(level: number): number {
  if (!Number.isFinite(level)) throw new Error(`service level must be a number, got ${level}`);
  return Math.min(SERVICE_LEVEL_RANGE.max, Math.max(SERVICE_LEVEL_RANGE.min, level));
}

export function validateServiceLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`service level must be strictly between 0 and 1, got ${level}`);
  return level;
}

/** The newsvendor costs of a dish under a policy, from its list price and food cost per portion. */
export function dishCosts(params: { category: DishCategory; listPriceFen: Fen; costPerPortionFen: number; policy: CostPolicy }): NewsvendorCosts {
  const { category, policy } = params;
  const absolute = policy.shortageCostFen?.[category];
  const factor = policy.shortageFactors?.[category] ?? DEFAULT_SHORTAGE_FACTORS[category] ?? 1;
  const reuse = Math.min(1, Math.max(0, policy.reuseShare?.[category] ?? 0));
  return {
    shortageCostFen: absolute ?? factor * params.listPriceFen,
    leftoverCostFen: params.costPerPortionFen * (1 - reuse),
  };
}

/** The level to plan a dish at: the manager's if set, else the newsvendor's from the costs. */
export function serviceLevelFor(params: { costs: NewsvendorCosts; policy: CostPolicy }): number {
  if (params.policy.serviceLevel !== undefined) return clampLevel(validateServiceLevel(params.policy.serviceLevel));
  return newsvendorLevel(params.costs);
}

export interface PlannedQuantity {
  /** Whole portions to prepare. */
  readonly portions: number;
  /** The quantile itself before rounding up. */
  readonly quantile: number;
  readonly expectedLeftover: number;
  readonly expectedShortfall: number;
}

/** Portions to prepare: the demand quantile at the level, rounded up to whole portions, with E[leftover] and E[shortfall]. */
export function planQuantity(params: { distribution: QuantileDistribution; level: number }): PlannedQuantity {
  const quantile = quantileAt(params.distribution, params.level);
  const portions = Math.ceil(quantile - 1e-9);
  return outcomeOf({ distribution: params.distribution, portions, quantile });
}

/** Expected leftover and shortfall of a given quantity (a plan, an override, what was cooked). */
export function outcomeOf(params: { distribution: QuantileDistribution; portions: number; quantile?: number }): PlannedQuantity {
  const plan = { quantity: params.portions, distribution: params.distribution };
  return {
    portions: params.portions,
    quantile: params.quantile ?? params.portions,
    expectedLeftover: expectedLeftover(plan),
    expectedShortfall: expectedShortfall(plan),
  };
}
