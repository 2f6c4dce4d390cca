import { daysBetween, IsoDate, MealPeriod } from '@larder/domain';
import type { MenuCandidate, MenuRules, MenuSlot, ServedDish } from './menu-proposal-types';

export type MenuViolationRule = 'banned' | 'unavailable' | 'wrong-meal' | 'repeat' | 'category-mix' | 'over-budget' | 'pin-moved' | 'unknown-dish';

export interface MenuViolation {
  readonly rule: MenuViolationRule;
  readonly date: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId?: number;
}

/** Whether a dish can be made for a meal on a day: not banned, made for that meal, not out of stock. */
export function dishAllowed(dish: MenuCandidate, date: IsoDate, meal: MealPeriod, rules: MenuRules): boolean {
  return !rules.banned.includes(dish.dishId) && dish.meals.includes(meal) && !dish.unavailableDays.includes(date);
}

/** Days between two servings closer than the gap (the same day at another meal is not a repeat). */
export function tooSoon(a: IsoDate, b: IsoDate, gapDays: number): boolean {
  const apart = Math.abs(daysBetween(a, b));
  return apart > 0 && apart < gapDays;
}

/** Categories a slot must offer: the rule's mix for the meal, else the current slot's own categories. */
export function requiredCategories(slot: MenuSlot, rules: MenuRules, categoryOf: (dishId: number) => string | undefined): string[] {
  const mix = rules.categoryMix?.[slot.meal];
  if (mix)
    return Object.entries(mix)
      .flatMap(([category, count]) => Array<string>(count).fill(category))
      .sort();
  return slot.dishIds.map((dishId) => categoryOf(dishId) ?? '?').sort();
}

/**
 * Every rule a proposed menu breaks. `current` gives each slot's own categories (when the rules
 * name no mix for its meal) and where pinned dishes stand; `costPerCover` prices a slot.
 */
export function menuViolations(params: {
  readonly proposed: readonly MenuSlot[];
  readonly current: readonly MenuSlot[];
  readonly recent: readonly ServedDish[];
  readonly rules: MenuRules;
  readonly candidates: ReadonlyMap<number, MenuCandidate>;
  readonly costPerCoverFen: (slot: MenuSlot) => number;
  /** Slots the proposal reported short (no candidate, budget): the mix and budget are not claimed there. */
  readonly excused?: ReadonlySet<string>;
}): MenuViolation[] {
  const { rules, candidates } = params;
  const violations: MenuViolation[] = [];
  const currentBySlot = new Map(params.current.map((slot) => [menuSlotKey(slot), slot]));
  // A serving is fixed when the proposal could not move it: before the cycle, or pinned where it stands.
  const isFixed = (slot: MenuSlot, dishId: number) => rules.pinned.includes(dishId) && (currentBySlot.get(menuSlotKey(slot))?.dishIds.includes(dishId) ?? false);
  const servings = new Map<number, Array<{ date: IsoDate; fixed: boolean }>>();
  const serve = (dishId: number, date: IsoDate, fixed: boolean) => servings.set(dishId, [...(servings.get(dishId) ?? []), { date, fixed }]);
  for (const served of params.recent) serve(served.dishId, served.date, true);
  for (const slot of params.proposed) for (const dishId of slot.dishIds) serve(dishId, slot.date, isFixed(slot, dishId));
  const categoryOf = (dishId: number) => candidates.get(dishId)?.category;
  for (const slot of params.proposed) {
    const where = { date: slot.date, meal: slot.meal };
    const current = currentBySlot.get(menuSlotKey(slot));
    for (const dishId of slot.dishIds) {
      const dish = candidates.get(dishId);
      if (!dish) {
        violations.push({ rule: 'unknown-dish', ...where, dishId });
        continue;
      }
      if (rules.banned.includes(dishId)) violations.push({ rule: 'banned', ...where, dishId });
      if (!dish.meals.includes(slot.meal)) violations.push({ rule: 'wrong-meal', ...where, dishId });
      if (dish.unavailableDays.includes(slot.date)) violations.push({ rule: 'unavailable', ...where, dishId });
      const fixed = isFixed(slot, dishId);
      const clash = (servings.get(dishId) ?? []).some((other) => tooSoon(other.date, slot.date, rules.repeatGapDays) && !(fixed && other.fixed));
      if (clash) violations.push({ rule: 'repeat', ...where, dishId });
    }
    for (const dishId of rules.pinned) {
      if (current?.dishIds.includes(dishId) && !slot.dishIds.includes(dishId)) violations.push({ rule: 'pin-moved', ...where, dishId });
    }
    if (params.excused?.has(menuSlotKey(slot))) continue;
    const wanted = current ? requiredCategories(current, rules, categoryOf) : [];
    const offered = slot.dishIds.map((dishId) => categoryOf(dishId) ?? '?').sort();
    if (wanted.join('|') !== offered.join('|')) violations.push({ rule: 'category-mix', ...where });
    const budget = rules.maxCostPerCoverFen?.[slot.meal];
    if (budget !== undefined && slot.dishIds.length > 0 && params.costPerCoverFen(slot) > budget + 1e-6) violations.push({ rule: 'over-budget', ...where });
  }
  return violations;
}

export function menuSlotKey(slot: { readonly date: IsoDate; readonly meal: MealPeriod }): string {
  return `${slot.date}|${slot.meal}`;
}
