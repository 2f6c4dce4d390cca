import { AppUser, ApiToken } from './app-user.entity';
import { AppSetting } from './app-setting.entity';
import { AuditLog } from './audit-log.entity';
import { BudgetLine } from './budget-line.entity';
import { CalendarDay } from './calendar-day.entity';
import { Canteen } from './canteen.entity';
import { CanteenClosure } from './canteen-closure.entity';
import { DailyChannelRollup } from './daily-channel-rollup.entity';
import { DailyCostRollup } from './daily-cost-rollup.entity';
import { DailyDishRollup } from './daily-dish-rollup.entity';
import { DailyFeedbackRollup } from './daily-feedback-rollup.entity';
import { DailyMealRollup } from './daily-meal-rollup.entity';
import { Dish } from './dish.entity';
import { Feedback } from './feedback.entity';
import { Forecast, ForecastRun } from './forecast.entity';
import { Headcount } from './headcount.entity';
import { HourlyLoadRollup } from './hourly-load-rollup.entity';
import { ImportBatch } from './import-batch.entity';
import { Ingredient } from './ingredient.entity';
import { JobRun, JobStep } from './job-run.entity';
import { MealPeriod } from './meal-period.entity';
import { MenuItem } from './menu-item.entity';
import { MenuProposal, MenuProposalChange } from './menu-proposal.entity';
import { PlanLine, PlanOverride, ProductionPlan } from './production-plan.entity';
import { ProductionLog } from './production-log.entity';
import { PurchaseOrder, PurchaseOrderChange, PurchaseOrderLine } from './purchase-order.entity';
import { QuarantineRow } from './quarantine-row.entity';
import { RecipeLine } from './recipe-line.entity';
import { Site } from './site.entity';
import { StaffGroup } from './staff-group.entity';
import { StockCount } from './stock-count.entity';
import { DeliveryOutbox, Subscription } from './subscription.entity';
import { SubsidyRule } from './subsidy-rule.entity';
import { Supplier } from './supplier.entity';
import { SupplierItem } from './supplier-item.entity';
import { SupplierPrice } from './supplier-price.entity';
import { SaleTransaction } from './transaction.entity';
import { SaleLine } from './transaction-line.entity';
import { StaffSite } from './staff-site.entity';
import { UserSession } from './user-session.entity';
import { WasteLog } from './waste-log.entity';

export {
  AppSetting,
  AppUser,
  ApiToken,
  AuditLog,
  BudgetLine,
  CalendarDay,
  Canteen,
  CanteenClosure,
  DailyChannelRollup,
  DailyCostRollup,
  DailyDishRollup,
  DailyFeedbackRollup,
  DailyMealRollup,
  Dish,
  Feedback,
  Forecast,
  ForecastRun,
  Headcount,
  HourlyLoadRollup,
  ImportBatch,
  Ingredient,
  JobRun,
  JobStep,
  MealPeriod,
  MenuItem,
  PlanLine,
  PlanOverride,
  ProductionPlan,
  ProductionLog,
  PurchaseOrder,
  PurchaseOrderChange,
  PurchaseOrderLine,
  QuarantineRow,
  RecipeLine,
  Site,
  StaffGroup,
  StockCount,
  SubsidyRule,
  Supplier,
  SupplierItem,
  SupplierPrice,
  SaleTransaction,
  SaleLine,
  UserSession,
  WasteLog,
  Subscription,
  DeliveryOutbox,
  StaffSite,
  MenuProposal,
  MenuProposalChange,
};
export type { DeliveryChannel, DeliveryStatus, SubscriptionTopic } from './subscription.entity';
export type { MenuChangeStatus } from './menu-proposal.entity';

export const ENTITIES = [
  Site,
  Canteen,
  MealPeriod,
  Dish,
  Ingredient,
  RecipeLine,
  Supplier,
  SupplierItem,
  SupplierPrice,
  MenuItem,
  SaleTransaction,
  SaleLine,
  ProductionLog,
  WasteLog,
  StockCount,
  Feedback,
  Headcount,
  CalendarDay,
  CanteenClosure,
  SubsidyRule,
  ImportBatch,
  QuarantineRow,
  DailyDishRollup,
  DailyMealRollup,
  DailyCostRollup,
  DailyChannelRollup,
  DailyFeedbackRollup,
  HourlyLoadRollup,
  ForecastRun,
  Forecast,
  ProductionPlan,
  PlanLine,
  PlanOverride,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderChange,
  JobRun,
  JobStep,
  AppUser,
  ApiToken,
  AuditLog,
  AppSetting,
  UserSession,
  Subscription,
  DeliveryOutbox,
  StaffSite,
  BudgetLine,
  StaffGroup,
  MenuProposal,
  MenuProposalChange,
];

export type { JobStatus } from './job-run.entity';
export type { ImportBatchStatus } from './import-batch.entity';
export type { PlanStatus } from './production-plan.entity';
export type { PurchaseOrderStatus } from './purchase-order.entity';
