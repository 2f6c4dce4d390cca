import type { MenuQuadrant } from '@larder/analytics';
import type { IsoDate, MealPeriod } from '@larder/domain';

/** A dish the proposal may put on the menu, with what history says about it. */
export interface MenuCandidate {
  readonly dishId: number;
  readonly name: string;
  readonly nameEn: string;
  readonly category: string;
  /** Ingredient cost of one portion (fen), from the one costing (PortionCosts). */
  readonly costFen: number;
  readonly portionKg: number;
  /** Portions prepared but not sold, as a share of those prepared (0–1), over the dish's servings. */
  readonly wasteRate: number;
  /** Mean stars of the dish's feedback; null when nobody rated it. */
  readonly rating: number | null;
  readonly ratingCount: number;
  /** Services of the dish per meal in the history: few or none and its figures are not trusted. */
  readonly servingsByMeal: Readonly<Partial<Record<MealPeriod, number>>>;
  /** Meals the kitchen makes the dish for. */
  readonly meals: readonly MealPeriod[];
  /** Days the dish cannot be made (an ingredient out of season, no supplier delivering). */
  readonly unavailableDays: readonly IsoDate[];
  readonly quadrant: MenuQuadrant | null;
}

/** One day × meal of a menu: the dishes offered and the diners expected. */
export interface MenuSlot {
  readonly date: IsoDate;
  readonly meal: MealPeriod;
  readonly covers: number;
  readonly dishIds: readonly number[];
}

/** A dish served on a day before the cycle: the repeat rule looks back at these. */
export interface ServedDish {
  readonly date: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId: number;
}

export interface MenuRules {
  /** A dish comes back only after this many days (1: any other day; 7: not within the week). */
  readonly repeatGapDays: number;
  /** Dishes per category per meal; a meal without an entry keeps the categories of its current menu. */
  readonly categoryMix?: Readonly<Partial<Record<MealPeriod, Readonly<Record<string, number>>>>>;
  /** Predicted food cost per cover the subsidy budget allows, per meal (fen). */
  readonly maxCostPerCoverFen?: Readonly<Partial<Record<MealPeriod, number>>>;
  /** Dishes that stay wherever the current menu has them. */
  readonly pinned: readonly number[];
  /** Dishes never proposed. */
  readonly banned: readonly number[];
}

/**
 * Portions per cover of each dish on a slot's menu: the menu-aware share model (a dish's share
 * depends on what it competes with that day), scaled to one cover.
 */
export type SlotPredictor = (slot: { readonly date: IsoDate; readonly meal: MealPeriod }, dishIds: readonly number[]) => ReadonlyMap<number, number>;

export interface SlotFigures {
  readonly covers: number;
  /** kg of prepared food left over per cover. */
  readonly wasteKgPerCover: number;
  /** Ingredient cost of what is prepared, per cover (fen). */
  readonly costFenPerCover: number;
  /** Stars a diner can expect: ratings weighted by the predicted portions. */
  readonly satisfaction: number;
}

export type MenuChangeKind = 'replace' | 'add' | 'remove';

export interface MenuChange {
  readonly date: IsoDate;
  readonly meal: MealPeriod;
  readonly kind: MenuChangeKind;
  readonly category: string;
  readonly fromDishId: number | null;
  readonly toDishId: number | null;
  readonly explanation: { readonly zh: string; readonly en: string };
  /** The slot with this change alone against the current slot. */
  readonly before: SlotFigures;
  readonly after: SlotFigures;
}

export type MenuIssueReason = 'no-candidate' | 'over-budget' | 'pin-conflict';

/** A rule the proposal could not meet in a slot: the slot is left short rather than broken. */
export interface MenuIssue {
  readonly date: IsoDate;
  readonly meal: MealPeriod;
  readonly reason: MenuIssueReason;
  readonly category?: string;
  readonly dishId?: number;
}

export interface ProposedSlot extends MenuSlot {
  readonly current: SlotFigures;
  readonly proposed: SlotFigures;
  readonly currentDishIds: readonly number[];
}

export interface MenuProposal {
  readonly slots: readonly ProposedSlot[];
  readonly changes: readonly MenuChange[];
  readonly issues: readonly MenuIssue[];
  /** Cover-weighted over the cycle. */
  readonly totals: { readonly current: SlotFigures; readonly proposed: SlotFigures };
}

export interface MenuProposalInput {
  readonly candidates: readonly MenuCandidate[];
  readonly current: readonly MenuSlot[];
  readonly recent: readonly ServedDish[];
  readonly rules: MenuRules;
  readonly predict: SlotPredictor;
}
