import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { canteenIds, PORTION_COSTS_SQL, PortionCostRow, query } from '@larder/database';
import { addDays, IsoDate } from '@larder/domain';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import type { CoversHistory, DishHistory, EstimateSlot } from '../planning/planning-types';
import { PortionCosts } from '../planning/portion-costs';
import { openingLots, StockLot } from '../planning/stock-netting';
import {
  CANTEEN_BY_CODE_SQL,
  CANTEEN_BY_ID_SQL,
  CANTEEN_SEATS_SQL,
  CLOSED_DAYS_SQL,
  COVERS_HISTORY_SQL,
  CoversHistoryRow,
  DAYS_OFF_SQL,
  DayRow,
  DELIVERIES_SQL,
  DeliveryRow,
  DISH_HISTORY_SQL,
  DishHistoryRow,
  DishRow,
  DISHES_SQL,
  IdRow,
  IngredientKgRow,
  IngredientQuantityRow,
  IngredientRow,
  INGREDIENTS_SQL,
  LAST_COUNT_DAY_SQL,
  LAST_HISTORY_DAY_SQL,
  MaybeDayRow,
  MENU_SQL,
  MenuRow,
  RECIPE_LINES_SQL,
  RecipeLineRow,
  SeatsRow,
  SPOILED_SINCE_COUNT_SQL,
  STOCK_COUNTS_SQL,
  SUPPLIER_ITEMS_SQL,
  SUPPLIER_PRICES_SQL,
  SupplierItemRow,
  SupplierPriceRow,
  USED_SINCE_COUNT_SQL,
} from './planning-data.queries';

/** Order statuses that bring goods into the kitchen: drafts and cancelled orders do not. */
export const COMMITTED_ORDER_STATUSES = ['approved', 'sent', 'received'] as const;

