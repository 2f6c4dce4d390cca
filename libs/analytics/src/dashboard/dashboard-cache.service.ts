import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { SnapshotCache } from './snapshot-cache';

/**
 * The dashboard's panel answers, remembered until the data changes (see SnapshotCache): panels
 * read rollups that change only with imports, refreshes and forecast runs, so between those a
 * view is computed once, however many people open it.
 */
@Injectable()
export class DashboardCacheService {
  private readonly cache: SnapshotCache<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) config: LarderConfig,
  ) {
    this.cache = new SnapshotCache(config.dashboard.cacheEntries);
  }

  get enabled(): boolean {
    return this.cache.maxEntries > 0;
  }

  async answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const [row] = await query<{ snapshot: string }>(this.dataSource, 'SELECT pg_current_snapshot()::text AS snapshot');
    return this.cache.answer({ snapshot: row.snapshot, key, compute }) as Promise<T>;
  }
}
