import { type Fen, type IsoDate, packsFor, type StorageKind } from '@larder/domain';
import { shiftDate } from './calendar-cache';
import { canStillOrder, earliestDelivery, latestDeliveryBy, orderDayFor } from './order-schedule';
import { PlanningCatalogue } from './planning-catalogue';
import type { IngredientInfo, PlanningMoment, SupplierItemInfo } from './planning-types';
import { lineAmountFen, surplusQuantity } from './order-rules';
import { DatedQuantity, drawFromLots, StockLot } from './stock-netting';

export interface PurchaseOptions {
  /** Most days one delivery covers, by storage: fresh goods are bought for the days they are used. */
  readonly maxCoverDays?: Partial<Record<StorageKind, number>>;
  /** Shelf-life days kept in reserve: a delivery is planned for use only while this many days remain. */
  readonly freshnessMarginDays?: number;
}

export const DEFAULT_MAX_COVER_DAYS: Readonly<Record<StorageKind, number>> = { chilled: 2, ambient: 7, frozen: 7 };

export interface PurchaseBatch {
  readonly canteenId: number;
  readonly ingredientId: number;
  readonly supplierItemId: number;
  readonly supplierId: number;
  /** Last day to place the order (before the supplier's cut-off). */
  readonly orderDate: IsoDate;
  readonly deliveryDate: IsoDate;
  readonly packs: number;
  readonly packSize: number;
  readonly packPriceFen: Fen;
  readonly amountFen: Fen;
  /** What the needs call for, before rounding up to packs and minimum orders. */
  readonly neededQuantity: number;
  /** Bought beyond the need because of pack size or minimum order. */
  readonly surplusQuantity: number;
  /** First and last day of need this delivery serves. */
  readonly coversFrom: IsoDate;
  readonly coversTo: IsoDate;
  /** No supplier can deliver before the first day of need: this is the earliest possible delivery. */
  readonly late: boolean;
  /** Delivered earlier than the shelf life allows for its first day of need (no fresher option exists). */
  readonly beyondShelfLife: boolean;
}

/** Days a delivery stays usable for planning: shelf life less the reserve, at least the day itself. */
export function usableDays(ingredient: Pick<IngredientInfo, 'shelfLifeDays'>, options: PurchaseOptions = {}): number {
  return Math.max(1, ingredient.shelfLifeDays - (options.freshnessMarginDays ?? 1));
}

/** Days one delivery should cover: no longer than it stays usable nor than its storage kind allows. */
export function coverDays(ingredient: Pick<IngredientInfo, 'shelfLifeDays' | 'storage'>, options: PurchaseOptions = {}): number {
  const byStorage = options.maxCoverDays?.[ingredient.storage] ?? DEFAULT_MAX_COVER_DAYS[ingredient.storage];
  return Math.max(1, Math.min(usableDays(ingredient, options), byStorage));
}

interface Candidate {
  readonly item: SupplierItemInfo;
  readonly deliveryDate: IsoDate;
  readonly orderDate: IsoDate;
  readonly late: boolean;
  readonly beyondShelfLife: boolean;
  readonly windowEnd: IsoDate;
  readonly quantity: number;
  readonly packs: number;
  readonly packPriceFen: Fen;
  readonly unitCost: number;
}

/**
 * Buys one ingredient for one canteen: walks its net needs day by day; when a day is short it picks,
 * among the supplier items, the delivery that arrives in time and as late as possible (so fresh goods
 * are bought for the days they are used), covers the following days up to the cover window, rounds up
 * to whole packs and the minimum order, and keeps the rounding surplus as stock for later days while it
 * stays usable. The cheapest item per unit actually needed wins among those that arrive in time and fresh.
 */
