import { LarderError } from '@larder/common';
import { IsoDate, MEAL_PERIODS } from '@larder/domain';
import { changeExplanation, dropReasons, pickLabel } from './menu-explanation';
import { MenuFigures, weightedFigures } from './menu-figures.calculator';
import type { MenuChange, MenuIssue, MenuProposal, MenuProposalInput, MenuRules, MenuSlot, ProposedSlot } from './menu-proposal-types';
import { dishAllowed, menuViolations, MenuViolationRule, requiredCategories, menuSlotKey, tooSoon } from './menu-rules';

/** A change must gain this much of the objective (stars) to be proposed: no churn for noise. */
const MIN_GAIN = 0.005;
const PASSES = 3;

interface Position {
  readonly category: string;
  dishId: number | null;
  readonly locked: boolean;
}

interface WorkSlot {
  readonly slot: MenuSlot;
  readonly positions: Position[];
}

/**
 * Proposes a menu for the cycle: pinned dishes stay, each slot keeps its current dish where the rules
 * allow and takes the best legal one where not, then a local search swaps dishes slot by slot while
 * the objective (MenuFigures.score) gains. Every placement is checked against every rule before it is
 * made, so the proposal never breaks one; a slot the rules leave no way to fill is left short and
 * reported as an issue.
 */
export function proposeMenu(input: MenuProposalInput): MenuProposal {
  const { rules } = input;
  validate(input);
  const figures = new MenuFigures(input.candidates, input.predict);
  const byCategory = new Map<string, number[]>();
  for (const dish of input.candidates) byCategory.set(dish.category, [...(byCategory.get(dish.category) ?? []), dish.dishId]);
  const current = [...input.current].sort(bySlotOrder);
  const servings = new Servings(rules.repeatGapDays);
  for (const served of input.recent) servings.add(served.dishId, served.date, 'recent', true);
  const issues: MenuIssue[] = [];
  const work: WorkSlot[] = current.map((slot) => ({ slot, positions: pinPositions(slot, rules, figures, servings, issues) }));

  const legal = (entry: WorkSlot, index: number, dishId: number): boolean => {
    const { slot, positions } = entry;
    if (!dishAllowed(figures.dish(dishId), slot.date, slot.meal, rules)) return false;
    if (positions.some((position, other) => other !== index && position.dishId === dishId)) return false;
    return !servings.clashes(dishId, slot.date, menuSlotKey(slot));
  };
  const dishesOf = (entry: WorkSlot, index?: number, dishId?: number) =>
    entry.positions.map((position, at) => (at === index ? (dishId ?? null) : position.dishId)).filter((id): id is number => id !== null);
  const place = (entry: WorkSlot, index: number, dishId: number | null) => {
    const position = entry.positions[index];
    if (position.dishId !== null) servings.remove(position.dishId, menuSlotKey(entry.slot));
    position.dishId = dishId;
    if (dishId !== null) servings.add(dishId, entry.slot.date, menuSlotKey(entry.slot), false);
  };
  const budgetOf = (entry: WorkSlot) => rules.maxCostPerCoverFen?.[entry.slot.meal] ?? Number.POSITIVE_INFINITY;
  const costOf = (entry: WorkSlot, dishIds: readonly number[]) => figures.figures(entry.slot, dishIds).costFenPerCover;

  for (const entry of work) {
    entry.positions.forEach((position, index) => {
      if (position.locked) return;
      const keep = entry.slot.dishIds.find((dishId) => figures.dish(dishId).category === position.category && legal(entry, index, dishId));
      if (keep !== undefined) return place(entry, index, keep);
      let best: { dishId: number; score: number } | null = null;
      for (const dishId of byCategory.get(position.category) ?? []) {
        if (!legal(entry, index, dishId)) continue;
        const score = figures.score(entry.slot, dishesOf(entry, index, dishId));
        if (best === null || score > best.score) best = { dishId, score };
      }
      if (best) place(entry, index, best.dishId);
      else issues.push({ date: entry.slot.date, meal: entry.slot.meal, reason: 'no-candidate', category: position.category });
    });
    bringUnderBudget(entry);
  }

  function bringUnderBudget(entry: WorkSlot): void {
    const budget = budgetOf(entry);
    for (;;) {
      const cost = costOf(entry, dishesOf(entry));
      if (cost <= budget) return;
      let cheapest: { index: number; dishId: number; cost: number } | null = null;
      entry.positions.forEach((position, index) => {
        if (position.locked || position.dishId === null) return;
        for (const dishId of byCategory.get(position.category) ?? []) {
          if (dishId === position.dishId || !legal(entry, index, dishId)) continue;
          const after = costOf(entry, dishesOf(entry, index, dishId));
          if (after < (cheapest?.cost ?? cost)) cheapest = { index, dishId, cost: after };
        }
      });
      if (cheapest === null) {
        issues.push({ date: entry.slot.date, meal: entry.slot.meal, reason: 'over-budget' });
        return;
      }
      const { index, dishId } = cheapest;
      place(entry, index, dishId);
    }
  }

  for (let pass = 0; pass < PASSES; pass++) {
    let improved = false;
    for (const entry of work) {
      const budget = budgetOf(entry);
      entry.positions.forEach((position, index) => {
        if (position.locked || position.dishId === null) return;
        const now = dishesOf(entry);
        const base = figures.score(entry.slot, now);
        const ceiling = Math.max(budget, costOf(entry, now));
        // Cheaper or less wasteful, never at the diners' expense: stars stay at the current menu's (or where the rules put them).
        const floor = Math.min(figures.figures(entry.slot, entry.slot.dishIds).satisfaction, figures.figures(entry.slot, now).satisfaction);
        let best: { dishId: number; gain: number } | null = null;
        for (const dishId of byCategory.get(position.category) ?? []) {
          if (dishId === position.dishId || !legal(entry, index, dishId)) continue;
          const menu = dishesOf(entry, index, dishId);
          if (costOf(entry, menu) > ceiling || figures.figures(entry.slot, menu).satisfaction < floor - 1e-9) continue;
          const gain = figures.score(entry.slot, menu) - base;
          if (gain > MIN_GAIN && gain > (best?.gain ?? 0)) best = { dishId, gain };
        }
        if (best) {
          place(entry, index, best.dishId);
          improved = true;
        }
      });
    }
    if (!improved) break;
  }

  const proposed = work.map((entry) => ({ ...entry.slot, dishIds: dishesOf(entry) }));
  return assemble({ input, figures, proposed, current, issues });
}

