import { Injectable } from '@nestjs/common';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { isOrderStatus, lineAmountFen, linePacksProblem, ORDER_MOVES, orderEditProblem, orderMoveProblem, receiptDifferences, receivedLineProblem, type OrderStatus } from '../planning/order-rules';
import type { PurchaseOrderDetail } from './plan-views';
import { OrderHeader, PurchaseOrderQueries } from './purchase-order.queries';

export interface EditOrderLineRequest {
  supplierItemId: number;
  packs: number;
  reason: string;
  actor: string;
}

export interface ReceiveOrderRequest {
  /** The lines that differ from the order; the others arrived as ordered. */
  lines: { supplierItemId: number; packs: number; packPriceFen?: number }[];
  note?: string;
  actor: string;
}

export interface MoveOrderRequest {
  status: string;
  /** Required to cancel. */
  reason?: string;
  actor: string;
}

/** A buyer's work on one purchase order: open it, change its packs before it is sent, send, receive or cancel it. */
@Injectable()
export class PurchaseOrderService {
  constructor(
    private readonly queries: PurchaseOrderQueries,
    private readonly audit: AuditService,
  ) {}

  /** The canteen the order belongs to (for access checks). */
  async canteenOf(id: string): Promise<number> {
    return (await this.requireOrder(id)).canteenId;
  }

  async order(id: string): Promise<PurchaseOrderDetail> {
    const header = await this.requireOrder(id);
    const lines = await this.queries.lines(id);
    return {
      ...header,
      lines,
      edits: await this.queries.edits(id),
      orderCutoff: lines.length === 0 ? null : lines.map((line) => line.orderCutoff).sort()[0],
      leadTimeDays: lines.length === 0 ? null : Math.max(...lines.map((line) => line.leadTimeDays)),
      nextStatuses: [...ORDER_MOVES[header.status]],
      editable: orderEditProblem(header.status) === null,
      receivedTotalFen: lines.some((line) => line.receivedAmountFen !== null) ? lines.reduce((sum, line) => sum + (line.receivedAmountFen ?? 0), 0) : null,
    };
  }

  /** One line's packs, with a reason (kept in purchase_order_change); the amount and the order's total follow the pack price. Audited as `purchase-order.edit`. */
  async editLine(id: string, request: EditOrderLineRequest): Promise<PurchaseOrderDetail> {
    const reason = request.reason.trim();
    if (reason.length === 0) throw new LarderError('VALIDATION_FAILED', 'changing an order line needs a reason', { field: 'reason' });
    await this.queries.transaction(async (manager) => {
      const header = await this.requireOrder(id, manager);
      const editProblem = orderEditProblem(header.status);
      if (editProblem) throw new LarderError('CONFLICT', `purchase order ${id} is ${header.status}: ${editProblem}`, { status: header.status });
      const line = (await this.queries.lines(id, manager)).find((entry) => entry.supplierItemId === request.supplierItemId);
      if (!line) throw new LarderError('NOT_FOUND', `purchase order ${id} has no line for supplier item ${request.supplierItemId}`);
      const packsProblem = linePacksProblem(request.packs, line.minOrderPacks);
      if (packsProblem) throw new LarderError('VALIDATION_FAILED', packsProblem, { field: 'packs', minOrderPacks: line.minOrderPacks });
      if (request.packs === line.packs) throw new LarderError('VALIDATION_FAILED', `the line already has ${line.packs} packs`, { field: 'packs' });
      const amountFen = lineAmountFen(request.packs, line.packPriceFen);
      await this.queries.setLine(manager, { orderId: id, supplierItemId: line.supplierItemId, packs: request.packs, amountFen });
      await this.queries.insertChange(manager, { orderId: id, supplierItemId: line.supplierItemId, previousPacks: line.packs, newPacks: request.packs, reason, createdBy: request.actor });
      await this.audit.record(
        {
          actor: request.actor,
          action: 'purchase-order.edit',
          detail: {
            orderId: id,
            canteenId: header.canteenId,
            planId: header.planId,
            supplierId: header.supplierId,
            deliveryDate: header.deliveryDate,
            supplierItemId: line.supplierItemId,
            sku: line.sku,
            fromPacks: line.packs,
            toPacks: request.packs,
            fromFen: line.amountFen,
            toFen: amountFen,
            reason,
          },
        },
        manager,
      );
    });
    return this.order(id);
  }

