import { Module } from '@nestjs/common';
import { DemandModule } from '@larder/demand';
import { IngestionModule } from '@larder/ingestion';
import { JobsModule } from '@larder/jobs';
import { NightlyPipeline } from './nightly-pipeline';

@Module({ imports: [JobsModule, IngestionModule, DemandModule], providers: [NightlyPipeline], exports: [JobsModule] })
export class PipelineModule {}
