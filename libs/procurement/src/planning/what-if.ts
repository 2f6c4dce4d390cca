import type { IsoDate, MealPeriod } from '@larder/domain';
import { COVERS_DISH_ID, DemandForecast } from './planning-types';
import { medianOf, scaleDistribution } from './quantile-interpolation';
import type { PlanSummary } from './week-planner';

export interface DishSwap {
  readonly fromDishId: number;
  readonly toDishId: number;
  /** Limit the swap to one day and/or meal; omitted = wherever the dish is on the menu. */
  readonly serviceDate?: IsoDate;
  readonly meal?: MealPeriod;
}

export interface WhatIfScenario {
  /** The manager's level for every dish. */
  readonly serviceLevel?: number;
  /** Demand multiplier, e.g. 0.6 for a holiday week with many on leave. */
  readonly headcountFactor?: number;
  /** The new dish takes over the old one's forecast in its slot (same place on the menu, same demand). */
  readonly swaps?: readonly DishSwap[];
  /** Covers of one day times a factor, e.g. 1.1 for "+10 % on Friday" (on top of the headcount factor). */
  readonly dayFactors?: readonly { readonly serviceDate: IsoDate; readonly factor: number }[];
  /** An ingredient's pack prices times a factor, e.g. 1.15 for "pork +15 %": purchase cost and food cost follow. */
  readonly priceFactors?: readonly { readonly ingredientId: number; readonly factor: number }[];
  /** Canteens closed for the whole week. */
  readonly closeCanteens?: readonly number[];
  /** Where diners of the closed canteens go instead: that share of their covers and portions, spread over these canteens by their own covers. */
  readonly redirect?: { readonly toCanteenIds: readonly number[]; readonly share: number };
}

export function validateScenario(scenario: WhatIfScenario): string[] {
  const problems: string[] = [];
  if (scenario.serviceLevel !== undefined && !(scenario.serviceLevel > 0 && scenario.serviceLevel < 1)) problems.push('serviceLevel must be strictly between 0 and 1');
  if (scenario.headcountFactor !== undefined && !(scenario.headcountFactor >= 0 && scenario.headcountFactor <= 5)) problems.push('headcountFactor must be between 0 and 5');
  for (const day of scenario.dayFactors ?? []) {
    if (!(day.factor >= 0 && day.factor <= 5)) problems.push(`dayFactors: the factor of ${day.serviceDate} must be between 0 and 5`);
  }
  if (new Set((scenario.dayFactors ?? []).map((day) => day.serviceDate)).size < (scenario.dayFactors ?? []).length) problems.push('dayFactors: one factor a day');
  for (const price of scenario.priceFactors ?? []) {
    if (!(price.factor > 0 && price.factor <= 5)) problems.push(`priceFactors: the factor of ingredient ${price.ingredientId} must be above 0 and at most 5`);
  }
  if (new Set((scenario.priceFactors ?? []).map((price) => price.ingredientId)).size < (scenario.priceFactors ?? []).length) problems.push('priceFactors: one factor an ingredient');
  if (scenario.redirect && !(scenario.redirect.share >= 0 && scenario.redirect.share <= 1)) problems.push('redirect.share must be between 0 and 1');
  for (const swap of scenario.swaps ?? []) {
    if (!Number.isInteger(swap.fromDishId) || !Number.isInteger(swap.toDishId) || swap.toDishId <= 0) problems.push('swaps need whole-number fromDishId and toDishId');
  }
  return problems;
}

