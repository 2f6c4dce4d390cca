import { InitialSchema1795566502769 } from './1795566502769-initial-schema.migration';
import { JobSlots1795569367729 } from './1795569367729-job-slots.migration';
import { UserSessions1795569588611 } from './1795569588611-user-sessions.migration';
import { ImportBatchTracking1795569927692 } from './1795569927692-import-batch-tracking.migration';
import { ForecastRunOutcome1795570097828 } from './1795570097828-forecast-run-outcome.migration';
import { HourlyLoadRollup1795577791578 } from './1795577791578-hourly-load-rollup.migration';
import { DishRollupCost1795580433811 } from './1795580433811-dish-rollup-cost.migration';
import { ForecastSuperseded1795580705766 } from './1795580705766-forecast-superseded.migration';
import { CostRollup1796211233876 } from './1796211233876-cost-rollup.migration';
import { ChannelRollup1796212015723 } from './1796212015723-channel-rollup.migration';
import { ForecastTargetIndex1796220243363 } from './1796220243363-forecast-target-index.migration';
import { FeedbackRollup1796229973575 } from './1796229973575-feedback-rollup.migration';
import { ForecastCoveringIndex1796230500000 } from './1796230500000-forecast-covering-index.migration';
import { Subscriptions1796482985639 } from './1796482985639-subscriptions.migration';
import { SerialDashboardScans1796220400000 } from './1796220400000-serial-dashboard-scans.migration';
import { SupplierAddress1796482977370 } from './1796482977370-supplier-address.migration';
import { OrderReceipts1796484790249 } from './1796484790249-order-receipts.migration';
import { OrderChanges1796485719182 } from './1796485719182-order-changes.migration';
import { BudgetLines1796493850210 } from './1796493850210-budget-lines.migration';
import { MenuProposals1796494527692 } from './1796494527692-menu-proposals.migration';
import { StaffSites1796494696140 } from './1796494696140-staff-sites.migration';
import { StaffGroups1796496117651 } from './1796496117651-staff-groups.migration';
import { IngredientCategory1796517737470 } from './1796517737470-ingredient-category.migration';
import { PurchaseOrderLate1796562601390 } from './1796562601390-purchase-order-late.migration';
import { ImportBatchHeaders1796625884766 } from './1796625884766-import-batch-headers.migration';

/** Migrations in the order they run; `npm run migration:generate -- Name` writes a new one to add here. */
export const MIGRATIONS: Function[] = [
  InitialSchema1795566502769,
  JobSlots1795569367729,
  UserSessions1795569588611,
  ImportBatchTracking1795569927692,
  ForecastRunOutcome1795570097828,
  HourlyLoadRollup1795577791578,
  DishRollupCost1795580433811,
  ForecastSuperseded1795580705766,
  CostRollup1796211233876,
  ChannelRollup1796212015723,
  ForecastTargetIndex1796220243363,
  SerialDashboardScans1796220400000,
  FeedbackRollup1796229973575,
  ForecastCoveringIndex1796230500000,
  SupplierAddress1796482977370,
  Subscriptions1796482985639,
  OrderReceipts1796484790249,
  OrderChanges1796485719182,
  BudgetLines1796493850210,
  MenuProposals1796494527692,
  StaffSites1796494696140,
  StaffGroups1796496117651,
  IngredientCategory1796517737470,
  PurchaseOrderLate1796562601390,
  ImportBatchHeaders1796625884766,
];
