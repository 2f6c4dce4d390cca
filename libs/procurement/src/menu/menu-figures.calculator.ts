import type { IsoDate, MealPeriod } from '@larder/domain';
import type { MenuCandidate, SlotFigures, SlotPredictor } from './menu-proposal-types';

/** Pseudo-servings (and pseudo-ratings) of the category's mean every dish's figures are shrunk toward. */
export const PRIOR_SERVINGS = 8;
export const PRIOR_RATINGS = 5;
/** Stars a slot loses per unit of untrusted share: a dish few diners have seen is not bet on. */
export const COLD_PENALTY_STARS = 0.5;
/** How a star trades against waste and cost in the objective: 1 ★ ≈ 0.1 kg waste per cover ≈ ¥4 per cover. */
export const WASTE_STARS_PER_KG = 10;
export const COST_STARS_PER_YUAN = 0.25;
/** Stars when no dish of the canteen was ever rated: the middle of the 1–5 scale. */
const NEUTRAL_RATING = 3;
/** A waste rate above this is a data fault, and 1 would make production infinite. */
const MAX_WASTE_RATE = 0.9;

export interface DishEstimate {
  readonly wasteRate: number;
  readonly rating: number;
  /** 0–1: how far the dish's own history at this meal is trusted over its category's mean. */
  readonly trust: number;
  readonly servings: number;
}

/**
 * Per-slot figures of a menu: the share model splits a cover among the dishes, each dish's waste rate
 * turns portions sold into portions prepared, and its costing prices them. A dish's waste and rating
 * are shrunk toward its category's mean by how often it was served at that meal, so a dish served
 * twice (or never at dinner) is judged mostly by its category, never by two lucky days.
 */
export class MenuFigures {
  private readonly byId: ReadonlyMap<number, MenuCandidate>;
  private readonly categoryWaste = new Map<string, number>();
  private readonly categoryRating = new Map<string, number>();
  private readonly estimates = new Map<string, DishEstimate>();

  constructor(
    candidates: readonly MenuCandidate[],
    private readonly predict: SlotPredictor,
  ) {
    this.byId = new Map(candidates.map((dish) => [dish.dishId, dish]));
    const waste = new Map<string, { sum: number; weight: number }>();
    const rating = new Map<string, { sum: number; weight: number }>();
    let ratedSum = 0;
    let ratedCount = 0;
    for (const dish of candidates) {
      const served = totalServings(dish);
      accumulate(waste, dish.category, dish.wasteRate * served, served);
      if (dish.rating !== null && dish.ratingCount > 0) {
        accumulate(rating, dish.category, dish.rating * dish.ratingCount, dish.ratingCount);
        ratedSum += dish.rating * dish.ratingCount;
        ratedCount += dish.ratingCount;
      }
    }
    const overallRating = ratedCount > 0 ? ratedSum / ratedCount : NEUTRAL_RATING;
    const overallWaste = mean(
      [...waste.values()].reduce((sum, entry) => ({ sum: sum.sum + entry.sum, weight: sum.weight + entry.weight }), { sum: 0, weight: 0 }),
      0,
    );
    for (const dish of candidates) {
      this.categoryWaste.set(dish.category, mean(waste.get(dish.category), overallWaste));
      this.categoryRating.set(dish.category, mean(rating.get(dish.category), overallRating));
    }
  }

  dish(dishId: number): MenuCandidate {
    const dish = this.byId.get(dishId);
    if (!dish) throw new Error(`menu: dish ${dishId} is not among the candidates`);
    return dish;
  }

  has(dishId: number): boolean {
    return this.byId.has(dishId);
  }

  estimate(dishId: number, meal: MealPeriod): DishEstimate {
    const key = `${dishId}|${meal}`;
    const known = this.estimates.get(key);
    if (known) return known;
    const dish = this.dish(dishId);
    const servings = dish.servingsByMeal[meal] ?? 0;
    const trust = servings / (servings + PRIOR_SERVINGS);
    const wasteRate = Math.min(MAX_WASTE_RATE, trust * dish.wasteRate + (1 - trust) * this.categoryWaste.get(dish.category)!);
    const ratings = dish.rating === null ? 0 : dish.ratingCount;
    const rating = (ratings * (dish.rating ?? 0) + PRIOR_RATINGS * this.categoryRating.get(dish.category)!) / (ratings + PRIOR_RATINGS);
    const estimate = { wasteRate, rating, trust, servings };
    this.estimates.set(key, estimate);
    return estimate;
  }

