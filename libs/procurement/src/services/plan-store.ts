import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { copyRows, entityCopyTarget, PlanLine, PurchaseOrderLine } from '@larder/database';
import { MEAL_PERIODS, type MealPeriod } from '@larder/domain';
import type { WeekPlan } from '../planning/week-planner';
import { COVERS_DISH_ID } from '../planning/planning-types';
import type { CoversView, PlanLineView, PlanListItem, PlanOverrideView, PurchaseOrderView } from './plan-views';

type Row = Record<string, unknown>;

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

const HEADER_COLUMNS = `id, canteen_id, week, version, status, service_level, forecast_run_id, created_at, created_by, approved_at, approved_by`;

/** Reads and writes plans, their lines, overrides and purchase orders; callers own the transactions. */
@Injectable()
export class PlanStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async header(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanHeader | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: Row[] = await manager.query(`SELECT ${HEADER_COLUMNS} FROM production_plan WHERE id = $1`, [id]);
    return rows.length === 0 ? null : toHeader(rows[0]);
  }

  async list(filter: { canteenId?: number; week?: string }): Promise<PlanListItem[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${HEADER_COLUMNS} FROM production_plan
       WHERE ($1::int IS NULL OR canteen_id = $1) AND ($2::text IS NULL OR week = $2)
       ORDER BY week DESC, canteen_id, version DESC`,
      [filter.canteenId ?? null, filter.week ?? null],
    );
    return rows.map(toHeader);
  }

  async nextVersion(manager: EntityManager, canteenId: number, week: string): Promise<number> {
    const [row]: Row[] = await manager.query('SELECT COALESCE(max(version), 0) + 1 AS version FROM production_plan WHERE canteen_id = $1 AND week = $2', [canteenId, week]);
    return Number(row.version);
  }

  async hasApproved(manager: EntityManager, canteenId: number, week: string): Promise<boolean> {
    // Every version locked, not only approved ones: an approval committing meanwhile is waited for and then seen.
    const rows: Row[] = await manager.query(`SELECT status FROM production_plan WHERE canteen_id = $1 AND week = $2 FOR UPDATE`, [canteenId, week]);
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
    const rows: Row[] = await manager.query(
      // Through a CTE: the driver answers a bare UPDATE … RETURNING as [rows, count].
      `WITH cancelled AS (
         UPDATE purchase_order SET status = 'cancelled' WHERE status = 'approved' AND plan_id IN
         (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $2 AND id <> $3)
         RETURNING id, plan_id, supplier_id, delivery_date, total_fen
       ) SELECT id, plan_id, supplier_id, delivery_date::text AS delivery_date, total_fen FROM cancelled ORDER BY delivery_date, supplier_id`,
      [params.canteenId, params.week, params.except],
    );
    return rows.map((row) => ({ id: String(row.id), planId: String(row.plan_id), supplierId: Number(row.supplier_id), deliveryDate: String(row.delivery_date), totalFen: Number(row.total_fen) }));
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
      await manager.query(`INSERT INTO purchase_order (id, canteen_id, plan_id, supplier_id, order_date, delivery_date, status, total_fen) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7)`, [
        id,
        order.canteenId,
        planId,
        order.supplierId,
        order.orderDate,
        order.deliveryDate,
        order.totalFen,
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
    const rows: Row[] = await this.dataSource.query(
      `SELECT service_date::text AS service_date, meal, dish_id, forecast_p50, service_level, planned_portions, expected_leftover, expected_shortfall
       FROM plan_line WHERE plan_id = $1 ORDER BY service_date, array_position($2::text[], meal), dish_id`,
      // Meals in the order of the day (breakfast to night), not of their names.
      [planId, [...MEAL_PERIODS]],
    );
    const covers: CoversView[] = [];
    const lines: PlanLineView[] = [];
    for (const row of rows) {
      const serviceDate = String(row.service_date);
      const meal = row.meal as MealPeriod;
      if (Number(row.dish_id) === COVERS_DISH_ID) covers.push({ serviceDate, meal, covers: Number(row.forecast_p50) });
      else {
        lines.push({
          serviceDate,
          meal,
          dishId: Number(row.dish_id),
          forecastP50: Number(row.forecast_p50),
          serviceLevel: Number(row.service_level),
          plannedPortions: Number(row.planned_portions),
          expectedLeftover: Number(row.expected_leftover),
          expectedShortfall: Number(row.expected_shortfall),
        });
      }
    }
    return { covers, lines };
  }

  async overrides(planId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanOverrideView[]> {
    const rows: Row[] = await manager.query(
      `SELECT id, service_date::text AS service_date, meal, dish_id, previous_portions, new_portions, reason, created_by, created_at
       FROM plan_override WHERE plan_id = $1 ORDER BY created_at, id`,
      [planId],
    );
    return rows.map((row) => ({
      id: String(row.id),
      serviceDate: String(row.service_date),
      meal: row.meal as MealPeriod,
      dishId: Number(row.dish_id),
      previousPortions: Number(row.previous_portions),
      newPortions: Number(row.new_portions),
      reason: String(row.reason),
      createdBy: String(row.created_by),
      createdAt: toIso(row.created_at)!,
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
    const orders: Row[] = await this.dataSource.query(
      `SELECT o.id, o.canteen_id, o.plan_id, o.supplier_id, o.order_date::text AS order_date, o.delivery_date::text AS delivery_date, o.status, o.total_fen,
              terms.order_cutoff, terms.lead_time_days
       FROM purchase_order o
       LEFT JOIN LATERAL (
         SELECT to_char(min(si.order_cutoff), 'HH24:MI') AS order_cutoff, max(si.lead_time_days) AS lead_time_days
         FROM purchase_order_line l JOIN supplier_item si ON si.id = l.supplier_item_id WHERE l.order_id = o.id
       ) terms ON true
       WHERE ($1::uuid IS NULL OR o.plan_id = $1) AND ($2::int IS NULL OR o.canteen_id = $2) AND ($3::text IS NULL OR o.status = $3)
         AND ($4::date IS NULL OR o.delivery_date >= $4) AND ($5::date IS NULL OR o.delivery_date <= $5)
       ORDER BY o.delivery_date, o.canteen_id, o.supplier_id`,
      [filter.planId ?? null, filter.canteenId ?? null, filter.status ?? null, filter.from ?? null, filter.to ?? null],
    );
    if (orders.length === 0) return [];
    const lines: Row[] = await this.dataSource.query(
      `SELECT order_id, supplier_item_id, ingredient_id, packs, pack_price_fen, amount_fen, needed_quantity FROM purchase_order_line
       WHERE order_id = ANY($1::uuid[]) ORDER BY supplier_item_id`,
      [orders.map((order) => order.id)],
    );
    const byOrder = new Map<string, PurchaseOrderView['lines']>();
    for (const line of lines) {
      const list = byOrder.get(String(line.order_id)) ?? [];
      list.push({
        supplierItemId: Number(line.supplier_item_id),
        ingredientId: Number(line.ingredient_id),
        packs: Number(line.packs),
        packPriceFen: Number(line.pack_price_fen),
        amountFen: Number(line.amount_fen),
        neededQuantity: Number(line.needed_quantity),
      });
      byOrder.set(String(line.order_id), list);
    }
    return orders.map((order) => ({
      id: String(order.id),
      canteenId: Number(order.canteen_id),
      planId: (order.plan_id as string | null) ?? null,
      supplierId: Number(order.supplier_id),
      orderDate: String(order.order_date),
      deliveryDate: String(order.delivery_date),
      status: order.status as PurchaseOrderView['status'],
      totalFen: Number(order.total_fen),
      orderCutoff: (order.order_cutoff as string | null) ?? null,
      leadTimeDays: order.lead_time_days === null ? null : Number(order.lead_time_days),
      lines: byOrder.get(String(order.id)) ?? [],
    }));
  }
}

function toHeader(row: Row): PlanHeader {
  return {
    id: String(row.id),
    canteenId: Number(row.canteen_id),
    week: String(row.week),
    version: Number(row.version),
    status: row.status as PlanHeader['status'],
    serviceLevel: row.service_level === null ? null : Number(row.service_level),
    forecastRunId: (row.forecast_run_id as string | null) ?? null,
    createdAt: toIso(row.created_at)!,
    createdBy: String(row.created_by),
    approvedAt: toIso(row.approved_at),
    approvedBy: (row.approved_by as string | null) ?? null,
  };
}

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
