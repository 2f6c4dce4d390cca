import type { DemoDay } from '../day-stream';
import type { DemoMasterData } from '../demo-master';
import { CsvValue, shanghaiTime, yuan } from './csv-file';

/** Lists inside a cell (tags, delivery weekdays) are joined with this, which never occurs in the values. */
export const LIST_SEPARATOR = '|';

export interface MasterFile {
  name: string;
  columns: string[];
  rows: (masters: DemoMasterData, codes: CodeBook) => CsvValue[][];
}

/** Exports speak in codes (canteen, dish, ingredient, supplier), not in database ids. */
export class CodeBook {
  readonly canteen: Map<number, string>;
  readonly site: Map<number, string>;
  readonly dish: Map<number, { code: string; name: string }>;
  readonly ingredient: Map<number, { code: string; unit: string }>;
  readonly supplier: Map<number, string>;
  readonly sku: Map<number, string>;

  constructor(masters: DemoMasterData) {
    this.canteen = new Map(masters.canteens.map((row) => [row.id, row.code]));
    this.site = new Map(masters.sites.map((row) => [row.id, row.code]));
    this.dish = new Map(masters.dishes.map((row) => [row.id, { code: row.code, name: row.name }]));
    this.ingredient = new Map(masters.ingredients.map((row) => [row.id, { code: row.code, unit: row.unit }]));
    this.supplier = new Map(masters.suppliers.map((row) => [row.id, row.code]));
    this.sku = new Map(masters.supplierItems.map((row) => [row.id, row.sku]));
  }
}

const bool = (value: boolean) => (value ? 'true' : 'false');

export const MASTER_FILES: MasterFile[] = [
  { name: 'sites.csv', columns: ['site_code', 'name', 'name_en'], rows: (m) => m.sites.map((r) => [r.code, r.name, r.nameEn]) },
  {
    name: 'canteens.csv',
    columns: ['canteen_code', 'name', 'name_en', 'site_code', 'timezone', 'seats', 'opens_weekends'],
    rows: (m, c) => m.canteens.map((r) => [r.code, r.name, r.nameEn, c.site.get(r.siteId)!, r.timezone, r.seats, bool(r.opensWeekends)]),
  },
  {
    name: 'meal_periods.csv',
    columns: ['canteen_code', 'meal', 'starts_at', 'ends_at'],
    rows: (m, c) => m.mealPeriods.map((r) => [c.canteen.get(r.canteenId)!, r.meal, r.startsAt, r.endsAt]),
  },
  {
    name: 'dishes.csv',
    columns: ['dish_code', 'name', 'name_en', 'category', 'list_price', 'subsidised_price', 'portion_kg', 'introduced_on', 'retired_on'],
    rows: (m) => m.dishes.map((r) => [r.code, r.name, r.nameEn, r.category, yuan(r.listPriceFen), yuan(r.subsidisedPriceFen), r.portionKg, r.introducedOn, r.retiredOn]),
  },
  {
    name: 'ingredients.csv',
    columns: ['ingredient_code', 'name', 'name_en', 'unit', 'shelf_life_days', 'storage', 'category'],
    rows: (m) => m.ingredients.map((r) => [r.code, r.name, r.nameEn, r.unit, r.shelfLifeDays, r.storage, r.category]),
  },
  {
    name: 'recipes.csv',
    columns: ['dish_code', 'ingredient_code', 'quantity_per_portion', 'yield_loss'],
    rows: (m, c) => m.recipeLines.map((r) => [c.dish.get(r.dishId)!.code, c.ingredient.get(r.ingredientId)!.code, r.quantityPerPortion, r.yieldLoss]),
  },
  {
    name: 'suppliers.csv',
    columns: ['supplier_code', 'name', 'name_en', 'contact', 'address', 'phone'],
    rows: (m) => m.suppliers.map((r) => [r.code, r.name, r.nameEn, r.contact, r.address, r.phone]),
  },
  {
    name: 'supplier_items.csv',
    columns: ['sku', 'supplier_code', 'ingredient_code', 'pack_size', 'min_order_packs', 'lead_time_days', 'delivery_weekdays', 'order_cutoff'],
    rows: (m, c) =>
      m.supplierItems.map((r) => [
        r.sku,
        c.supplier.get(r.supplierId)!,
        c.ingredient.get(r.ingredientId)!.code,
        r.packSize,
        r.minOrderPacks,
        r.leadTimeDays,
        r.deliveryWeekdays.join(LIST_SEPARATOR),
        r.orderCutoff,
      ]),
  },
  {
    name: 'supplier_prices.csv',
    columns: ['sku', 'valid_from', 'pack_price'],
    rows: (m, c) => m.supplierPrices.map((r) => [c.sku.get(r.supplierItemId)!, r.validFrom, yuan(r.packPriceFen)]),
  },
  { name: 'subsidy_rules.csv', columns: ['valid_from', 'meal', 'subsidy'], rows: (m) => m.subsidyRules.map((r) => [r.validFrom, r.meal, yuan(r.subsidyFen)]) },
  {
    name: 'calendar.csv',
    columns: ['date', 'kind', 'holiday_name', 'holiday_name_zh'],
    rows: (m) => m.calendarDays.map((r) => [r.day, r.kind, r.holidayName, r.holidayNameZh]),
  },
  {
    name: 'closures.csv',
    columns: ['canteen_code', 'from_date', 'to_date', 'reason'],
    rows: (m, c) => m.closures.map((r) => [c.canteen.get(r.canteenId)!, r.fromDate, r.toDate, r.reason]),
  },
];

