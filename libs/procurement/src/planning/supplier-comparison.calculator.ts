import type { Fen, IsoDate } from '@larder/domain';
import { shiftDate } from './calendar-cache';
import { PlanningCatalogue } from './planning-catalogue';
import type { IngredientInfo, PlanningMoment } from './planning-types';
import { planIngredientPurchases, PurchaseBatch } from './purchase-planner';
import type { IngredientNeed } from './recipe-explosion';

/** A calendar month in canteen-local dates. */
export interface MonthSpan {
  readonly label: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Why the planner's supplier won the month: the only one; the lowest cost per usable unit (whole packs
 * and minimum orders included); cheaper ones cannot deliver in time (lead time, delivery days) or only
 * earlier than the shelf life allows; or the cheapest source differs per delivery. 'no-need': not used.
 */
export const SUPPLIER_CHOICE_REASONS = ['only-supplier', 'lowest-cost', 'others-late', 'others-not-fresh', 'cheapest-per-delivery', 'no-need'] as const;
export type SupplierChoiceReason = (typeof SUPPLIER_CHOICE_REASONS)[number];

export interface SupplierOffer {
  readonly supplierItemId: number;
  readonly supplierId: number;
  readonly packSize: number;
  readonly minOrderPacks: number;
  readonly leadTimeDays: number;
  readonly deliveryWeekdays: readonly number[];
  /** Pack price in force on the last day of each price month, oldest first (null before its first price list). */
  readonly packPrices: readonly (Fen | null)[];
  /** Rise of the month's closing pack price over the previous month's, as a share, when at least the threshold. */
  readonly priceRise: number | null;
  /** The month's needs bought from this item alone, as the planner would buy them; null when nothing was needed. */
  readonly monthCostFen: Fen | null;
  /** monthCostFen per unit actually needed (fen, fractional): the price per usable unit. */
  readonly costPerUsableUnitFen: number | null;
  /** Alone, some delivery would come after the day of need. */
  readonly late: boolean;
  /** Alone, some delivery would come earlier than the shelf life allows. */
  readonly notFresh: boolean;
}

export interface IngredientComparison {
  readonly ingredientId: number;
  readonly shelfLifeDays: number;
  /** Gross quantity the month needs, in the ingredient's unit. */
  readonly neededQuantity: number;
  readonly offers: readonly SupplierOffer[];
  /** The item the planner buys most of (by amount) this month. */
  readonly chosenSupplierItemId: number | null;
  readonly reason: SupplierChoiceReason;
  /** The item the planner bought most of last month. */
  readonly lastMonthSupplierItemId: number | null;
  /** The month's needs as the planner buys them from every supplier item. */
  readonly chosenCostFen: Fen;
  /** The same needs bought from last month's supplier item alone (the chosen cost when there was none). */
  readonly lastMonthCostFen: Fen;
  /** lastMonthCostFen − chosenCostFen: what choosing again this month saves. */
  readonly savingFen: Fen;
}

export interface SupplierComparison {
  readonly month: string;
  readonly priceMonths: readonly string[];
  readonly ingredients: readonly IngredientComparison[];
  readonly chosenCostFen: Fen;
  readonly lastMonthCostFen: Fen;
  readonly savingFen: Fen;
  readonly priceRises: number;
}

export const DEFAULT_PRICE_RISE_THRESHOLD = 0.03;
/** Orders for a month are planned this many days before it starts, so every supplier's lead time fits. */
const PLANNED_DAYS_AHEAD = 14;

/**
 * 货比三家: for every ingredient with supplier items, the prices side by side, the supplier the
 * purchase planner (planIngredientPurchases, the one owner of supplier choice) picks for the month's
 * needs and why, price rises, and what the month's needs cost against always buying from last month's
 * choice. Needs are per canteen; a canteen's needs are bought as one month of planning.
 */
