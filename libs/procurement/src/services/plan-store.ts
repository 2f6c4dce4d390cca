import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { copyRows, entityCopyTarget, PlanLine, PurchaseOrderLine, query } from '@larder/database';
import { MEAL_PERIODS } from '@larder/domain';
import type { WeekPlan } from '../planning/week-planner';
import { COVERS_DISH_ID } from '../planning/planning-types';
import type { CoversView, PlanLineView, PlanListItem, PlanOverrideView, PurchaseOrderView } from './plan-views';
import {
  CANCEL_APPROVED_ORDERS_SQL,
  CancelledOrderRow,
  LOCK_WEEK_PLANS_SQL,
  NEXT_VERSION_SQL,
  NextVersionRow,
  ORDER_LINES_SQL,
  OrderLineRow,
  orderColumns,
  OrderRow,
  ORDERS_SQL,
  PLAN_HEADER_SQL,
  PLAN_LINES_SQL,
  PLAN_LIST_SQL,
  PLAN_OVERRIDES_SQL,
  PlanHeaderRow,
  PlanLineRow,
  PlanOverrideRow,
  PlanStatusRow,
} from './plan-store.queries';

export interface PlanHeader {
  id: string;
  canteenId: number;
  week: string;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  serviceLevel: number | null;
  forecastRunId: string | null;
  createdAt: string;
  createdBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
}

