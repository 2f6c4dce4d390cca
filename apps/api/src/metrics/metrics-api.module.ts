import { Module } from '@nestjs/common';
import { ObservabilityModule } from '@larder/observability';
import { MetricsController } from './metrics.controller';

@Module({ imports: [ObservabilityModule], controllers: [MetricsController] })
export class MetricsApiModule {}
