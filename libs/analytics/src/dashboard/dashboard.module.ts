import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures.module';
import { DashboardCacheService } from './dashboard-cache.service';
import { DashboardDailyService } from './dashboard-daily.service';
import { DashboardDemandService } from './dashboard-demand.service';
import { DashboardDishesService } from './dashboard-dishes.service';
import { DashboardFinanceService } from './dashboard-finance.service';
import { DashboardMetaService } from './dashboard-meta.service';
import { DashboardOverviewService } from './dashboard-overview.service';
import { DashboardSatisfactionService } from './dashboard-satisfaction.service';
import { DashboardScopeService } from './dashboard-scope.service';
import { DashboardServiceDaysService } from './dashboard-service-days.service';
import { DashboardWasteService } from './dashboard-waste.service';

const SERVICES = [
  DashboardCacheService,
  DashboardScopeService,
  DashboardMetaService,
  DashboardDailyService,
  DashboardServiceDaysService,
  DashboardOverviewService,
  DashboardDishesService,
  DashboardDemandService,
  DashboardWasteService,
  DashboardFinanceService,
  DashboardSatisfactionService,
];

/** The dashboard's panels, built on the same figure services as the reports. */
@Module({ imports: [FiguresModule], providers: SERVICES, exports: SERVICES })
export class DashboardModule {}
