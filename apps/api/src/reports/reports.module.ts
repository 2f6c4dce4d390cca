import { Module } from '@nestjs/common';
import { ReportingModule } from '@larder/reporting';
import { ReportsController } from './reports.controller';

@Module({ imports: [ReportingModule], controllers: [ReportsController] })
export class ReportsApiModule {}
