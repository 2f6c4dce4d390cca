import { mkdirSync } from 'node:fs';
import { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { LarderConfig } from '@larder/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One set of entities and migrations for both engines; only the driver differs. */
export function dataSourceOptions(database: LarderConfig['database']): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error' as const],
  };
  if (database.engine === 'postgres') {
    return { ...common, url: database.url, extra: { max: 10, application_name: 'larder' } };
  }
  if (database.dataDir !== 'memory://') mkdirSync(database.dataDir, { recursive: true });
  return { ...common, driver: new PGliteDriver({ dataDir: database.dataDir }).driver };
}