export function compareSuppliers(params: {
  catalogue: PlanningCatalogue;
  month: MonthSpan;
  previousMonth: MonthSpan;
  /** Months whose closing prices are shown, oldest first; the last should be `month`. */
  priceMonths: readonly MonthSpan[];
  needs: readonly IngredientNeed[];
  previousNeeds: readonly IngredientNeed[];
  riseThreshold?: number;
}): SupplierComparison {
  const { catalogue, month } = params;
  const threshold = params.riseThreshold ?? DEFAULT_PRICE_RISE_THRESHOLD;
  const needsNow = groupNeeds(params.needs);
  const needsBefore = groupNeeds(params.previousNeeds);
  const ingredients: IngredientComparison[] = [];
  for (const ingredient of [...catalogue.ingredients.values()].sort((a, b) => a.id - b.id)) {
    const items = catalogue.itemsFor(ingredient.id);
    if (items.length === 0) continue;
    const now = needsNow.get(ingredient.id) ?? new Map<number, IngredientNeed[]>();
    const chosenBatches = buy({ catalogue, ingredient, needs: now, month });
    const lastMonthSupplierItemId = mainItem(buy({ catalogue, ingredient, needs: needsBefore.get(ingredient.id) ?? new Map(), month: params.previousMonth }));
    const neededQuantity = [...now.values()].flat().reduce((sum, need) => sum + need.quantity, 0);
    const offers = items.map((item): SupplierOffer => {
      const alone = neededQuantity > 0 ? buy({ catalogue: catalogue.onlyItems(new Set([item.id])), ingredient, needs: now, month }) : [];
      const monthCostFen = neededQuantity > 0 ? amountOf(alone) : null;
      const closing = catalogue.packPriceOn(item.id, month.to);
      const before = catalogue.packPriceOn(item.id, params.previousMonth.to);
      const rise = closing !== null && before !== null && before > 0 ? closing / before - 1 : null;
      return {
        supplierItemId: item.id,
        supplierId: item.supplierId,
        packSize: item.packSize,
        minOrderPacks: item.minOrderPacks,
        leadTimeDays: item.leadTimeDays,
        deliveryWeekdays: item.deliveryWeekdays,
        packPrices: params.priceMonths.map((span) => catalogue.packPriceOn(item.id, span.to)),
        priceRise: rise !== null && rise >= threshold - 1e-9 ? rise : null,
        monthCostFen,
        costPerUsableUnitFen: monthCostFen === null ? null : monthCostFen / neededQuantity,
        late: alone.some((batch) => batch.late),
        notFresh: alone.some((batch) => batch.beyondShelfLife),
      };
    });
    const chosenSupplierItemId = mainItem(chosenBatches);
    const chosenCostFen = amountOf(chosenBatches);
    const lastMonthOffer = offers.find((offer) => offer.supplierItemId === lastMonthSupplierItemId);
    const lastMonthCostFen = lastMonthOffer?.monthCostFen ?? chosenCostFen;
    ingredients.push({
      ingredientId: ingredient.id,
      shelfLifeDays: ingredient.shelfLifeDays,
      neededQuantity,
      offers,
      chosenSupplierItemId,
      reason: reasonFor(offers, chosenSupplierItemId),
      lastMonthSupplierItemId,
      chosenCostFen,
      lastMonthCostFen,
      savingFen: lastMonthCostFen - chosenCostFen,
    });
  }
  const total = (pick: (row: IngredientComparison) => number) => ingredients.reduce((sum, row) => sum + pick(row), 0);
  return {
    month: month.label,
    priceMonths: params.priceMonths.map((span) => span.label),
    ingredients,
    chosenCostFen: total((row) => row.chosenCostFen),
    lastMonthCostFen: total((row) => row.lastMonthCostFen),
    savingFen: total((row) => row.savingFen),
    priceRises: ingredients.reduce((sum, row) => sum + row.offers.filter((offer) => offer.priceRise !== null).length, 0),
  };
}

function groupNeeds(needs: readonly IngredientNeed[]): Map<number, Map<number, IngredientNeed[]>> {
  const byIngredient = new Map<number, Map<number, IngredientNeed[]>>();
  for (const need of needs) {
    const byCanteen = byIngredient.get(need.ingredientId) ?? new Map<number, IngredientNeed[]>();
    byCanteen.set(need.canteenId, [...(byCanteen.get(need.canteenId) ?? []), need]);
    byIngredient.set(need.ingredientId, byCanteen);
  }
  return byIngredient;
}

function buy(params: { catalogue: PlanningCatalogue; ingredient: IngredientInfo; needs: ReadonlyMap<number, IngredientNeed[]>; month: MonthSpan }): PurchaseBatch[] {
  const now: PlanningMoment = { date: shiftDate(params.month.from, -PLANNED_DAYS_AHEAD), time: '00:00' };
  return [...params.needs.entries()].flatMap(
    ([canteenId, needs]) =>
      planIngredientPurchases({
        canteenId,
        ingredient: params.ingredient,
        catalogue: params.catalogue,
        now,
        needs: needs.map((need) => ({ date: need.neededBy, quantity: need.quantity })),
      }).batches,
  );
}

function amountOf(batches: readonly PurchaseBatch[]): Fen {
  return batches.reduce((sum, batch) => sum + batch.amountFen, 0);
}

/** The item with the largest amount bought (lowest id on a tie); null when nothing was bought. */
function mainItem(batches: readonly PurchaseBatch[]): number | null {
  const amounts = new Map<number, number>();
  for (const batch of batches) amounts.set(batch.supplierItemId, (amounts.get(batch.supplierItemId) ?? 0) + batch.amountFen);
  let best: number | null = null;
  for (const [id, amount] of amounts) if (best === null || amount > amounts.get(best)! || (amount === amounts.get(best)! && id < best)) best = id;
  return best;
}

function reasonFor(offers: readonly SupplierOffer[], chosen: number | null): SupplierChoiceReason {
  if (chosen === null) return 'no-need';
  if (offers.length === 1) return 'only-supplier';
  const own = offers.find((offer) => offer.supplierItemId === chosen)!;
  const cheaper = offers.filter((offer) => offer.supplierItemId !== chosen && offer.monthCostFen !== null && offer.monthCostFen < own.monthCostFen!);
  if (cheaper.length === 0) return 'lowest-cost';
  if (cheaper.every((offer) => offer.late)) return 'others-late';
  if (cheaper.every((offer) => offer.late || offer.notFresh)) return 'others-not-fresh';
  return 'cheapest-per-delivery';
}
