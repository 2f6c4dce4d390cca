import { Injectable } from '@nestjs/common';
import { DatabaseHealth, DatabaseService } from '@larder/database';
import { DemoSeedService, DemoSeedState } from '@larder/ingestion';

export interface HealthReport {
  status: 'ok' | 'starting' | 'down';
  database: DatabaseHealth;
  demo: DemoSeedState;
  uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly demoSeed: DemoSeedService,
  ) {}

  async report(): Promise<HealthReport> {
    const database = await this.database.health();
    const demo = this.demoSeed.state();
    const status = database.status === 'down' ? 'down' : database.migrations.pending > 0 || demo.status === 'seeding' ? 'starting' : 'ok';
    return { status, database, demo, uptimeSeconds: Math.round(process.uptime()) };
  }
}
