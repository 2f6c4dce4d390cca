import { Module } from '@nestjs/common';
import { DemandHistoryService } from './services/demand-history.service';
import { ForecastQueryService } from './services/forecast-query.service';
import { ForecastRunService } from './services/forecast-run.service';

/** Demand forecasts in the product: runs that store them, and the reads the API serves. */
@Module({
  providers: [DemandHistoryService, ForecastRunService, ForecastQueryService],
  exports: [DemandHistoryService, ForecastRunService, ForecastQueryService],
})
export class DemandModule {}
