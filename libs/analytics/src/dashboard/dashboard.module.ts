import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures.module';
import { DashboardDailyService } from './dashboard-daily.service';
import { DashboardMetaService } from './dashboard-meta.service';
import { DashboardOverviewService } from './dashboard-overview.service';
import { DashboardScopeService } from './dashboard-scope.service';

const SERVICES = [DashboardScopeService, DashboardMetaService, DashboardDailyService, DashboardOverviewService];

/** The dashboard's panels, built on the same figure services as the reports. */
@Module({ imports: [FiguresModule], providers: SERVICES, exports: SERVICES })
export class DashboardModule {}
