import { Command } from 'commander';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { StepQueueService, StepWorkerService } from '@larder/jobs';
import { PipelineModule } from '@larder/pipeline';
import { withContext } from '../cli-context';
import { parseInteger } from '../output';

export function workerCommand(): Command {
  return new Command('worker')
    .option('--concurrency <n>', 'steps this process runs at a time (default: LARDER_WORKER_CONCURRENCY or 1)', parseInteger('--concurrency'))
    .action(async (flags: { concurrency?: number }) => {
      if (flags.concurrency !== undefined && (flags.concurrency < 1 || flags.concurrency > 32)) throw new Error(`--concurrency must be between 1 and 32, got ${flags.concurrency}`);
      const ending = await withContext([PipelineModule], async (context) => {
        if (!context.get(StepQueueService).enabled)
          throw new Error('workers take steps from the queue on a PostgreSQL server (set DATABASE_URL, and LARDER_JOB_QUEUE=auto); the embedded engine runs jobs in-process');
        const concurrency = flags.concurrency ?? context.get<LarderConfig>(LARDER_CONFIG).jobs.workerConcurrency;
        console.error(`larder worker ${process.pid}: taking job steps, ${concurrency} at a time; SIGTERM or Ctrl-C stops it`);
        return context.get(StepWorkerService).serveUntilSignal({
          concurrency,
          onAttempt: (event) =>
            console.error(
              `larder worker ${process.pid}: ${event.task.job} ${event.task.step} canteen ${event.task.canteenId} attempt ${event.attempt}: ${event.outcome} in ${event.ms} ms${event.error ? ` (${event.error})` : ''}`,
            ),
          onStopping: (held) =>
            console.error(`larder worker ${process.pid}: stopping${held ? `, finishing ${held} step${held > 1 ? 's' : ''} in hand (again to release ${held > 1 ? 'them' : 'it'})` : ''}`),
        });
      });
      console.error(`larder worker ${process.pid}: ${ending === 'released' ? 'stopped, steps in hand released to other workers' : 'stopped'}`);
      // Released steps may still be running here; they were handed back, so end without waiting for them.
      if (ending === 'released') process.exit(0);
    });
}
