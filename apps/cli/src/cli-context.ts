import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@larder/auth';
import { ConfigModule, loadConfigFromProcess } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { IngestionModule } from '@larder/ingestion';
import { ReportingModule } from '@larder/reporting';
import { DemandModule } from '@larder/demand';
import { PipelineModule } from '@larder/pipeline';
import { ProcurementModule } from '@larder/procurement';

@Module({})
class CliModule {
  static forRoot(): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(loadConfigFromProcess({ LARDER_SCHEDULER: 'off' })), DatabaseModule, AuthModule, IngestionModule, PipelineModule, DemandModule, ReportingModule, ProcurementModule] };
  }
}

/** Opens Larder's services for one command, migrated, and always closes them again. */
export async function withContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(), { logger: ['error', 'warn'] });
  try {
    await context.get(DatabaseService).migrate();
    return await work(context);
  } finally {
    await context.close();
  }
}