export interface FactFile {
  name: string;
  columns: string[];
  rows: (day: DemoDay, codes: CodeBook, emit: (record: CsvValue[]) => void) => void;
}

export const FACT_FILES: FactFile[] = [
  {
    // One row per sale line with the payment's fields repeated, the way card-system vendors export.
    name: 'transactions.csv',
    columns: [
      'external_id',
      'transaction_no',
      'occurred_at',
      'service_date',
      'card_no',
      'employee_no',
      'canteen_code',
      'terminal',
      'meal',
      'line_no',
      'dish_code',
      'dish_name',
      'quantity',
      'unit_price',
      'line_amount',
      'line_subsidy',
      'paid_amount',
      'subsidy_amount',
      'payment_channel',
      'kind',
      'refund_of',
    ],
    rows: (day, codes, emit) => {
      const lines = day.saleLines;
      let l = 0;
      for (const t of day.transactions) {
        const canteenCode = codes.canteen.get(t.canteenId)!;
        const occurredAt = shanghaiTime(t.occurredAt);
        const start = l;
        for (; l < lines.length && lines[l].transactionId === t.id && lines[l].canteenId === t.canteenId; l++) {
          const line = lines[l];
          const dish = codes.dish.get(line.dishId)!;
          emit([
            t.externalId,
            t.id,
            occurredAt,
            t.serviceDate,
            t.cardNo,
            t.employeeNo,
            canteenCode,
            t.terminal,
            t.meal,
            line.lineNo,
            dish.code,
            dish.name,
            line.quantity,
            yuan(line.unitPriceFen),
            yuan(line.amountFen),
            yuan(line.subsidyFen),
            yuan(t.amountPaidFen),
            yuan(t.subsidyFen),
            t.channel,
            t.kind,
            t.refundOfExternalId,
          ]);
        }
        if (l === start) throw new Error(`transaction ${t.externalId} has no lines in order`);
      }
      if (l !== lines.length) throw new Error(`${day.date}: ${lines.length - l} sale lines belong to no transaction`);
    },
  },
  {
    name: 'menus.csv',
    columns: ['service_date', 'canteen_code', 'meal', 'dish_code', 'dish_name'],
    rows: (day, codes, emit) => {
      for (const r of day.menuItems) {
        const dish = codes.dish.get(r.dishId)!;
        emit([r.serviceDate, codes.canteen.get(r.canteenId)!, r.meal, dish.code, dish.name]);
      }
    },
  },
  {
    name: 'production.csv',
    columns: ['service_date', 'canteen_code', 'meal', 'dish_code', 'portions_prepared'],
    rows: (day, codes, emit) => {
      for (const r of day.production) emit([r.serviceDate, codes.canteen.get(r.canteenId)!, r.meal, codes.dish.get(r.dishId)!.code, r.portionsPrepared]);
    },
  },
  {
    name: 'waste.csv',
    columns: ['waste_id', 'service_date', 'canteen_code', 'meal', 'kind', 'dish_code', 'ingredient_code', 'kg', 'portions'],
    rows: (day, codes, emit) => {
      for (const r of day.waste) {
        emit([
          r.id,
          r.serviceDate,
          codes.canteen.get(r.canteenId)!,
          r.meal,
          r.kind,
          r.dishId === null ? null : codes.dish.get(r.dishId)!.code,
          r.ingredientId === null ? null : codes.ingredient.get(r.ingredientId)!.code,
          r.kg,
          r.portions,
        ]);
      }
    },
  },
  {
    name: 'feedback.csv',
    columns: ['feedback_id', 'submitted_at', 'service_date', 'canteen_code', 'meal', 'dish_code', 'rating', 'tags', 'comment', 'employee_no'],
    rows: (day, codes, emit) => {
      for (const r of day.feedback) {
        emit([
          r.id,
          shanghaiTime(r.submittedAt),
          r.serviceDate,
          codes.canteen.get(r.canteenId)!,
          r.meal,
          r.dishId === null ? null : codes.dish.get(r.dishId)!.code,
          r.rating,
          r.tags.join(LIST_SEPARATOR),
          r.comment,
          r.employeeNo,
        ]);
      }
    },
  },
  {
    name: 'stock_counts.csv',
    columns: ['counted_on', 'canteen_code', 'ingredient_code', 'quantity', 'unit'],
    rows: (day, codes, emit) => {
      for (const r of day.stockCounts) {
        const ingredient = codes.ingredient.get(r.ingredientId)!;
        emit([r.countedOn, codes.canteen.get(r.canteenId)!, ingredient.code, r.quantity, ingredient.unit]);
      }
    },
  },
  {
    name: 'headcount.csv',
    columns: ['site_code', 'date', 'employees', 'on_duty', 'on_leave', 'travelling', 'overtime', 'remote'],
    rows: (day, codes, emit) => {
      for (const r of day.headcount) emit([codes.site.get(r.siteId)!, r.day, r.employees, r.onDuty, r.onLeave, r.travelling, r.overtime, r.remote]);
    },
  },
];
