import { compareCodes } from '@larder/domain';
import type { IsoDate } from '@larder/domain';
import { shiftDate } from './calendar-cache';

/** Stock that can be used from one day until (and including) its last usable day. */
export interface StockLot {
  quantity: number;
  readonly availableFrom: IsoDate;
  readonly usableUntil: IsoDate;
  readonly source: 'count' | 'order' | 'surplus';
}

export interface StockCountInfo {
  readonly countedOn: IsoDate;
  readonly quantity: number;
}

export interface IncomingDelivery {
  readonly deliveryDate: IsoDate;
  readonly quantity: number;
}

/** Last day a lot received on `from` can still be used: shelf life counts the day of receipt. */
export function lastUsableDay(from: IsoDate, shelfLifeDays: number): IsoDate {
  return shiftDate(from, Math.max(1, shelfLifeDays) - 1);
}

/**
 * Stock lots of one ingredient in one canteen: the latest count (assumed as old as the count day, so it
 * keeps at most its shelf life from then), deliveries ordered since the count, minus what was used or
 * spoiled since the count, taken first from the lot that expires first.
 */
export function openingLots(params: {
  count: StockCountInfo | null;
  /** Gross use (recorded production exploded) and spoilage logged after the count day. */
  usedSinceCount: number;
  /** Last day of that use: it can only have come from lots received by then. */
  usedUntil?: IsoDate;
  deliveries: readonly IncomingDelivery[];
  shelfLifeDays: number;
}): StockLot[] {
  const lots: StockLot[] = [];
  if (params.count && params.count.quantity > 0) {
    lots.push({ quantity: params.count.quantity, availableFrom: params.count.countedOn, usableUntil: lastUsableDay(params.count.countedOn, params.shelfLifeDays), source: 'count' });
  }
  for (const delivery of params.deliveries) {
    if (delivery.quantity <= 0) continue;
    lots.push({ quantity: delivery.quantity, availableFrom: delivery.deliveryDate, usableUntil: lastUsableDay(delivery.deliveryDate, params.shelfLifeDays), source: 'order' });
  }
  lots.sort((a, b) => compareCodes(a.availableFrom, b.availableFrom) || compareCodes(a.usableUntil, b.usableUntil));
  let used = Math.max(0, params.usedSinceCount);
  for (const lot of lots) {
    if (used <= 0) break;
    if (params.usedUntil !== undefined && lot.availableFrom > params.usedUntil) continue;
    const take = Math.min(lot.quantity, used);
    lot.quantity -= take;
    used -= take;
  }
  return lots.filter((lot) => lot.quantity > 1e-9);
}

export interface DatedQuantity {
  readonly date: IsoDate;
  readonly quantity: number;
}

/**
 * Takes from `lots` (mutated) what they can give `quantity` on `date`: usable lots only, the one that
 * expires first first. Returns what is still missing.
 */
export function drawFromLots(lots: StockLot[], date: IsoDate, quantity: number): number {
  let missing = quantity;
  while (missing > 1e-9) {
    let best: StockLot | null = null;
    for (const lot of lots) {
      if (lot.quantity <= 1e-9 || lot.availableFrom > date || lot.usableUntil < date) continue;
      if (best === null || lot.usableUntil < best.usableUntil) best = lot;
    }
    if (best === null) break;
    const take = Math.min(best.quantity, missing);
    best.quantity -= take;
    missing -= take;
  }
  return missing > 1e-9 ? missing : 0;
}

/**
 * Nets gross needs (by the day they must be on hand, ascending) against stock lots: what remains is
 * the quantity that has to be bought for each day. Stock that is past its shelf life on a day is not used.
 */
export function netRequirements(params: { needs: readonly DatedQuantity[]; lots: readonly StockLot[] }): { net: DatedQuantity[]; fromStock: number; remainingLots: StockLot[] } {
  const lots = params.lots.map((lot) => ({ ...lot }));
  const net: DatedQuantity[] = [];
  let fromStock = 0;
  const needs = [...params.needs].sort((a, b) => compareCodes(a.date, b.date));
  for (const need of needs) {
    const missing = drawFromLots(lots, need.date, need.quantity);
    fromStock += need.quantity - missing;
    if (missing > 0) net.push({ date: need.date, quantity: missing });
  }
  return { net, fromStock, remainingLots: lots.filter((lot) => lot.quantity > 1e-9) };
}
