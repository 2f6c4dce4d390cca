import type { Fen } from '@larder/domain';

/** A purchase order's life: made with its plan, approved with it, then sent, received or cancelled by the buyer. */
export type OrderStatus = 'draft' | 'approved' | 'sent' | 'received' | 'cancelled';

export const ORDER_STATUSES: readonly OrderStatus[] = ['draft', 'approved', 'sent', 'received', 'cancelled'];

/**
 * The moves a buyer may make. A draft order follows its draft plan (approved with it, recomputed by
 * its overrides, cancelled when a newer version replaces it), so it has no moves of its own; a
 * received or cancelled order is final.
 */
export const ORDER_MOVES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: [],
  approved: ['sent', 'cancelled'],
  sent: ['received', 'cancelled'],
  received: [],
  cancelled: [],
};

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** Why the move is not allowed, or null when it is. */
export function orderMoveProblem(from: OrderStatus, to: OrderStatus): string | null {
  if (ORDER_MOVES[from].includes(to)) return null;
  if (from === 'draft') return `a draft order follows its plan: approve the plan first, then the order can be ${to}`;
  const allowed = ORDER_MOVES[from];
  return allowed.length === 0 ? `a ${from} order is final` : `a ${from} order can only be ${allowed.join(' or ')}, not ${to}`;
}

/** Lines are edited only after the plan is approved and before the order is sent. */
export function orderEditProblem(status: OrderStatus): string | null {
  if (status === 'approved') return null;
  if (status === 'draft') return 'a draft order follows its plan (change the plan with an override); its lines can be edited once the plan is approved';
  return `a ${status} order can no longer be edited`;
}

/** Owned by @larder/domain (the demo's buyer prices its lines by it too); exported here beside the other order rules. */
export { lineAmountFen } from '@larder/domain';

/** A line's rounding surplus: what whole packs buy beyond the need, never below none. */
export function surplusQuantity(line: { packs: number; packSize: number; neededQuantity: number }): number {
  return Math.max(0, line.packs * line.packSize - line.neededQuantity);
}

/** The one valuation of a line's rounding surplus (surplusQuantity): as a share of a pack at the pack price, to whole fen. */
export function surplusValueFen(line: { packs: number; packSize: number; neededQuantity: number; packPriceFen: Fen }): Fen {
  return Math.round((surplusQuantity(line) / line.packSize) * line.packPriceFen);
}

/** Why a line cannot have this many packs, or null: whole packs, none (the line dropped) or at least the supplier's minimum. */
export function linePacksProblem(packs: number, minOrderPacks: number): string | null {
  if (!Number.isInteger(packs) || packs < 0) return `packs must be a whole number of 0 or more, got ${packs}`;
  if (packs > 0 && packs < minOrderPacks) return `the supplier takes at least ${minOrderPacks} packs of this item (or 0 to drop it), got ${packs}`;
  return null;
}

/** How a delivered line differs from the order: fewer or more packs, a higher or lower price per pack. */
export type ReceiptDifference = 'short' | 'over' | 'price-up' | 'price-down';

export function receiptDifferences(ordered: { packs: number; packPriceFen: Fen }, received: { packs: number; packPriceFen: Fen }): ReceiptDifference[] {
  const differences: ReceiptDifference[] = [];
  if (received.packs < ordered.packs) differences.push('short');
  if (received.packs > ordered.packs) differences.push('over');
  if (received.packPriceFen > ordered.packPriceFen) differences.push('price-up');
  if (received.packPriceFen < ordered.packPriceFen) differences.push('price-down');
  return differences;
}

/** Why a received line cannot be recorded so, or null: whole packs of 0 or more at a price of 0 fen or more. */
export function receivedLineProblem(received: { packs: number; packPriceFen: number }): string | null {
  if (!Number.isInteger(received.packs) || received.packs < 0) return `received packs must be a whole number of 0 or more, got ${received.packs}`;
  if (!Number.isInteger(received.packPriceFen) || received.packPriceFen < 0) return `the received price per pack must be whole fen of 0 or more, got ${received.packPriceFen}`;
  return null;
}
