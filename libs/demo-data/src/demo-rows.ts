import type { DayKind, DishCategory, IngredientCategory, IngredientUnit, MealPeriod, PaymentChannel, StorageKind, TransactionKind, WasteKind } from '@larder/domain';

/** The statuses the demo's orders end in: received, or sent and waiting for receipt on the last day. */
export type DemoOrderStatus = 'sent' | 'received';

/**
 * Plain rows mirroring Larder's entities property for property, so ingestion can copy them into the tables.
 * Deviations: transactions and feedback carry the diner's raw identity (card and staff numbers) because
 * ingestion replaces it with a keyed pseudonym; batch ids are left to ingestion.
 */

export interface SiteRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

export interface CanteenRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  siteId: number;
  timezone: string;
  seats: number;
  opensWeekends: boolean;
}

export interface MealPeriodRow {
  canteenId: number;
  meal: MealPeriod;
  startsAt: string;
  endsAt: string;
}

export interface DishRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  category: DishCategory;
  listPriceFen: number;
  subsidisedPriceFen: number;
  portionKg: number;
  introducedOn: string | null;
  retiredOn: string | null;
}

export interface IngredientRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  unit: IngredientUnit;
  shelfLifeDays: number;
  storage: StorageKind;
  category: IngredientCategory;
}

export interface RecipeLineRow {
  dishId: number;
  ingredientId: number;
  quantityPerPortion: number;
  yieldLoss: number;
}

export interface SupplierRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  contact: string | null;
  address: string | null;
  phone: string | null;
}

export interface SupplierItemRow {
  id: number;
  supplierId: number;
  ingredientId: number;
  sku: string;
  packSize: number;
  minOrderPacks: number;
  leadTimeDays: number;
  deliveryWeekdays: number[];
  orderCutoff: string;
}

export interface SupplierPriceRow {
  supplierItemId: number;
  validFrom: string;
  packPriceFen: number;
}

export interface SubsidyRuleRow {
  validFrom: string;
  meal: MealPeriod;
  subsidyFen: number;
}

export interface CalendarDayRow {
  day: string;
  kind: DayKind;
  holidayName: string | null;
  holidayNameZh: string | null;
}

export interface CanteenClosureRow {
  canteenId: number;
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface MenuItemRow {
  canteenId: number;
  serviceDate: string;
  meal: MealPeriod;
  dishId: number;
}

export interface DemoTransaction {
  canteenId: number;
  id: number;
  source: string;
  externalId: string;
  terminal: string;
  /** Raw identity as the card system exports it; ingestion swaps it for a pseudonym. */
  cardNo: string;
  employeeNo: string;
  occurredAt: Date;
  serviceDate: string;
  meal: MealPeriod;
  kind: TransactionKind;
  amountPaidFen: number;
  subsidyFen: number;
  channel: PaymentChannel;
  refundOfExternalId: string | null;
}

export interface SaleLineRow {
  canteenId: number;
  transactionId: number;
  lineNo: number;
  dishId: number;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  subsidyFen: number;
}

export interface ProductionLogRow {
  canteenId: number;
  serviceDate: string;
  meal: MealPeriod;
  dishId: number;
  portionsPrepared: number;
}

export interface WasteLogRow {
  canteenId: number;
  id: number;
  serviceDate: string;
  meal: MealPeriod | null;
  kind: WasteKind;
  dishId: number | null;
  ingredientId: number | null;
  kg: number;
  portions: number | null;
}

export interface DemoFeedback {
  canteenId: number;
  id: number;
  submittedAt: Date;
  serviceDate: string;
  meal: MealPeriod | null;
  dishId: number | null;
  rating: number;
  tags: string[];
  comment: string | null;
  /** Null when the diner chose to stay anonymous. */
  employeeNo: string | null;
}

export interface StockCountRow {
  canteenId: number;
  countedOn: string;
  ingredientId: number;
  quantity: number;
}

export interface HeadcountRow {
  siteId: number;
  day: string;
  employees: number;
  onDuty: number;
  onLeave: number;
  travelling: number;
  overtime: number;
  remote: number;
}

/** One order to one supplier for one delivery to one canteen; ids are UUIDs spelt from canteen, supplier and date. */
export interface PurchaseOrderRow {
  id: string;
  canteenId: number;
  planId: string | null;
  supplierId: number;
  orderDate: string;
  deliveryDate: string;
  status: DemoOrderStatus;
  totalFen: number;
  /** The demo orders each delivery its lead time ahead, so none is late. */
  late: boolean;
}

/** An order line with its delivery note (received packs and price), null while the order waits for receipt. */
export interface PurchaseOrderLineRow {
  orderId: string;
  supplierItemId: number;
  canteenId: number;
  ingredientId: number;
  packs: number;
  packPriceFen: number;
  amountFen: number;
  neededQuantity: number;
  receivedPacks: number | null;
  receivedPackPriceFen: number | null;
}