export function planIngredientPurchases(params: {
  canteenId: number;
  ingredient: IngredientInfo;
  needs: readonly DatedQuantity[];
  catalogue: PlanningCatalogue;
  now: PlanningMoment;
  options?: PurchaseOptions;
}): { batches: PurchaseBatch[]; unmet: DatedQuantity[] } {
  const { ingredient, catalogue, now } = params;
  const options = params.options ?? {};
  const usable = usableDays(ingredient, options);
  const cover = coverDays(ingredient, options);
  const items = catalogue.itemsFor(ingredient.id);
  const needs = params.needs.map((need) => ({ date: need.date, remaining: need.quantity })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lots: StockLot[] = [];
  const batches: PurchaseBatch[] = [];
  const unmet: DatedQuantity[] = [];

  for (let i = 0; i < needs.length; i++) {
    const need = needs[i];
    need.remaining = drawFromLots(lots, need.date, need.remaining);
    if (need.remaining <= 0) continue;
    const horizon = shiftDate(need.date, cover - 1);
    // Surplus of earlier deliveries is used before a new delivery is sized.
    for (let j = i + 1; j < needs.length && needs[j].date <= horizon; j++) needs[j].remaining = drawFromLots(lots, needs[j].date, needs[j].remaining);

    let best: Candidate | null = null;
    for (const item of items) {
      const candidate = evaluate({ item, needs, first: i, usable, cover, catalogue, now });
      if (candidate && (best === null || better(candidate, best))) best = candidate;
    }
    if (best === null) {
      unmet.push({ date: need.date, quantity: need.remaining });
      need.remaining = 0;
      continue;
    }
    let coversTo = need.date;
    for (let j = i; j < needs.length && needs[j].date <= best.windowEnd; j++) {
      if (needs[j].remaining > 0) coversTo = needs[j].date;
      needs[j].remaining = 0;
    }
    const surplus = surplusQuantity({ packs: best.packs, packSize: best.item.packSize, neededQuantity: best.quantity });
    if (surplus > 1e-9) lots.push({ quantity: surplus, availableFrom: best.deliveryDate, usableUntil: shiftDate(best.deliveryDate, usable - 1), source: 'surplus' });
    batches.push({
      canteenId: params.canteenId,
      ingredientId: ingredient.id,
      supplierItemId: best.item.id,
      supplierId: best.item.supplierId,
      orderDate: best.orderDate,
      deliveryDate: best.deliveryDate,
      packs: best.packs,
      packSize: best.item.packSize,
      packPriceFen: best.packPriceFen,
      amountFen: lineAmountFen(best.packs, best.packPriceFen),
      neededQuantity: best.quantity,
      surplusQuantity: surplus,
      coversFrom: need.date,
      coversTo,
      late: best.late,
      beyondShelfLife: best.beyondShelfLife,
    });
  }
  return { batches, unmet };
}

function evaluate(params: {
  item: SupplierItemInfo;
  needs: readonly { date: IsoDate; remaining: number }[];
  first: number;
  usable: number;
  cover: number;
  catalogue: PlanningCatalogue;
  now: PlanningMoment;
}): Candidate | null {
  const { item, needs, first, now } = params;
  const needDate = needs[first].date;
  let deliveryDate = latestDeliveryBy({ item, onOrBefore: needDate, now });
  let late = false;
  if (deliveryDate === null) {
    deliveryDate = earliestDelivery({ item, now });
    late = true;
    if (deliveryDate === null || !canStillOrder({ item, deliveryDate, now })) return null;
  }
  const orderDate = orderDayFor(item, deliveryDate);
  const packPriceFen = params.catalogue.packPriceOn(item.id, orderDate);
  if (packPriceFen === null) return null;
  // A delivery serves needs while it stays usable (counted from the delivery) and for at most `cover`
  // days of use (counted from the first need); one that must come earlier than the shelf life allows
  // still serves its first day of need.
  const freshUntil = shiftDate(deliveryDate, params.usable - 1);
  const coverEnd = shiftDate(late ? deliveryDate : needDate, params.cover - 1);
  const end = freshUntil < coverEnd ? freshUntil : coverEnd;
  const windowEnd = end < needDate ? needDate : end;
  const beyondShelfLife = !late && needDate > freshUntil;
  let quantity = 0;
  for (let j = first; j < needs.length && needs[j].date <= windowEnd; j++) quantity += needs[j].remaining;
  const packs = packsFor({ quantity, packSize: item.packSize, minOrderPacks: item.minOrderPacks });
  return { item, deliveryDate, orderDate, late, beyondShelfLife, windowEnd, quantity, packs, packPriceFen, unitCost: lineAmountFen(packs, packPriceFen) / quantity };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.late !== b.late) return !a.late;
  if (a.beyondShelfLife !== b.beyondShelfLife) return !a.beyondShelfLife;
  if (a.late && a.deliveryDate !== b.deliveryDate) return a.deliveryDate < b.deliveryDate;
  if (Math.abs(a.unitCost - b.unitCost) > 1e-9) return a.unitCost < b.unitCost;
  return a.item.id < b.item.id;
}
