import type { IsoDate, MealPeriod } from '@larder/domain';
import type { PlanStatus, PurchaseOrderStatus } from '@larder/database';
import type { ConfirmationReason } from '../planning/plan-guards';
import type { OrderStatus, ReceiptDifference } from '../planning/order-rules';
import type { PlanSummary } from '../planning/week-planner';
import type { ForecastOrigin } from './plan-demand.service';

export interface PlanLineView {
  serviceDate: IsoDate;
  meal: MealPeriod;
  dishId: number;
  forecastP50: number;
  serviceLevel: number;
  plannedPortions: number;
  expectedLeftover: number;
  expectedShortfall: number;
}

export interface PlanOverrideView {
  id: string;
  serviceDate: IsoDate;
  meal: MealPeriod;
  dishId: number;
  previousPortions: number;
  newPortions: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface PurchaseOrderLineView {
  supplierItemId: number;
  ingredientId: number;
  packs: number;
  packPriceFen: number;
  amountFen: number;
  neededQuantity: number;
}

export interface PurchaseOrderView {
  id: string;
  canteenId: number;
  planId: string | null;
  supplierId: number;
  orderDate: IsoDate;
  deliveryDate: IsoDate;
  status: PurchaseOrderStatus;
  totalFen: number;
  /** Some line could not arrive before the day it is needed, as the plan found when it was made. */
  late: boolean;
  /** The earliest cut-off time of its items on the order date (HH:MM), null without lines. */
  orderCutoff: string | null;
  /** The longest lead time of its items, in days. */
  leadTimeDays: number | null;
  lines: PurchaseOrderLineView[];
}

export interface CoversView {
  serviceDate: IsoDate;
  meal: MealPeriod;
  covers: number;
}

export interface PlanView {
  id: string;
  canteenId: number;
  week: string;
  version: number;
  status: PlanStatus;
  /** The manager's level for every dish, or null when each dish's newsvendor level was used. */
  serviceLevel: number | null;
  forecastRunId: string | null;
  forecastSource: ForecastOrigin;
  notes: string[];
  createdAt: string;
  createdBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
  summary: PlanSummary;
  covers: CoversView[];
  lines: PlanLineView[];
  overrides: PlanOverrideView[];
  orders: PurchaseOrderView[];
  /** For a draft: what approving it now would warn about (and so needs confirming). */
  approvalWarnings: ConfirmationReason[];
}

export interface PlanListItem {
  id: string;
  canteenId: number;
  week: string;
  version: number;
  status: PlanStatus;
  serviceLevel: number | null;
  forecastRunId: string | null;
  createdAt: string;
  createdBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
}

export interface NamedRef {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

/** One line of an order as a buyer reads it. */
export interface PurchaseOrderLineDetail extends PurchaseOrderLineView {
  ingredient: NamedRef & { unit: string };
  sku: string;
  packSize: number;
  minOrderPacks: number;
  leadTimeDays: number;
  /** Local time of day by which the order must be placed (HH:MM). */
  orderCutoff: string;
  /** What was delivered (验收入库), null until the order is received. */
  receivedPacks: number | null;
  receivedPackPriceFen: number | null;
  receivedAmountFen: number | null;
  /** How the delivery differs from the order: short, over, price-up, price-down. */
  differences: ReceiptDifference[];
}

/** A change to an order's lines, from the audit log. */
export interface PurchaseOrderEditView {
  at: string;
  actor: string;
  supplierItemId: number;
  fromPacks: number;
  toPacks: number;
  reason: string;
}

/** One order opened: its supplier, canteen, plan week, terms and lines. */
export interface PurchaseOrderDetail extends Omit<PurchaseOrderView, 'lines'> {
  week: string | null;
  supplier: NamedRef & { contact: string | null; address: string | null; phone: string | null };
  canteen: NamedRef;
  lines: PurchaseOrderLineDetail[];
  edits: PurchaseOrderEditView[];
  /** What the buyer may do next (the allowed status moves). */
  nextStatuses: OrderStatus[];
  editable: boolean;
  /** The delivered amount, once received. */
  receivedTotalFen: number | null;
}
