import { Module } from '@nestjs/common';
import { DemandModule } from '@larder/demand';
import { ForecastsController } from './forecasts.controller';

@Module({ imports: [DemandModule], controllers: [ForecastsController] })
export class ForecastsModule {}
