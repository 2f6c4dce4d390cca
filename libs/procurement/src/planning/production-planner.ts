import type { IsoDate, MealPeriod } from '@larder/domain';
import type { QuantileDistribution } from '@larder/forecasting';
import { CostPolicy, dishCosts, outcomeOf, planQuantity, serviceLevelFor } from './newsvendor';
import { PlanningCatalogue } from './planning-catalogue';
import { COVERS_DISH_ID, DemandForecast, slotKey } from './planning-types';
import { medianOf } from './quantile-interpolation';

export interface ProductionLine {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId: number;
  readonly forecastP50: number;
  readonly serviceLevel: number;
  /** What the plan says: the quantile, or the manager's override. */
  readonly plannedPortions: number;
  /** The quantile-based quantity before any override. */
  readonly suggestedPortions: number;
  readonly overridden: boolean;
  readonly expectedLeftover: number;
  readonly expectedShortfall: number;
  /** Food cost of one portion in fen (fractional). */
  readonly costPerPortionFen: number;
  readonly portionKg: number;
  readonly distribution: QuantileDistribution;
}

export interface CoversLine {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod;
  readonly covers: number;
}

export interface ProductionPlanResult {
  readonly lines: ProductionLine[];
  readonly covers: CoversLine[];
  readonly warnings: string[];
}

/** A manager's quantity for one slot, keyed like slotKey(). */
export type OverrideMap = ReadonlyMap<string, number>;

/**
 * Portions per canteen × day × meal × dish: the forecast quantile at the newsvendor level of each
 * dish (or the manager's level), expected leftover and shortfall beside each, overrides applied.
 * Food costs are priced on `priceDate` (the day the plan is made).
 */
export function planProduction(params: { demand: readonly DemandForecast[]; catalogue: PlanningCatalogue; policy: CostPolicy; priceDate: IsoDate; overrides?: OverrideMap }): ProductionPlanResult {
  const { catalogue, policy, priceDate } = params;
  const lines: ProductionLine[] = [];
  const covers: CoversLine[] = [];
  const warnings: string[] = [];
  const costCache = new Map<number, { cost: number; level: number }>();
  const unknownDishes = new Set<number>();
  for (const slot of params.demand) {
    if (slot.dishId === COVERS_DISH_ID) {
      covers.push({ canteenId: slot.canteenId, serviceDate: slot.serviceDate, meal: slot.meal, covers: medianOf(slot.distribution) });
      continue;
    }
    const dish = catalogue.dishes.get(slot.dishId);
    if (!dish) {
      unknownDishes.add(slot.dishId);
      continue;
    }
    let priced = costCache.get(dish.id);
    if (!priced) {
      const cost = catalogue.costPerPortionOn(dish.id, priceDate);
      const level = serviceLevelFor({ costs: dishCosts({ category: dish.category, listPriceFen: dish.listPriceFen, costPerPortionFen: cost, policy }), policy });
      priced = { cost, level };
      costCache.set(dish.id, priced);
    }
    const suggested = planQuantity({ distribution: slot.distribution, level: priced.level });
    const override = params.overrides?.get(slotKey(slot));
    const final = override === undefined ? suggested : outcomeOf({ distribution: slot.distribution, portions: override });
    lines.push({
      canteenId: slot.canteenId,
      serviceDate: slot.serviceDate,
      meal: slot.meal,
      dishId: slot.dishId,
      forecastP50: medianOf(slot.distribution),
      serviceLevel: priced.level,
      plannedPortions: final.portions,
      suggestedPortions: suggested.portions,
      overridden: override !== undefined,
      expectedLeftover: final.expectedLeftover,
      expectedShortfall: final.expectedShortfall,
      costPerPortionFen: priced.cost,
      portionKg: dish.portionKg,
      distribution: slot.distribution,
    });
  }
  if (unknownDishes.size > 0) warnings.push(`forecasts name dishes that are not in the catalogue and were left out: ${[...unknownDishes].sort((a, b) => a - b).join(', ')}`);
  return { lines, covers, warnings };
}