/** Reads the master data, menus, history and stock that planning needs; no planning logic here. */
@Injectable()
export class PlanningDataLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canteenIds(): Promise<number[]> {
    return canteenIds(this.dataSource);
  }

  /** A canteen by id ('2') or code ('C02'). */
  async resolveCanteen(reference: string | number, parameter = 'canteen'): Promise<number> {
    const text = String(reference).trim();
    // an id past PostgreSQL's integer range, or text no code could be, is the request's mistake: 400 naming it
    if ((/^\d+$/.test(text) && Number(text) > 2_147_483_647) || text.length > 64) {
      throw new LarderError('VALIDATION_FAILED', `"${parameter}" must be a canteen id or code, got ${JSON.stringify(text.slice(0, 64))}`, { parameter });
    }
    const rows = /^\d+$/.test(text) ? await query<IdRow>(this.dataSource, CANTEEN_BY_ID_SQL, [Number(text)]) : await query<IdRow>(this.dataSource, CANTEEN_BY_CODE_SQL, [text]);
    if (rows.length === 0) throw new LarderError('NOT_FOUND', `no canteen ${JSON.stringify(text)} (give its id or code)`);
    return rows[0].id;
  }

  async requireCanteen(canteenId: number): Promise<void> {
    const rows = await query<IdRow>(this.dataSource, CANTEEN_BY_ID_SQL, [canteenId]);
    if (rows.length === 0) throw new LarderError('NOT_FOUND', `no canteen with id ${canteenId}`);
  }

  /** Seats of the canteen (0 when unknown): the ceiling of a sane quantity. */
  async seats(canteenId: number): Promise<number> {
    const rows = await query<SeatsRow>(this.dataSource, CANTEEN_SEATS_SQL, [canteenId]);
    return rows.length === 0 ? 0 : rows[0].seats;
  }

  /** Master data; with `costDays`, the portion costs of those days (the database's costing, PORTION_COSTS_SQL). */
  async catalogue(costDays?: { from: IsoDate; to: IsoDate }): Promise<PlanningCatalogue> {
    const [dishes, ingredients, recipeLines, items, prices] = [
      await query<DishRow>(this.dataSource, DISHES_SQL),
      await query<IngredientRow>(this.dataSource, INGREDIENTS_SQL),
      await query<RecipeLineRow>(this.dataSource, RECIPE_LINES_SQL),
      await query<SupplierItemRow>(this.dataSource, SUPPLIER_ITEMS_SQL),
      await query<SupplierPriceRow>(this.dataSource, SUPPLIER_PRICES_SQL),
    ];
    return new PlanningCatalogue({
      dishes: dishes.map((row) => ({ id: row.id, category: row.category, listPriceFen: row.list_price_fen, portionKg: row.portion_kg })),
      ingredients: ingredients.map((row) => ({ id: row.id, unit: row.unit, shelfLifeDays: row.shelf_life_days, storage: row.storage })),
      recipeLines: recipeLines.map((row) => ({ dishId: row.dish_id, ingredientId: row.ingredient_id, quantityPerPortion: row.quantity_per_portion, yieldLoss: row.yield_loss })),
      supplierItems: items.map((row) => ({
        id: row.id,
        supplierId: row.supplier_id,
        ingredientId: row.ingredient_id,
        packSize: row.pack_size,
        minOrderPacks: row.min_order_packs,
        leadTimeDays: row.lead_time_days,
        deliveryWeekdays: parseSmallintArray(row.delivery_weekdays),
        orderCutoff: row.order_cutoff,
      })),
      prices: prices.map((row) => ({ supplierItemId: row.supplier_item_id, validFrom: row.valid_from, packPriceFen: row.pack_price_fen })),
      portionCosts: costDays ? await this.portionCosts(costDays.from, costDays.to) : undefined,
    });
  }

  private async portionCosts(from: IsoDate, to: IsoDate): Promise<PortionCosts> {
    const rows = await query<PortionCostRow>(this.dataSource, PORTION_COSTS_SQL, [from, to]);
    return new PortionCosts(
      from,
      to,
      rows.map((row) => ({ dishId: row.dish_id, date: row.day, fenPerPortion: row.fen_per_portion })),
    );
  }

  async menu(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<EstimateSlot[]> {
    const rows = await query<MenuRow>(this.dataSource, MENU_SQL, [params.canteenId, params.from, params.to]);
    return rows.map((row) => ({ serviceDate: row.service_date, meal: row.meal, dishId: row.dish_id }));
  }

  async closedDays(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<Set<IsoDate>> {
    const rows = await query<DayRow>(this.dataSource, CLOSED_DAYS_SQL, [params.canteenId, params.from, params.to]);
    return new Set(rows.map((row) => row.day));
  }

  /** Holidays and ordinary weekends (not make-up working days), from the calendar table. */
  async daysOff(params: { from: IsoDate; to: IsoDate }): Promise<Set<IsoDate>> {
    const rows = await query<DayRow>(this.dataSource, DAYS_OFF_SQL, [params.from, params.to]);
    return new Set(rows.map((row) => row.day));
  }

  /** Covers served per day and meal, by date then meal. */
  async coversHistory(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<CoversHistory[]> {
    const rows = await query<CoversHistoryRow>(this.dataSource, COVERS_HISTORY_SQL, [params.canteenId, params.from, params.to]);
    return rows.map((row) => ({ serviceDate: row.service_date, meal: row.meal, covers: row.covers }));
  }

  async history(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<{ covers: CoversHistory[]; dishes: DishHistory[] }> {
    const covers = await this.coversHistory(params);
    const dishes = await query<DishHistoryRow>(this.dataSource, DISH_HISTORY_SQL, [params.canteenId, params.from, params.to]);
    return {
      covers,
      dishes: dishes.map((row) => ({ serviceDate: row.service_date, meal: row.meal, dishId: row.dish_id, sold: row.quantity, prepared: row.prepared })),
    };
  }

  async lastHistoryDay(canteenId: number): Promise<IsoDate | null> {
    const [row] = await query<MaybeDayRow>(this.dataSource, LAST_HISTORY_DAY_SQL, [canteenId]);
    return row?.day ?? null;
  }

  /**
   * Opening stock lots per ingredient (key `${canteenId}|${ingredientId}`): the latest count on or before
   * `today`, minus the gross use of what was produced since (production log) and what approved plans
   * will cook before `useUntil` (the week's first day), minus spoilage logged in kg; plus deliveries of committed orders since the count.
   * `counted` is the count itself per ingredient, for whoever shows it beside the lots.
   */
  async openingStock(params: {
    canteenId: number;
    today: IsoDate;
    useUntil: IsoDate;
    catalogue: PlanningCatalogue;
    /** The week being planned: its own approved orders are what a new version replaces, not stock on the way. */
    week?: string;
  }): Promise<{ lots: Map<string, StockLot[]>; countedOn: IsoDate | null; counted: Map<number, number> }> {
    const { canteenId, catalogue } = params;
    const [last] = await query<MaybeDayRow>(this.dataSource, LAST_COUNT_DAY_SQL, [canteenId, params.today]);
    const countedOn = last?.day ?? null;
    const since = countedOn ?? params.today;
    const counts = countedOn === null ? [] : await query<IngredientQuantityRow>(this.dataSource, STOCK_COUNTS_SQL, [canteenId, countedOn]);
    const used = countedOn === null ? [] : await query<IngredientQuantityRow>(this.dataSource, USED_SINCE_COUNT_SQL, [canteenId, since, params.today, params.useUntil]);
    const spoiled = countedOn === null ? [] : await query<IngredientKgRow>(this.dataSource, SPOILED_SINCE_COUNT_SQL, [canteenId, since, params.today]);
    const deliveries = await query<DeliveryRow>(this.dataSource, DELIVERIES_SQL, [canteenId, [...COMMITTED_ORDER_STATUSES], since, params.week ?? null]);
    const usedBy = new Map<number, number>(used.map((row) => [row.ingredient_id, row.quantity]));
    for (const row of spoiled) {
      const id = row.ingredient_id;
      if (catalogue.ingredients.get(id)?.unit === 'kg') usedBy.set(id, (usedBy.get(id) ?? 0) + row.kg);
    }
    const countBy = new Map<number, number>(counts.map((row) => [row.ingredient_id, row.quantity]));
    const deliveriesBy = new Map<number, { deliveryDate: IsoDate; quantity: number }[]>();
    for (const row of deliveries) {
      const id = row.ingredient_id;
      deliveriesBy.set(id, [...(deliveriesBy.get(id) ?? []), { deliveryDate: row.delivery_date, quantity: row.quantity }]);
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
    return { lots, countedOn, counted: countBy };
  }
}

/** smallint[] arrives as an array from the pg driver and as '{1,2,3}' text from some paths. */
function parseSmallintArray(value: number[] | string): number[] {
  if (Array.isArray(value)) return value.map(Number);
  return String(value)
    .replace(/[{}]/g, '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
}