  figures(slot: { readonly date: IsoDate; readonly meal: MealPeriod; readonly covers: number }, dishIds: readonly number[]): SlotFigures {
    const portions = this.predict(slot, dishIds);
    let sold = 0;
    let wasteKg = 0;
    let costFen = 0;
    let stars = 0;
    for (const dishId of dishIds) {
      const perCover = portions.get(dishId) ?? 0;
      const estimate = this.estimate(dishId, slot.meal);
      const dish = this.dish(dishId);
      const prepared = perCover / (1 - estimate.wasteRate);
      sold += perCover;
      wasteKg += (prepared - perCover) * dish.portionKg;
      costFen += prepared * dish.costFen;
      stars += perCover * estimate.rating;
    }
    return { covers: slot.covers, wasteKgPerCover: wasteKg, costFenPerCover: costFen, satisfaction: sold > 0 ? stars / sold : 0 };
  }

  /** Each dish's part of the slot's portions. */
  shares(slot: { readonly date: IsoDate; readonly meal: MealPeriod }, dishIds: readonly number[]): Map<number, number> {
    const portions = this.predict(slot, dishIds);
    const sold = dishIds.reduce((sum, dishId) => sum + (portions.get(dishId) ?? 0), 0);
    return new Map(dishIds.map((dishId) => [dishId, sold > 0 ? (portions.get(dishId) ?? 0) / sold : 0]));
  }

  /** What the proposal maximises: stars, less waste and cost in stars, less the share bet on untrusted dishes. */
  score(slot: { readonly date: IsoDate; readonly meal: MealPeriod; readonly covers: number }, dishIds: readonly number[]): number {
    const figures = this.figures(slot, dishIds);
    const shares = this.shares(slot, dishIds);
    const untrusted = dishIds.reduce((sum, dishId) => sum + shares.get(dishId)! * (1 - this.estimate(dishId, slot.meal).trust), 0);
    return figures.satisfaction - WASTE_STARS_PER_KG * figures.wasteKgPerCover - (COST_STARS_PER_YUAN * figures.costFenPerCover) / 100 - COLD_PENALTY_STARS * untrusted;
  }

  categoryWasteRate(category: string): number {
    return this.categoryWaste.get(category) ?? 0;
  }

  categoryMeanRating(category: string): number {
    return this.categoryRating.get(category) ?? NEUTRAL_RATING;
  }
}

/** Cover-weighted mean of slot figures. */
export function weightedFigures(figures: readonly SlotFigures[]): SlotFigures {
  const covers = figures.reduce((sum, entry) => sum + entry.covers, 0);
  const weigh = (pick: (entry: SlotFigures) => number) => (covers > 0 ? figures.reduce((sum, entry) => sum + entry.covers * pick(entry), 0) / covers : 0);
  return {
    covers,
    wasteKgPerCover: weigh((entry) => entry.wasteKgPerCover),
    costFenPerCover: weigh((entry) => entry.costFenPerCover),
    satisfaction: weigh((entry) => entry.satisfaction),
  };
}

function totalServings(dish: MenuCandidate): number {
  return Object.values(dish.servingsByMeal).reduce((sum, count) => sum + (count ?? 0), 0);
}

function accumulate(into: Map<string, { sum: number; weight: number }>, key: string, sum: number, weight: number): void {
  const entry = into.get(key) ?? { sum: 0, weight: 0 };
  entry.sum += sum;
  entry.weight += weight;
  into.set(key, entry);
}

function mean(entry: { sum: number; weight: number } | undefined, fallback: number): number {
  return entry && entry.weight > 0 ? entry.sum / entry.weight : fallback;
}
