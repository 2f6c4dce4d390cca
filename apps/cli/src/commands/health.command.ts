import { Command } from 'commander';
import { DatabaseService } from '@larder/database';
import { withContext } from '../cli-context';
import { printResult } from '../output';

export function healthCommand(): Command {
  return new Command('health').option('--json', 'print one JSON object').action(async (options: { json?: boolean }) => {
    const health = await withContext([], (context) => context.get(DatabaseService).health());
    printResult(options, health, () => `database ${health.status} (${health.engine}), ${health.migrations.applied} migrations applied, ${health.latencyMs} ms`);
    if (health.status !== 'up') process.exitCode = 1;
  });
}
