import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { LarderConfig } from '@larder/config';
import { EmbeddedCluster } from './embedded-cluster';

/**
 * Where this process's connections go. On a PostgreSQL server that is DATABASE_URL; on the embedded
 * engine the process joins (or starts) its data folder's cluster when it starts and leaves it when
 * it shuts down, stopping the cluster if it was the last Larder process using it.
 */
export class DatabaseEndpoint implements OnApplicationShutdown {
  private constructor(
    readonly url: string,
    readonly cluster: EmbeddedCluster | null,
    private readonly moduleRef: ModuleRef | null,
  ) {}

  static async open(database: LarderConfig['database'], moduleRef: ModuleRef | null = null): Promise<DatabaseEndpoint> {
    if (database.engine === 'postgres') return new DatabaseEndpoint(database.url, null, moduleRef);
    const logger = new Logger('EmbeddedPostgres');
    const cluster = await EmbeddedCluster.open({ dataDir: database.dataDir, database: database.name, log: (message) => logger.log(message) });
    return new DatabaseEndpoint(cluster.url(), cluster, moduleRef);
  }

  /** Nest calls this after every module's onModuleDestroy, when nothing uses the pool any more. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.cluster) return;
    // The pool closes before the cluster may stop, so no connection of ours is cut by the stop.
    const dataSource = this.moduleRef?.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.close();
  }

  async close(): Promise<void> {
    await this.cluster?.close();
  }
}
