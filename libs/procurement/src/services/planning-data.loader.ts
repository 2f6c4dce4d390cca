import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { PORTION_COSTS_SQL, PortionCostRow } from '@larder/database';
import { addDays, IsoDate, MealPeriod } from '@larder/domain';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import type { CoversHistory, DishHistory, EstimateSlot } from '../planning/planning-types';
import { PortionCosts } from '../planning/portion-costs';
import { openingLots, StockLot } from '../planning/stock-netting';

type Row = Record<string, unknown>;

/** Order statuses that bring goods into the kitchen: drafts and cancelled orders do not. */
export const COMMITTED_ORDER_STATUSES = ['approved', 'sent', 'received'] as const;

/** Reads the master data, menus, history and stock that planning needs; no planning logic here. */
@Injectable()
export class PlanningDataLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canteenIds(): Promise<number[]> {
    const rows: Row[] = await this.dataSource.query('SELECT id FROM canteen ORDER BY id');
    return rows.map((row) => Number(row.id));
  }

  /** A canteen by id ('2') or code ('C02'). */
  async resolveCanteen(reference: string | number, parameter = 'canteen'): Promise<number> {
    const text = String(reference).trim();
    // an id past PostgreSQL's integer range, or text no code could be, is the request's mistake: 400 naming it
    if ((/^\d+$/.test(text) && Number(text) > 2_147_483_647) || text.length > 64) {
      throw new LarderError('VALIDATION_FAILED', `"${parameter}" must be a canteen id or code, got ${JSON.stringify(text.slice(0, 64))}`, { parameter });
    }
    const rows: Row[] = /^\d+$/.test(text)
      ? await this.dataSource.query('SELECT id FROM canteen WHERE id = $1', [Number(text)])
      : await this.dataSource.query('SELECT id FROM canteen WHERE upper(code) = upper($1)', [text]);
    if (rows.length === 0) throw new LarderError('NOT_FOUND', `no canteen ${JSON.stringify(text)} (give its id or code)`);
    return Number(rows[0].id);
  }

  async requireCanteen(canteenId: number): Promise<void> {
    const rows: Row[] = await this.dataSource.query('SELECT 1 FROM canteen WHERE id = $1', [canteenId]);
    if (rows.length === 0) throw new LarderError('NOT_FOUND', `no canteen with id ${canteenId}`);
  }

  /** Seats of the canteen (0 when unknown): the ceiling of a sane quantity. */
  async seats(canteenId: number): Promise<number> {
    const rows: Row[] = await this.dataSource.query('SELECT seats FROM canteen WHERE id = $1', [canteenId]);
    return rows.length === 0 ? 0 : Number(rows[0].seats ?? 0);
  }

  /** Master data; with `costDays`, the portion costs of those days (the database's costing, PORTION_COSTS_SQL). */
  async catalogue(costDays?: { from: IsoDate; to: IsoDate }): Promise<PlanningCatalogue> {
    const q = (sql: string) => this.dataSource.query(sql) as Promise<Row[]>;
    const [dishes, ingredients, recipeLines, items, prices] = [
      await q('SELECT id, category, list_price_fen, portion_kg FROM dish'),
      await q('SELECT id, unit, shelf_life_days, storage FROM ingredient'),
      await q('SELECT dish_id, ingredient_id, quantity_per_portion, yield_loss FROM recipe_line'),
      await q('SELECT id, supplier_id, ingredient_id, pack_size, min_order_packs, lead_time_days, delivery_weekdays, order_cutoff::text AS order_cutoff FROM supplier_item'),
      await q('SELECT supplier_item_id, valid_from::text AS valid_from, pack_price_fen FROM supplier_price'),
    ];
    return new PlanningCatalogue({
      dishes: dishes.map((row) => ({ id: Number(row.id), category: row.category as never, listPriceFen: Number(row.list_price_fen), portionKg: Number(row.portion_kg) })),
      ingredients: ingredients.map((row) => ({ id: Number(row.id), unit: row.unit as never, shelfLifeDays: Number(row.shelf_life_days), storage: row.storage as never })),
      recipeLines: recipeLines.map((row) => ({
        dishId: Number(row.dish_id),
        ingredientId: Number(row.ingredient_id),
        quantityPerPortion: Number(row.quantity_per_portion),
        yieldLoss: Number(row.yield_loss),
      })),
      supplierItems: items.map((row) => ({
        id: Number(row.id),
        supplierId: Number(row.supplier_id),
        ingredientId: Number(row.ingredient_id),
        packSize: Number(row.pack_size),
        minOrderPacks: Number(row.min_order_packs),
        leadTimeDays: Number(row.lead_time_days),
        deliveryWeekdays: parseSmallintArray(row.delivery_weekdays),
        orderCutoff: String(row.order_cutoff),
      })),
      prices: prices.map((row) => ({ supplierItemId: Number(row.supplier_item_id), validFrom: String(row.valid_from), packPriceFen: Number(row.pack_price_fen) })),
      portionCosts: costDays ? await this.portionCosts(costDays.from, costDays.to) : undefined,
    });
  }

  private async portionCosts(from: IsoDate, to: IsoDate): Promise<PortionCosts> {
    const rows = (await this.dataSource.query(PORTION_COSTS_SQL, [from, to])) as PortionCostRow[];
    return new PortionCosts(
      from,
      to,
      rows.map((row) => ({ dishId: Number(row.dish_id), date: row.day, fenPerPortion: Number(row.fen_per_portion) })),
    );
  }

  async menu(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<EstimateSlot[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT service_date::text AS service_date, meal, dish_id FROM menu_item
       WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2, 3`,
      [params.canteenId, params.from, params.to],
    );
    return rows.map((row) => ({ serviceDate: String(row.service_date), meal: row.meal as MealPeriod, dishId: Number(row.dish_id) }));
  }

  async closedDays(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<Set<IsoDate>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT d::date::text AS day FROM canteen_closure c, generate_series(GREATEST(c.from_date, $2::date), LEAST(c.to_date, $3::date), interval '1 day') d
       WHERE c.canteen_id = $1 AND c.to_date >= $2::date AND c.from_date <= $3::date`,
      [params.canteenId, params.from, params.to],
    );
    return new Set(rows.map((row) => String(row.day)));
  }

  /** Holidays and ordinary weekends (not make-up working days), from the calendar table. */
  async daysOff(params: { from: IsoDate; to: IsoDate }): Promise<Set<IsoDate>> {
    const rows: Row[] = await this.dataSource.query(`SELECT day::text AS day FROM calendar_day WHERE day BETWEEN $1::date AND $2::date AND kind IN ('holiday', 'weekend')`, [params.from, params.to]);
    return new Set(rows.map((row) => String(row.day)));
  }

  async history(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<{ covers: CoversHistory[]; dishes: DishHistory[] }> {
    const covers: Row[] = await this.dataSource.query(
      `SELECT service_date::text AS service_date, meal, covers FROM daily_meal_rollup
       WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2`,
      [params.canteenId, params.from, params.to],
    );
    const dishes: Row[] = await this.dataSource.query(
      `SELECT service_date::text AS service_date, meal, dish_id, quantity, prepared FROM daily_dish_rollup
       WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2, 3`,
      [params.canteenId, params.from, params.to],
    );
    return {
      covers: covers.map((row) => ({ serviceDate: String(row.service_date), meal: row.meal as MealPeriod, covers: Number(row.covers) })),
      dishes: dishes.map((row) => ({ serviceDate: String(row.service_date), meal: row.meal as MealPeriod, dishId: Number(row.dish_id), sold: Number(row.quantity), prepared: Number(row.prepared) })),
    };
  }

  async lastHistoryDay(canteenId: number): Promise<IsoDate | null> {
    const [row]: Row[] = await this.dataSource.query('SELECT max(service_date)::text AS last FROM daily_meal_rollup WHERE canteen_id = $1', [canteenId]);
    return (row?.last as string | null) ?? null;
  }

  /**
   * Opening stock lots per ingredient (key `${canteenId}|${ingredientId}`): the latest count on or before
   * `today`, minus the gross use of what was produced since (production log) and what approved plans
   * will cook before `useUntil` (the week's first day), minus spoilage logged in kg; plus deliveries of committed orders since the count.
   */
  async openingStock(params: {
    canteenId: number;
    today: IsoDate;
    useUntil: IsoDate;
    catalogue: PlanningCatalogue;
    /** The week being planned: its own approved orders are what a new version replaces, not stock on the way. */
    week?: string;
  }): Promise<{ lots: Map<string, StockLot[]>; countedOn: IsoDate | null }> {
    const { canteenId, catalogue } = params;
    const [last]: Row[] = await this.dataSource.query('SELECT max(counted_on)::text AS day FROM stock_count WHERE canteen_id = $1 AND counted_on <= $2::date', [canteenId, params.today]);
    const countedOn = (last?.day as string | null) ?? null;
    const since = countedOn ?? params.today;
    const counts: Row[] =
      countedOn === null ? [] : await this.dataSource.query('SELECT ingredient_id, quantity FROM stock_count WHERE canteen_id = $1 AND counted_on = $2::date', [canteenId, countedOn]);
    const used: Row[] =
      countedOn === null
        ? []
        : await this.dataSource.query(
            `WITH logged AS (
         SELECT service_date, dish_id, portions_prepared AS portions FROM production_log
         WHERE canteen_id = $1 AND service_date > $2::date AND service_date <= $3::date
       ), last_logged AS (SELECT COALESCE(max(service_date), $2::date) AS day FROM logged),
       planned AS (
         SELECT l.service_date, l.dish_id, l.planned_portions AS portions FROM plan_line l JOIN production_plan p ON p.id = l.plan_id
         WHERE p.canteen_id = $1 AND p.status = 'approved' AND l.dish_id <> 0
           AND l.service_date > (SELECT day FROM last_logged) AND l.service_date < $4::date
       )
       SELECT r.ingredient_id, sum(u.portions * r.quantity_per_portion / (1 - r.yield_loss)) AS quantity
       FROM (SELECT * FROM logged UNION ALL SELECT * FROM planned) u JOIN recipe_line r ON r.dish_id = u.dish_id
       GROUP BY 1`,
            [canteenId, since, params.today, params.useUntil],
          );
    const spoiled: Row[] =
      countedOn === null
        ? []
        : await this.dataSource.query(
            `SELECT ingredient_id, sum(kg) AS kg FROM waste_log WHERE canteen_id = $1 AND kind = 'spoilage' AND ingredient_id IS NOT NULL
       AND service_date > $2::date AND service_date <= $3::date GROUP BY 1`,
            [canteenId, since, params.today],
          );
    const deliveries: Row[] = await this.dataSource.query(
      // A received order counts what was delivered (验收入库), the others what was ordered.
      `SELECT l.ingredient_id, o.delivery_date::text AS delivery_date, sum(COALESCE(l.received_packs, l.packs) * i.pack_size) AS quantity
       FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id JOIN supplier_item i ON i.id = l.supplier_item_id
       WHERE o.canteen_id = $1 AND o.status = ANY($2::text[]) AND o.delivery_date > $3::date
         AND NOT (o.status = 'approved' AND o.plan_id IN (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $4))
       GROUP BY 1, 2`,
      [canteenId, [...COMMITTED_ORDER_STATUSES], since, params.week ?? null],
    );
    const usedBy = new Map<number, number>(used.map((row) => [Number(row.ingredient_id), Number(row.quantity)]));
    for (const row of spoiled) {
      const id = Number(row.ingredient_id);
      if (catalogue.ingredients.get(id)?.unit === 'kg') usedBy.set(id, (usedBy.get(id) ?? 0) + Number(row.kg));
    }
    const countBy = new Map<number, number>(counts.map((row) => [Number(row.ingredient_id), Number(row.quantity)]));
    const deliveriesBy = new Map<number, { deliveryDate: IsoDate; quantity: number }[]>();
    for (const row of deliveries) {
      const id = Number(row.ingredient_id);
      deliveriesBy.set(id, [...(deliveriesBy.get(id) ?? []), { deliveryDate: String(row.delivery_date), quantity: Number(row.quantity) }]);
    }
    const lots = new Map<string, StockLot[]>();
    for (const id of new Set([...countBy.keys(), ...deliveriesBy.keys()])) {
      const ingredient = catalogue.ingredients.get(id);
      if (!ingredient) continue;
      const ingredientLots = openingLots({
        count: countedOn !== null && countBy.has(id) ? { countedOn, quantity: countBy.get(id)! } : null,
        usedSinceCount: usedBy.get(id) ?? 0,
        usedUntil: addDays(params.useUntil, -1),
        deliveries: deliveriesBy.get(id) ?? [],
        shelfLifeDays: ingredient.shelfLifeDays,
      });
      if (ingredientLots.length > 0) lots.set(`${canteenId}|${id}`, ingredientLots);
    }
    return { lots, countedOn };
  }
}

/** smallint[] arrives as an array from the pg driver and as '{1,2,3}' text from some paths. */
function parseSmallintArray(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  return String(value)
    .replace(/[{}]/g, '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
}
