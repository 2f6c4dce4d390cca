import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, LogLevel, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { IngestionModule } from '@larder/ingestion';
import { createScratchDatabase } from '../support/scratch-database';

export interface IngestionBench {
  /** A scratch folder for the bench's files, removed afterwards. */
  readonly dir: string;
  readonly engine: string;
  /** Larder's ingestion module on a migrated database. */
  readonly app: INestApplicationContext;
}

/**
 * Runs an ingestion bench on a Larder of its own: the embedded engine in a data folder inside a
 * scratch folder, or a scratch database on the server at `serverUrl`; everything is removed when
 * `bench` ends, whether or not it succeeds.
 */
export async function withIngestionApp<T>(params: { prefix: string; serverUrl: string; logger: false | LogLevel[] }, bench: (context: IngestionBench) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), params.prefix));
  // as root, the embedded PostgreSQL's own user must be able to pass through to the data folder
  chmodSync(dir, 0o711);
  const server = params.serverUrl ? await createScratchDatabase(params.serverUrl) : null;
  const env = server ? { DATABASE_URL: server.url } : { LARDER_DATA_DIR: join(dir, 'data') };
  const config = loadConfig({ ...env, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456789', LARDER_LOG_LEVEL: 'error' });

  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: params.logger });
  try {
    await app.get(DatabaseService).migrate();
    return await bench({ dir, engine: config.database.engine, app });
  } finally {
    await app.close();
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
