import { Module } from '@nestjs/common';
import { IngestionModule } from '@larder/ingestion';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [IngestionModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
