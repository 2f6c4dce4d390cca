import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfigFromProcess } from '@larder/config';
import { DatabaseModule } from '@larder/database';
import { JobRegistry, JobsModule, StepWorkerService } from '@larder/jobs';

/** A test job whose one per-canteen step writes down every execution, by which process, and when it ended. */
export const PROBE_JOB = 'probe';
/** Long enough to kill a worker in the middle of a step, short enough for the test (the expiry there is 3 s). */
export const PROBE_STEP_MS = 1200;

export const PROBE_TABLE = `CREATE TABLE IF NOT EXISTS probe_execution (
  id serial PRIMARY KEY, canteen_id integer NOT NULL, pid integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz)`;

@Injectable()
class ProbeJob implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.define({ name: PROBE_JOB, description: 'records each execution (tests)' });
    this.registry.addStep(PROBE_JOB, {
      name: 'record',
      perCanteen: true,
      run: async ({ canteenId }) => {
        const [{ id }] = (await this.dataSource.query('INSERT INTO probe_execution (canteen_id, pid) VALUES ($1, $2) RETURNING id', [canteenId, process.pid])) as { id: number }[];
        await sleep(PROBE_STEP_MS);
        await this.dataSource.query('UPDATE probe_execution SET finished_at = clock_timestamp() WHERE id = $1', [id]);
        return { executions: 1 };
      },
    });
  }
}

@Module({ imports: [JobsModule], providers: [ProbeJob] })
export class ProbeJobModule {}

/** A worker process that knows the probe job: what `larder worker` does, with this module added. */
async function serveProbe(): Promise<void> {
  const config = loadConfigFromProcess({ LARDER_SCHEDULER: 'off' });
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ProbeJobModule] })
  class ProbeWorkerModule {}
  const context = await NestFactory.createApplicationContext(ProbeWorkerModule, { logger: ['error', 'warn'] });
  try {
    const worker = context.get(StepWorkerService);
    const ending = worker.serveUntilSignal({
      concurrency: 1,
      onAttempt: (event) => console.error(`probe worker ${process.pid}: canteen ${event.task.canteenId} attempt ${event.attempt} ${event.outcome}`),
    });
    console.error(`probe worker ${process.pid}: ready`);
    await ending;
  } finally {
    await context.close();
  }
}

if (require.main === module) {
  serveProbe().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