/** Reads and writes plans, their lines, overrides and purchase orders; callers own the transactions. */
@Injectable()
export class PlanStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async header(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanHeader | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await query<PlanHeaderRow>(manager, PLAN_HEADER_SQL, [id]);
    return rows.length === 0 ? null : toHeader(rows[0]);
  }

  async list(filter: { canteenId?: number; week?: string }): Promise<PlanListItem[]> {
    const rows = await query<PlanHeaderRow>(this.dataSource, PLAN_LIST_SQL, [filter.canteenId ?? null, filter.week ?? null]);
    return rows.map(toHeader);
  }

  async nextVersion(manager: EntityManager, canteenId: number, week: string): Promise<number> {
    const [row] = await query<NextVersionRow>(manager, NEXT_VERSION_SQL, [canteenId, week]);
    return row.version;
  }

  async hasApproved(manager: EntityManager, canteenId: number, week: string): Promise<boolean> {
    const rows = await query<PlanStatusRow>(manager, LOCK_WEEK_PLANS_SQL, [canteenId, week]);
    return rows.some((row) => row.status === 'approved');
  }

  /** Earlier drafts of the week give way to a new version; their draft orders are cancelled. */
  async supersedeDrafts(manager: EntityManager, canteenId: number, week: string): Promise<void> {
    await manager.query(
      `UPDATE purchase_order SET status = 'cancelled' WHERE status = 'draft' AND plan_id IN
       (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $2 AND status = 'draft')`,
      [canteenId, week],
    );
    await manager.query(`UPDATE production_plan SET status = 'superseded' WHERE canteen_id = $1 AND week = $2 AND status = 'draft'`, [canteenId, week]);
  }

  /** The approved orders of the week's other plans, cancelled because a new version is approved; returned for the audit. */
  async cancelApprovedOrders(
    manager: EntityManager,
    params: { canteenId: number; week: string; except: string },
  ): Promise<{ id: string; planId: string; supplierId: number; deliveryDate: string; totalFen: number }[]> {
    const rows = await query<CancelledOrderRow>(manager, CANCEL_APPROVED_ORDERS_SQL, [params.canteenId, params.week, params.except]);
    return rows.map((row) => ({ id: row.id, planId: row.plan_id, supplierId: row.supplier_id, deliveryDate: row.delivery_date, totalFen: row.total_fen }));
  }

  async insertHeader(manager: EntityManager, header: Omit<PlanHeader, 'createdAt' | 'approvedAt' | 'approvedBy'>): Promise<void> {
    await manager.query(`INSERT INTO production_plan (id, canteen_id, week, version, status, service_level, forecast_run_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      header.id,
      header.canteenId,
      header.week,
      header.version,
      header.status,
      header.serviceLevel,
      header.forecastRunId,
      header.createdBy,
    ]);
  }

  /** Writes a plan's lines (covers as dish 0, as in the forecasts) and its orders as drafts, replacing any earlier ones. */
  async writeContents(manager: EntityManager, params: { planId: string; canteenId: number; plan: WeekPlan }): Promise<void> {
    const { planId, plan } = params;
    await manager.query(`DELETE FROM purchase_order_line WHERE order_id IN (SELECT id FROM purchase_order WHERE plan_id = $1 AND status = 'draft')`, [planId]);
    await manager.query(`DELETE FROM purchase_order WHERE plan_id = $1 AND status = 'draft'`, [planId]);
    await manager.query('DELETE FROM plan_line WHERE plan_id = $1', [planId]);
    const lines: PlanLine[] = [
      ...plan.covers.map((line) => ({
        planId,
        serviceDate: line.serviceDate,
        meal: line.meal,
        dishId: COVERS_DISH_ID,
        canteenId: line.canteenId,
        forecastP50: round2(line.covers),
        serviceLevel: 0,
        plannedPortions: 0,
        expectedLeftover: 0,
        expectedShortfall: 0,
      })),
      ...plan.production.map((line) => ({
        planId,
        serviceDate: line.serviceDate,
        meal: line.meal,
        dishId: line.dishId,
        canteenId: line.canteenId,
        forecastP50: round2(line.forecastP50),
        serviceLevel: round4(line.serviceLevel),
        plannedPortions: line.plannedPortions,
        expectedLeftover: round2(line.expectedLeftover),
        expectedShortfall: round2(line.expectedShortfall),
      })),
    ];
    const runner = manager.queryRunner!;
    await copyRows(runner, entityCopyTarget<PlanLine>(this.dataSource, PlanLine), lines);
    const orderLines: PurchaseOrderLine[] = [];
    for (const order of plan.orders) {
      const id = randomUUID();
      await manager.query(`INSERT INTO purchase_order (id, canteen_id, plan_id, supplier_id, order_date, delivery_date, status, total_fen, late) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8)`, [
        id,
        order.canteenId,
        planId,
        order.supplierId,
        order.orderDate,
        order.deliveryDate,
        order.totalFen,
        order.late,
      ]);
      for (const line of order.lines) {
        orderLines.push({
          orderId: id,
          supplierItemId: line.supplierItemId,
          canteenId: order.canteenId,
          ingredientId: line.ingredientId,
          packs: line.packs,
          packPriceFen: line.packPriceFen,
          amountFen: line.amountFen,
          neededQuantity: Math.round(line.neededQuantity * 1000) / 1000,
          receivedPacks: null,
          receivedPackPriceFen: null,
        });
      }
    }
    await copyRows(runner, entityCopyTarget<PurchaseOrderLine>(this.dataSource, PurchaseOrderLine), orderLines);
  }

  async lines(planId: string): Promise<{ covers: CoversView[]; lines: PlanLineView[] }> {
    const rows = await query<PlanLineRow>(this.dataSource, PLAN_LINES_SQL, [planId, [...MEAL_PERIODS]]);
    const covers: CoversView[] = [];
    const lines: PlanLineView[] = [];
    for (const row of rows) {
      const { service_date: serviceDate, meal } = row;
      if (row.dish_id === COVERS_DISH_ID) covers.push({ serviceDate, meal, covers: row.forecast_p50 });
      else {
        lines.push({
          serviceDate,
          meal,
          dishId: row.dish_id,
          forecastP50: row.forecast_p50,
          serviceLevel: row.service_level,
          plannedPortions: row.planned_portions,
          expectedLeftover: row.expected_leftover,
          expectedShortfall: row.expected_shortfall,
        });
      }
    }
    return { covers, lines };
  }

  async overrides(planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanOverrideView[]> {
    const rows = await query<PlanOverrideRow>(manager, PLAN_OVERRIDES_SQL, [planId]);
    return rows.map((row) => ({
      id: row.id,
      serviceDate: row.service_date,
      meal: row.meal,
      dishId: row.dish_id,
      previousPortions: row.previous_portions,
      newPortions: row.new_portions,
      reason: row.reason,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    }));
  }

  async insertOverride(manager: EntityManager, override: Omit<PlanOverrideView, 'id' | 'createdAt'> & { planId: string }): Promise<void> {
    await manager.query(`INSERT INTO plan_override (id, plan_id, service_date, meal, dish_id, previous_portions, new_portions, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      randomUUID(),
      override.planId,
      override.serviceDate,
      override.meal,
      override.dishId,
      override.previousPortions,
      override.newPortions,
      override.reason,
      override.createdBy,
    ]);
  }

  async orders(filter: { planId?: string; canteenId?: number; status?: string; from?: string; to?: string }): Promise<PurchaseOrderView[]> {
    const orders = await query<OrderRow>(this.dataSource, ORDERS_SQL, [filter.planId ?? null, filter.canteenId ?? null, filter.status ?? null, filter.from ?? null, filter.to ?? null]);
    if (orders.length === 0) return [];
    const lines = await query<OrderLineRow>(this.dataSource, ORDER_LINES_SQL, [orders.map((order) => order.id)]);
    const byOrder = new Map<string, PurchaseOrderView['lines']>();
    for (const line of lines) {
      const list = byOrder.get(line.order_id) ?? [];
      list.push({
        supplierItemId: line.supplier_item_id,
        ingredientId: line.ingredient_id,
        packs: line.packs,
        packPriceFen: line.pack_price_fen,
        amountFen: line.amount_fen,
        neededQuantity: line.needed_quantity,
      });
      byOrder.set(line.order_id, list);
    }
    return orders.map((order) => ({
      ...orderColumns(order),
      orderCutoff: order.order_cutoff,
      leadTimeDays: order.lead_time_days,
      lines: byOrder.get(order.id) ?? [],
    }));
  }
}

function toHeader(row: PlanHeaderRow): PlanHeader {
  return {
    id: row.id,
    canteenId: row.canteen_id,
    week: row.week,
    version: row.version,
    status: row.status,
    serviceLevel: row.service_level,
    forecastRunId: row.forecast_run_id,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: row.approved_by,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
