import type { Fen, IsoDate } from '@larder/domain';
import { surplusQuantity, surplusValueFen } from './order-rules';
import type { PurchaseBatch } from './purchase-planner';

export interface PurchaseOrderLineDraft {
  readonly supplierItemId: number;
  readonly ingredientId: number;
  readonly packs: number;
  readonly packSize: number;
  readonly packPriceFen: Fen;
  readonly amountFen: Fen;
  readonly neededQuantity: number;
  readonly surplusQuantity: number;
  /** Value of the rounding surplus at the pack price. */
  readonly surplusFen: Fen;
}

export interface PurchaseOrderDraft {
  readonly canteenId: number;
  readonly supplierId: number;
  /** Last day to place the order: the earliest order day of its lines. */
  readonly orderDate: IsoDate;
  readonly deliveryDate: IsoDate;
  readonly lines: PurchaseOrderLineDraft[];
  readonly totalFen: Fen;
  readonly surplusFen: Fen;
  /** Some line cannot arrive before it is needed. */
  readonly late: boolean;
}

/** One order per canteen, supplier and delivery day; batches of the same item on one delivery become one line. */
export function groupPurchaseOrders(batches: readonly PurchaseBatch[]): PurchaseOrderDraft[] {
  const orders = new Map<string, { canteenId: number; supplierId: number; orderDate: IsoDate; deliveryDate: IsoDate; late: boolean; lines: Map<number, Mutable<PurchaseOrderLineDraft>> }>();
  for (const batch of batches) {
    const key = `${batch.canteenId}|${batch.supplierId}|${batch.deliveryDate}`;
    let order = orders.get(key);
    if (!order) {
      order = { canteenId: batch.canteenId, supplierId: batch.supplierId, orderDate: batch.orderDate, deliveryDate: batch.deliveryDate, late: false, lines: new Map() };
      orders.set(key, order);
    }
    if (batch.orderDate < order.orderDate) order.orderDate = batch.orderDate;
    order.late ||= batch.late;
    const line = order.lines.get(batch.supplierItemId);
    if (line) {
      line.packs += batch.packs;
      line.amountFen += batch.amountFen;
      line.neededQuantity += batch.neededQuantity;
      line.surplusQuantity = surplusQuantity(line);
    } else {
      order.lines.set(batch.supplierItemId, {
        supplierItemId: batch.supplierItemId,
        ingredientId: batch.ingredientId,
        packs: batch.packs,
        packSize: batch.packSize,
        packPriceFen: batch.packPriceFen,
        amountFen: batch.amountFen,
        neededQuantity: batch.neededQuantity,
        surplusQuantity: batch.surplusQuantity,
        surplusFen: 0,
      });
    }
  }
  return [...orders.values()]
    .map((order) => {
      const lines = [...order.lines.values()].map((line) => ({ ...line, surplusFen: surplusValueFen(line) })).sort((a, b) => a.supplierItemId - b.supplierItemId);
      return {
        canteenId: order.canteenId,
        supplierId: order.supplierId,
        orderDate: order.orderDate,
        deliveryDate: order.deliveryDate,
        lines,
        totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
        surplusFen: lines.reduce((sum, line) => sum + line.surplusFen, 0),
        late: order.late,
      };
    })
    .sort((a, b) => a.canteenId - b.canteenId || (a.deliveryDate < b.deliveryDate ? -1 : a.deliveryDate > b.deliveryDate ? 1 : 0) || a.supplierId - b.supplierId);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
