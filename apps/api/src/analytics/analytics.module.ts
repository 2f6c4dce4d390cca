import { Module } from '@nestjs/common';
import { AnalyticsModule as AnalyticsLibModule, FiguresModule } from '@larder/analytics';
import { OverviewController } from './overview.controller';
import { SubsidyReachController } from './subsidy-reach.controller';

@Module({ imports: [AnalyticsLibModule, FiguresModule], controllers: [OverviewController, SubsidyReachController] })
export class AnalyticsModule {}
