import { Module } from '@nestjs/common';
import { DashboardModule as DashboardLibModule } from '@larder/analytics';
import { DashboardController } from './dashboard.controller';

@Module({ imports: [DashboardLibModule], controllers: [DashboardController] })
export class DashboardApiModule {}
