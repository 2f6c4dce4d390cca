import { Module } from '@nestjs/common';
import { PipelineModule } from '@larder/pipeline';
import { JobsController } from './jobs.controller';

@Module({ imports: [PipelineModule], controllers: [JobsController] })
export class JobsApiModule {}
