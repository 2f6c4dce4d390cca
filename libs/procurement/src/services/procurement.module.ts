import { Module } from '@nestjs/common';
import { FiguresModule } from '@larder/analytics';
import { AuthModule } from '@larder/auth';
import { DemandModule } from '@larder/demand';
import { FORECAST_QUANTILE_SOURCE, StoredForecastSource } from './forecast-source';
import { DraftPlanService } from './draft-plan.service';
import { PlanDemandService } from './plan-demand.service';
import { PlanStore } from './plan-store';
import { PlanService } from './plan.service';
import { PurchaseOrderQueries } from './purchase-order.queries';
import { PurchaseOrderService } from './purchase-order.service';
import { StockService } from './stock.service';
import { SupplierComparisonService } from './supplier-comparison.service';
import { PlanningDataLoader } from './planning-data.loader';
import { ReplayService } from './replay.service';
import { WasteAccountingService } from './waste-accounting.service';
import { WhatIfService } from './what-if.service';
import { MenuProposalLoader } from './menu-proposal.loader';
import { MenuProposalService } from './menu-proposal.service';

const SERVICES = [
  PlanningDataLoader,
  PlanDemandService,
  PlanStore,
  PlanService,
  WhatIfService,
  ReplayService,
  WasteAccountingService,
  DraftPlanService,
  PurchaseOrderQueries,
  PurchaseOrderService,
  StockService,
  SupplierComparisonService,
  MenuProposalLoader,
  MenuProposalService,
];

@Module({
  imports: [DemandModule, AuthModule, FiguresModule],
  providers: [...SERVICES, StoredForecastSource, { provide: FORECAST_QUANTILE_SOURCE, useExisting: StoredForecastSource }],
  exports: [...SERVICES, FORECAST_QUANTILE_SOURCE],
})
export class ProcurementModule {}
