import { DataSource, DataSourceOptions } from 'typeorm';
import type { LarderConfig } from '@larder/config';
import { DatabaseEndpoint } from './embedded/database-endpoint';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ROW_TYPES } from './query/row-types';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One set of entities, migrations and pool for both engines: each is a PostgreSQL server at a URL. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error'],
    // Every request and job gets a connection of its own, and with it its own transaction.
    extra: { max: 10, application_name: 'larder', types: ROW_TYPES },
  };
}

export interface OpenDatabase {
  dataSource: DataSource;
  /** Closes the pool, then leaves the embedded cluster (stopping it when this was the last process). */
  close(): Promise<void>;
}

/** A data source outside Nest (tools, benchmarks, tests), on either engine. */
export async function openDatabase(database: LarderConfig['database']): Promise<OpenDatabase> {
  const endpoint = await DatabaseEndpoint.open(database);
  try {
    const dataSource = await new DataSource(dataSourceOptions(endpoint.url)).initialize();
    return {
      dataSource,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await endpoint.close();
      },
    };
  } catch (error) {
    await endpoint.close();
    throw error;
  }
}
