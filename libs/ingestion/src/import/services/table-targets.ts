import { EntityTarget } from 'typeorm';
import {
  BudgetLine,
  CalendarDay,
  Canteen,
  CanteenClosure,
  SubsidyRule,
  Dish,
  Feedback,
  Headcount,
  Ingredient,
  MealPeriod,
  MenuItem,
  ProductionLog,
  RecipeLine,
  Site,
  StockCount,
  Supplier,
  SupplierItem,
  SupplierPrice,
  StaffGroup,
  WasteLog,
} from '@larder/database';
import type { TableKind } from '../validation/table-rows';

/**
 * How each kind lands in its table. Masters are upserted by their natural key (a re-sent price list
 * corrects prices); facts are insert-only, so an overlapping export adds nothing and a batch can be
 * rolled back by its batch_id.
 */
export interface TableTarget {
  entity: EntityTarget<unknown>;
  /** Entity properties that identify a row. */
  key: string[];
  mode: 'upsert' | 'insert';
  /** Ids Larder assigns: max + n over the whole table or per canteen. */
  assignId?: 'global' | 'canteenId';
  /** The table has a batch_id column; its rows can be rolled back. */
  batched?: boolean;
  /** When the file carries the source system's own ids, they identify rows instead of the natural key. */
  sourceIdKey?: string[];
}

export const TABLE_TARGETS: Record<TableKind, TableTarget> = {
  sites: { entity: Site, key: ['code'], mode: 'upsert', assignId: 'global' },
  canteens: { entity: Canteen, key: ['code'], mode: 'upsert', assignId: 'global' },
  meal_periods: { entity: MealPeriod, key: ['canteenId', 'meal'], mode: 'upsert' },
  dishes: { entity: Dish, key: ['code'], mode: 'upsert', assignId: 'global' },
  ingredients: { entity: Ingredient, key: ['code'], mode: 'upsert', assignId: 'global' },
  recipes: { entity: RecipeLine, key: ['dishId', 'ingredientId'], mode: 'upsert' },
  suppliers: { entity: Supplier, key: ['code'], mode: 'upsert', assignId: 'global' },
  supplier_items: { entity: SupplierItem, key: ['supplierId', 'sku'], mode: 'upsert', assignId: 'global' },
  supplier_prices: { entity: SupplierPrice, key: ['supplierItemId', 'validFrom'], mode: 'upsert' },
  subsidy_rules: { entity: SubsidyRule, key: ['validFrom', 'meal'], mode: 'upsert' },
  calendar: { entity: CalendarDay, key: ['day'], mode: 'upsert' },
  budget: { entity: BudgetLine, key: ['canteenId', 'month', 'line'], mode: 'upsert' },
  staff: { entity: StaffGroup, key: ['dinerPseudonym'], mode: 'upsert' },
  closures: { entity: CanteenClosure, key: ['canteenId', 'fromDate'], mode: 'upsert' },
  headcount: { entity: Headcount, key: ['siteId', 'day'], mode: 'upsert' },
  menus: { entity: MenuItem, key: ['canteenId', 'serviceDate', 'meal', 'dishId'], mode: 'insert', batched: true },
  production: { entity: ProductionLog, key: ['canteenId', 'serviceDate', 'meal', 'dishId'], mode: 'insert', batched: true },
  waste: { entity: WasteLog, key: ['canteenId', 'serviceDate', 'meal', 'kind', 'dishId', 'ingredientId'], mode: 'insert', assignId: 'canteenId', batched: true, sourceIdKey: ['canteenId', 'id'] },
  stock_counts: { entity: StockCount, key: ['canteenId', 'countedOn', 'ingredientId'], mode: 'insert', batched: true },
  feedback: { entity: Feedback, key: ['canteenId', 'submittedAt', 'dinerPseudonym', 'dishId'], mode: 'insert', assignId: 'canteenId', batched: true, sourceIdKey: ['canteenId', 'id'] },
};