  /**
   * Receives a sent order (验收入库): what each listed line delivered, in packs and at which price per
   * pack; lines not listed arrived as ordered. Differences are flagged on the lines and audited; the
   * received packs are what stock netting counts from then on.
   */
  async receive(id: string, request: ReceiveOrderRequest): Promise<PurchaseOrderDetail> {
    const seen = new Set<number>();
    for (const line of request.lines) {
      if (seen.has(line.supplierItemId)) throw new LarderError('VALIDATION_FAILED', `supplier item ${line.supplierItemId} is listed twice`, { field: 'lines' });
      seen.add(line.supplierItemId);
    }
    await this.queries.transaction(async (manager) => {
      const header = await this.requireOrder(id, manager);
      const problem = orderMoveProblem(header.status, 'received');
      if (problem) throw new LarderError('CONFLICT', `purchase order ${id} is ${header.status}: ${problem}`, { status: header.status, to: 'received', allowed: ORDER_MOVES[header.status] });
      const lines = await this.queries.lines(id, manager);
      for (const given of request.lines) {
        if (!lines.some((line) => line.supplierItemId === given.supplierItemId)) throw new LarderError('NOT_FOUND', `purchase order ${id} has no line for supplier item ${given.supplierItemId}`);
      }
      const differences: Record<string, unknown>[] = [];
      for (const line of lines) {
        const given = request.lines.find((entry) => entry.supplierItemId === line.supplierItemId);
        const received = { packs: given?.packs ?? line.packs, packPriceFen: given?.packPriceFen ?? line.packPriceFen };
        const lineProblem = receivedLineProblem(received);
        if (lineProblem) throw new LarderError('VALIDATION_FAILED', `supplier item ${line.supplierItemId}: ${lineProblem}`, { field: 'lines', supplierItemId: line.supplierItemId });
        await this.queries.setReceived(manager, { orderId: id, supplierItemId: line.supplierItemId, ...received });
        const flags = receiptDifferences(line, received);
        if (flags.length > 0) {
          differences.push({
            supplierItemId: line.supplierItemId,
            sku: line.sku,
            flags,
            orderedPacks: line.packs,
            receivedPacks: received.packs,
            orderedPriceFen: line.packPriceFen,
            receivedPriceFen: received.packPriceFen,
          });
        }
      }
      await this.queries.setStatus(manager, id, 'received');
      const note = (request.note ?? '').trim();
      await this.audit.record(
        {
          actor: request.actor,
          action: 'purchase-order.receive',
          detail: {
            orderId: id,
            canteenId: header.canteenId,
            planId: header.planId,
            supplierId: header.supplierId,
            deliveryDate: header.deliveryDate,
            totalFen: header.totalFen,
            from: header.status,
            to: 'received',
            differences,
            ...(note ? { note } : {}),
          },
        },
        manager,
      );
    });
    return this.order(id);
  }

  /** Sends, receives (as ordered) or cancels the order; any other move is refused. Audited as `purchase-order.<status>`. */
  async move(id: string, request: MoveOrderRequest): Promise<PurchaseOrderDetail> {
    const to = request.status;
    if (to === 'received') return this.receive(id, { lines: [], actor: request.actor, note: request.reason });
    if (!isOrderStatus(to)) throw new LarderError('VALIDATION_FAILED', `status must be sent, received or cancelled, got ${JSON.stringify(to)}`, { field: 'status' });
    const reason = (request.reason ?? '').trim();
    if (to === 'cancelled' && reason.length === 0) throw new LarderError('VALIDATION_FAILED', 'cancelling an order needs a reason', { field: 'reason' });
    await this.queries.transaction(async (manager) => {
      const header = await this.requireOrder(id, manager);
      const problem = orderMoveProblem(header.status, to);
      if (problem) throw new LarderError('CONFLICT', `purchase order ${id} is ${header.status}: ${problem}`, { status: header.status, to, allowed: ORDER_MOVES[header.status] });
      await this.queries.setStatus(manager, id, to);
      await this.audit.record(
        {
          actor: request.actor,
          action: `purchase-order.${actionOf(to)}`,
          detail: {
            orderId: id,
            canteenId: header.canteenId,
            planId: header.planId,
            supplierId: header.supplierId,
            deliveryDate: header.deliveryDate,
            totalFen: header.totalFen,
            from: header.status,
            to,
            ...(reason ? { reason } : {}),
          },
        },
        manager,
      );
    });
    return this.order(id);
  }

  private async requireOrder(id: string, manager?: Parameters<PurchaseOrderQueries['header']>[1]): Promise<OrderHeader> {
    const header = await this.queries.header(id, manager, manager !== undefined);
    if (!header) throw new LarderError('NOT_FOUND', `no purchase order with id ${id}`);
    return header;
  }
}

/** The audit action's last word: `purchase-order.send`, `.receive`, `.cancel` (as plan revisions record it). */
function actionOf(status: OrderStatus): string {
  return status === 'sent' ? 'send' : status === 'received' ? 'receive' : status === 'cancelled' ? 'cancel' : status;
}
