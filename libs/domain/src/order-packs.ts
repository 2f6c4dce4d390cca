import type { Fen } from './money';

/**
 * Whole packs for a quantity, never fewer than the item's minimum order: how an order line rounds a
 * need (in the ingredient's unit) up to what a supplier sells. The planner and the demo's buyer both
 * order by it. The epsilon keeps a need of exactly n packs, summed in floating point, at n.
 */
export function packsFor(params: { quantity: number; packSize: number; minOrderPacks: number }): number {
  if (params.quantity <= 0) return 0;
  return Math.max(params.minOrderPacks, Math.ceil(params.quantity / params.packSize - 1e-9));
}

/** The one pricing rule of an order line: whole packs at the pack price (the planner's orders, the demo's buyer). */
export function lineAmountFen(packs: number, packPriceFen: Fen): Fen {
  return packs * packPriceFen;
}