function validate(input: MenuProposalInput): void {
  const { rules } = input;
  if (!Number.isInteger(rules.repeatGapDays) || rules.repeatGapDays < 1)
    throw new LarderError('VALIDATION_FAILED', `menu: the repeat gap must be a whole number of days from 1, got ${rules.repeatGapDays}`);
  const both = rules.pinned.filter((dishId) => rules.banned.includes(dishId));
  if (both.length > 0) throw new LarderError('VALIDATION_FAILED', `menu: dishes both pinned and banned: ${both.join(', ')}`, { dishIds: both });
  const known = new Set(input.candidates.map((dish) => dish.dishId));
  const unknown = input.current.flatMap((slot) => slot.dishIds.filter((dishId) => !known.has(dishId)));
  if (unknown.length > 0) throw new Error(`menu: current dishes without candidate figures: ${[...new Set(unknown)].join(', ')}`);
}

/** Positions of the slot's category mix, pinned dishes placed first in their own category's positions. */
function pinPositions(slot: MenuSlot, rules: MenuRules, figures: MenuFigures, servings: Servings, issues: MenuIssue[]): Position[] {
  const categories = requiredCategories(slot, rules, (dishId) => figures.dish(dishId).category);
  const positions: Position[] = categories.map((category) => ({ category, dishId: null, locked: false }));
  for (const dishId of slot.dishIds.filter((id) => rules.pinned.includes(id))) {
    const dish = figures.dish(dishId);
    const free = positions.findIndex((position) => position.category === dish.category && position.dishId === null);
    if (free < 0 || !dishAllowed(dish, slot.date, slot.meal, rules)) {
      issues.push({ date: slot.date, meal: slot.meal, reason: 'pin-conflict', dishId });
      continue;
    }
    positions[free] = { category: dish.category, dishId, locked: true };
    servings.add(dishId, slot.date, menuSlotKey(slot), true);
  }
  return positions;
}

