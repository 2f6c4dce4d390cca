import type { IsoDate } from '@larder/domain';
import type { StockLot } from './stock-netting';

/** Why a stock line has nothing usable on a day, so the buyer knows whether to count, order or check. */
export type NoneUsableReason = 'not-counted' | 'counted-none' | 'used-up' | 'past-shelf-life';

export interface NoneUsable {
  reason: NoneUsableReason;
  /** For past-shelf-life: the last day the latest lot was usable. */
  usableUntil: IsoDate | null;
}

/**
 * Null when something is usable on `date`. Otherwise: stock there but past its shelf life; not in the
 * last count and nothing received since; counted as none and nothing received; or used up since
 * (cooked or spoiled), which is what is left when there was stock to use.
 */
export function noneUsable(input: { lots: readonly StockLot[]; date: IsoDate; counted: number | null; received: number }): NoneUsable | null {
  const arrived = input.lots.filter((lot) => lot.availableFrom <= input.date && lot.quantity > 1e-9);
  if (arrived.some((lot) => lot.usableUntil >= input.date)) return null;
  const expired = arrived.map((lot) => lot.usableUntil).sort();
  if (expired.length > 0) return { reason: 'past-shelf-life', usableUntil: expired[expired.length - 1]! };
  if (input.received > 0) return { reason: 'used-up', usableUntil: null };
  if (input.counted === null) return { reason: 'not-counted', usableUntil: null };
  return { reason: input.counted > 0 ? 'used-up' : 'counted-none', usableUntil: null };
}
