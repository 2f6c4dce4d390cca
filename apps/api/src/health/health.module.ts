import { Module } from '@nestjs/common';
import { PipelineModule } from '@larder/pipeline';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [PipelineModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
