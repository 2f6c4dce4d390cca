import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfigFromProcess } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';

@Module({})
class CliModule {
  static forRoot(features: Type[]): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(loadConfigFromProcess({ LARDER_SCHEDULER: 'off' })), DatabaseModule, ...features] };
  }
}

/**
 * Opens Larder's services for one command, migrated, and always closes them again. A command names
 * the feature modules it uses, so a quick one (health, users) does not load and wire all of Larder.
 */
export async function withContext<T>(features: Type[], work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(features), { logger: ['error', 'warn'] });
  try {
    await context.get(DatabaseService).migrate();
    return await work(context);
  } finally {
    await context.close();
  }
}
