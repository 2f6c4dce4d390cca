import { compareCodes } from '@larder/domain';
import type { IsoDate, MealPeriod } from '@larder/domain';
import { shiftDate } from './calendar-cache';
import { PlanningCatalogue } from './planning-catalogue';

/** Days before service an ingredient must be in the kitchen: breakfast is prepared the evening before. */
export const DEFAULT_ON_HAND_DAYS_BEFORE: Readonly<Record<MealPeriod, number>> = { breakfast: 1, lunch: 0, dinner: 0, night: 0 };

export interface IngredientNeed {
  readonly canteenId: number;
  readonly ingredientId: number;
  /** The day the ingredient must be on hand. */
  readonly neededBy: IsoDate;
  /** Gross quantity in the ingredient's unit (yield loss included). */
  readonly quantity: number;
}

export interface PortionsToCook {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId: number;
  readonly portions: number;
}

/**
 * Explodes portions into gross ingredient quantities (net per portion / (1 − yield loss)) and sums
 * them per canteen, ingredient and the day they must be on hand. Sorted by canteen, ingredient, day.
 */
export function explodeRecipes(params: { lines: readonly PortionsToCook[]; catalogue: PlanningCatalogue; onHandDaysBefore?: Partial<Record<MealPeriod, number>> }): IngredientNeed[] {
  const sums = new Map<string, { canteenId: number; ingredientId: number; neededBy: IsoDate; quantity: number }>();
  const dayCache = new Map<string, IsoDate>();
  for (const line of params.lines) {
    if (line.portions <= 0) continue;
    const offset = params.onHandDaysBefore?.[line.meal] ?? DEFAULT_ON_HAND_DAYS_BEFORE[line.meal];
    const dayKey = `${line.serviceDate}|${offset}`;
    let neededBy = dayCache.get(dayKey);
    if (neededBy === undefined) {
      neededBy = shiftDate(line.serviceDate, -offset);
      dayCache.set(dayKey, neededBy);
    }
    for (const recipe of params.catalogue.recipeOf(line.dishId)) {
      const key = `${line.canteenId}|${recipe.ingredientId}|${neededBy}`;
      const entry = sums.get(key);
      const quantity = line.portions * recipe.grossPerPortion;
      if (entry) entry.quantity += quantity;
      else sums.set(key, { canteenId: line.canteenId, ingredientId: recipe.ingredientId, neededBy, quantity });
    }
  }
  return [...sums.values()].sort((a, b) => a.canteenId - b.canteenId || a.ingredientId - b.ingredientId || compareCodes(a.neededBy, b.neededBy));
}
