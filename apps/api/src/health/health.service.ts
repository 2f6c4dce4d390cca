import { Injectable } from '@nestjs/common';
import { DatabaseHealth, DatabaseService } from '@larder/database';
import { DemoSeedState } from '@larder/ingestion';
import { FirstStartService, FirstStartState } from '@larder/pipeline';

export interface HealthReport {
  status: 'ok' | 'starting' | 'down';
  database: DatabaseHealth;
  demo: DemoSeedState;
  /** The first start's phases: seeding, the first forecasts and drafts, the forecast history. */
  start: Omit<FirstStartState, 'demo'>;
  uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly firstStart: FirstStartService,
  ) {}

  async report(): Promise<HealthReport> {
    const database = await this.database.health();
    const { demo, ...start } = this.firstStart.state();
    // Ready once the demo has its forecasts and drafts; the history of past weeks follows while people work.
    const preparing = demo.status === 'seeding' || start.phase === 'seeding' || start.phase === 'forecasting';
    const status = database.status === 'down' ? 'down' : database.migrations.pending > 0 || preparing ? 'starting' : 'ok';
    return { status, database, demo, start, uptimeSeconds: Math.round(process.uptime()) };
  }
}
