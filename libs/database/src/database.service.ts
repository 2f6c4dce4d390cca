import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseEngine, LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from './query/typed-query';

export interface DatabaseHealth {
  status: 'up' | 'down';
  engine: DatabaseEngine;
  migrations: { applied: number; pending: number };
  latencyMs: number;
  error?: string;
}

@Injectable()
export class DatabaseService {
  private readonly logger = new Logger(DatabaseService.name);

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) this.logger.log(`applied migration ${migration.name}`);
    return applied.map((migration) => migration.name);
  }

  async health(): Promise<DatabaseHealth> {
    const started = performance.now();
    const engine = this.config.database.engine;
    try {
      await this.dataSource.query('SELECT 1');
      const [{ n: applied }] = await query<{ n: number }>(this.dataSource, 'SELECT count(*)::int AS n FROM migrations');
      const total = this.dataSource.migrations.length;
      return { status: 'up', engine, migrations: { applied, pending: total - applied }, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', engine, migrations: { applied: 0, pending: this.dataSource.migrations.length }, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
    }
  }
}