/** The demand under a scenario: swaps, then the headcount and day factors, then closed canteens and where their diners go. */
export function applyScenario(demand: readonly DemandForecast[], scenario: WhatIfScenario): DemandForecast[] {
  const days = new Map((scenario.dayFactors ?? []).map((day) => [day.serviceDate, day.factor]));
  let result = demand.map((slot) => {
    const factor = (scenario.headcountFactor ?? 1) * (days.get(slot.serviceDate) ?? 1);
    const swap = scenario.swaps?.find(
      (entry) =>
        entry.fromDishId === slot.dishId &&
        slot.dishId !== COVERS_DISH_ID &&
        (entry.serviceDate === undefined || entry.serviceDate === slot.serviceDate) &&
        (entry.meal === undefined || entry.meal === slot.meal),
    );
    const dishId = swap ? swap.toDishId : slot.dishId;
    return { ...slot, dishId, distribution: factor === 1 ? slot.distribution : scaleDistribution(slot.distribution, factor) };
  });
  const closed = new Set(scenario.closeCanteens ?? []);
  if (closed.size === 0) return result;
  const redirect = scenario.redirect;
  const targets = new Set((redirect?.toCanteenIds ?? []).filter((id) => !closed.has(id)));
  if (redirect && redirect.share > 0 && targets.size > 0) {
    const coversOf = (canteens: (id: number) => boolean) => {
      const sums = new Map<string, number>();
      for (const slot of result) {
        if (slot.dishId !== COVERS_DISH_ID || !canteens(slot.canteenId)) continue;
        const key = `${slot.serviceDate}|${slot.meal}`;
        sums.set(key, (sums.get(key) ?? 0) + medianOf(slot.distribution));
      }
      return sums;
    };
    const lost = coversOf((id) => closed.has(id));
    const receiving = coversOf((id) => targets.has(id));
    result = result.map((slot) => {
      if (!targets.has(slot.canteenId)) return slot;
      const key = `${slot.serviceDate}|${slot.meal}`;
      const base = receiving.get(key) ?? 0;
      const extra = lost.get(key) ?? 0;
      return base > 0 && extra > 0 ? { ...slot, distribution: scaleDistribution(slot.distribution, 1 + (redirect.share * extra) / base) } : slot;
    });
  }
  return result.filter((slot) => !closed.has(slot.canteenId));
}

export interface WhatIfComparison {
  readonly base: PlanSummary;
  readonly scenario: PlanSummary;
  /** scenario − base for the figures a manager weighs before approving. */
  readonly change: {
    readonly covers: number;
    readonly plannedPortions: number;
    readonly expectedLeftoverKg: number;
    readonly expectedLeftoverFen: number;
    readonly expectedShortfallPortions: number;
    readonly purchaseCostFen: number;
    readonly foodCostFen: number;
    readonly costPerMealFen: number;
  };
}

export function compareSummaries(base: PlanSummary, scenario: PlanSummary): WhatIfComparison {
  const delta = (key: keyof WhatIfComparison['change']) => Math.round((scenario[key] - base[key]) * 1000) / 1000;
  return {
    base,
    scenario,
    change: {
      covers: delta('covers'),
      plannedPortions: delta('plannedPortions'),
      expectedLeftoverKg: delta('expectedLeftoverKg'),
      expectedLeftoverFen: delta('expectedLeftoverFen'),
      expectedShortfallPortions: delta('expectedShortfallPortions'),
      purchaseCostFen: delta('purchaseCostFen'),
      foodCostFen: delta('foodCostFen'),
      costPerMealFen: delta('costPerMealFen'),
    },
  };
}

/** Sums summaries of several canteens (cost per meal recomputed from the totals). */
export function addSummaries(summaries: readonly PlanSummary[]): PlanSummary {
  const sum = (key: keyof PlanSummary) => summaries.reduce((total, summary) => total + summary[key], 0);
  const covers = sum('covers');
  const foodCost = sum('foodCostFen');
  return {
    covers,
    plannedPortions: sum('plannedPortions'),
    expectedLeftoverPortions: round3(sum('expectedLeftoverPortions')),
    expectedShortfallPortions: round3(sum('expectedShortfallPortions')),
    expectedLeftoverKg: round3(sum('expectedLeftoverKg')),
    expectedLeftoverFen: sum('expectedLeftoverFen'),
    foodCostFen: foodCost,
    purchaseCostFen: sum('purchaseCostFen'),
    roundingSurplusFen: sum('roundingSurplusFen'),
    costPerMealFen: covers > 0 ? Math.round((foodCost / covers) * 100) / 100 : 0,
    orders: sum('orders'),
    lateOrders: sum('lateOrders'),
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
