import { Module } from '@nestjs/common';
import { DeliveryModule } from '@larder/delivery';
import { DemandModule } from '@larder/demand';
import { IngestionModule } from '@larder/ingestion';
import { ReportingModule } from '@larder/reporting';
import { JobsModule } from '@larder/jobs';
import { ProcurementModule } from '@larder/procurement';
import { DeliverySteps } from './delivery.steps';
import { DraftPlansStep } from './draft-plans.step';
import { FirstStartService } from './first-start.service';
import { NightlyPipeline } from './nightly-pipeline';
import { PullSourcesStep } from './pull-sources.step';
import { ScheduledReports } from './scheduled-reports';

@Module({
  imports: [JobsModule, IngestionModule, DemandModule, ReportingModule, ProcurementModule, DeliveryModule],
  providers: [NightlyPipeline, DeliverySteps, ScheduledReports, PullSourcesStep, DraftPlansStep, FirstStartService],
  exports: [JobsModule, FirstStartService],
})
export class PipelineModule {}
