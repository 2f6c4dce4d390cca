import { Module } from '@nestjs/common';
import { IngestionModule } from '@larder/ingestion';
import { JobsModule } from '@larder/jobs';
import { NightlyPipeline } from './nightly-pipeline';

@Module({ imports: [JobsModule, IngestionModule], providers: [NightlyPipeline], exports: [JobsModule] })
export class PipelineModule {}
