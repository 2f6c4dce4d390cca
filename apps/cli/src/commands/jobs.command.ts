import { Command } from 'commander';
import { JobHistoryService, JobRunnerService, JobsModule } from '@larder/jobs';
import { withContext } from '../cli-context';
import { parseInteger, printResult } from '../output';

/** Running a job needs the nightly pipeline's steps registered; listing runs does not, so it loads only here. */
async function pipelineModule() {
  return (await import('@larder/pipeline')).PipelineModule;
}

export function jobsCommand(): Command {
  const jobs = new Command('jobs')
    .option('--limit <n>', 'how many runs', parseInteger('--limit'), 10)
    .option('--json', 'print one JSON object')
    .action(async (flags: { limit: number; json?: boolean }) => {
      const runs = await withContext([JobsModule], (context) => context.get(JobHistoryService).recent(flags.limit));
      printResult(flags, { runs }, () =>
        runs.length === 0
          ? 'no job has run yet'
          : runs
              .map((run) => `${run.startedAt.toISOString()}  ${run.name.padEnd(10)} ${run.status.padEnd(9)} ${run.trigger.padEnd(8)} ${run.steps.length} steps${run.error ? `  ${run.error}` : ''}`)
              .join('\n'),
      );
    });
  jobs
    .command('run <name>')
    .description('run a job now (for example: nightly)')
    .option('--json', 'print one JSON object')
    .action(async (name: string, flags: { json?: boolean }) => {
      const summary = await withContext([await pipelineModule()], (context) => context.get(JobRunnerService).runNow(name));
      printResult(flags, summary, () =>
        [
          `${summary.name}: ${summary.status}`,
          ...summary.steps.map(
            (step) =>
              `  ${step.name}${step.canteenId ? ` canteen ${step.canteenId}` : ''}: ${step.status} (${step.attempts} attempt${step.attempts > 1 ? 's' : ''})${step.error ? ` ${step.error}` : ''}`,
          ),
        ].join('\n'),
      );
      if (summary.status === 'failed') process.exitCode = 1;
    });
  return jobs;
}
