import { Module } from '@nestjs/common';
import { AnalyticsModule as AnalyticsLibModule } from '@larder/analytics';
import { OverviewController } from './overview.controller';

@Module({ imports: [AnalyticsLibModule], controllers: [OverviewController] })
export class AnalyticsModule {}