function assemble(params: { input: MenuProposalInput; figures: MenuFigures; proposed: MenuSlot[]; current: MenuSlot[]; issues: MenuIssue[] }): MenuProposal {
  const { input, figures, proposed, current, issues } = params;
  const candidates = new Map(input.candidates.map((dish) => [dish.dishId, dish]));
  const costPerCoverFen = (slot: MenuSlot) => figures.figures(slot, slot.dishIds).costFenPerCover;
  const brokenNow = new Map<string, MenuViolationRule[]>();
  for (const violation of menuViolations({ proposed: current, current, recent: input.recent, rules: input.rules, candidates, costPerCoverFen })) {
    const key = `${menuSlotKey(violation)}|${violation.dishId ?? '*'}`;
    brokenNow.set(key, [...(brokenNow.get(key) ?? []), violation.rule]);
  }
  const changes: MenuChange[] = [];
  const slots: ProposedSlot[] = proposed.map((slot, index) => {
    const before = current[index];
    changes.push(...slotChanges({ before, after: slot, figures, rules: input.rules, brokenNow }));
    return { ...slot, currentDishIds: before.dishIds, current: figures.figures(before, before.dishIds), proposed: figures.figures(slot, slot.dishIds) };
  });
  return {
    slots,
    changes,
    issues,
    totals: { current: weightedFigures(slots.map((slot) => slot.current)), proposed: weightedFigures(slots.map((slot) => slot.proposed)) },
  };
}

function slotChanges(params: { before: MenuSlot; after: MenuSlot; figures: MenuFigures; rules: MenuRules; brokenNow: Map<string, MenuViolationRule[]> }): MenuChange[] {
  const { before, after, figures, rules } = params;
  const removed = before.dishIds.filter((dishId) => !after.dishIds.includes(dishId));
  const added = after.dishIds.filter((dishId) => !before.dishIds.includes(dishId));
  const shares = figures.shares(before, before.dishIds);
  const name = (dishId: number) => ({ zh: figures.dish(dishId).name, en: figures.dish(dishId).nameEn });
  const from = (dishId: number) => ({
    name: name(dishId),
    reasons: dropReasons({
      figures,
      dishId,
      meal: before.meal,
      share: shares.get(dishId) ?? 0,
      equalShare: 1 / before.dishIds.length,
      broken: [...(params.brokenNow.get(`${menuSlotKey(before)}|${dishId}`) ?? []), ...(params.brokenNow.get(`${menuSlotKey(before)}|*`) ?? [])],
      repeatGapDays: rules.repeatGapDays,
    }),
  });
  const to = (dishId: number) => ({ name: name(dishId), label: pickLabel(figures, dishId, before.meal) });
  const change = (fromDishId: number | null, toDishId: number | null): MenuChange => {
    const kind = fromDishId !== null && toDishId !== null ? 'replace' : toDishId !== null ? 'add' : 'remove';
    const menu = [...before.dishIds.filter((dishId) => dishId !== fromDishId), ...(toDishId !== null ? [toDishId] : [])];
    return {
      date: before.date,
      meal: before.meal,
      kind,
      category: figures.dish((toDishId ?? fromDishId)!).category,
      fromDishId,
      toDishId,
      explanation: changeExplanation(kind, fromDishId !== null ? from(fromDishId) : null, toDishId !== null ? to(toDishId) : null),
      before: figures.figures(before, before.dishIds),
      after: figures.figures(before, menu),
    };
  };
  const changes: MenuChange[] = [];
  const left = [...removed];
  for (const dishId of added) {
    const match = left.findIndex((other) => figures.dish(other).category === figures.dish(dishId).category);
    changes.push(change(match >= 0 ? left.splice(match, 1)[0] : null, dishId));
  }
  for (const dishId of left) changes.push(change(dishId, null));
  return changes;
}

function bySlotOrder(a: MenuSlot, b: MenuSlot): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : MEAL_PERIODS.indexOf(a.meal) - MEAL_PERIODS.indexOf(b.meal);
}

/** Where each dish is placed: the repeat rule's memory, updated with every placement. */
class Servings {
  private readonly byDish = new Map<number, Map<string, { date: IsoDate; fixed: boolean }>>();

  constructor(private readonly gapDays: number) {}

  add(dishId: number, date: IsoDate, where: string, fixed: boolean): void {
    const entries = this.byDish.get(dishId) ?? new Map<string, { date: IsoDate; fixed: boolean }>();
    entries.set(`${where}|${date}`, { date, fixed });
    this.byDish.set(dishId, entries);
  }

  remove(dishId: number, where: string): void {
    const entries = this.byDish.get(dishId);
    if (!entries) return;
    for (const key of [...entries.keys()]) if (key.startsWith(`${where}|`)) entries.delete(key);
  }

  /** Whether a new (movable) serving on `date` would sit too close to any other serving. */
  clashes(dishId: number, date: IsoDate, where: string): boolean {
    for (const [key, entry] of this.byDish.get(dishId) ?? []) {
      if (!key.startsWith(`${where}|`) && tooSoon(entry.date, date, this.gapDays)) return true;
    }
    return false;
  }
}
