import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule } from '@larder/database';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthApiModule } from './auth/auth-api.module';
import { BudgetsApiModule } from './budgets/budgets.module';
import { DashboardApiModule } from './dashboard/dashboard.module';
import { ForecastsModule } from './forecasts/forecasts.module';
import { HealthModule } from './health/health.module';
import { ImportsApiModule } from './imports/imports.module';
import { JobsApiModule } from './jobs/jobs.module';
import { MetricsApiModule } from './metrics/metrics-api.module';
import { PlanningModule } from './planning/planning.module';
import { ReportsApiModule } from './reports/reports.module';
import { SubscriptionsApiModule } from './subscriptions/subscriptions.module';

@Module({})
export class AppModule {
  static forRoot(config: LarderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuthApiModule,
        HealthModule,
        AnalyticsModule,
        JobsApiModule,
        ForecastsModule,
        PlanningModule,
        ReportsApiModule,
        ImportsApiModule,
        DashboardApiModule,
        MetricsApiModule,
        SubscriptionsApiModule,
        BudgetsApiModule,
      ],
    };
  }
}
