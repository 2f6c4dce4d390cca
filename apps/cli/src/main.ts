import { Command, CommanderError } from 'commander';
import { ConfigError } from '@larder/config';
import { LarderError } from '@larder/common';
import { isConnectionLost } from '@larder/database';
import { tokensCommand, usersCommand } from './commands/access.command';
import { backtestCommand } from './commands/backtest.command';
import { demoCommand } from './commands/demo.command';
import { forecastCommand } from './commands/forecast.command';
import { healthCommand } from './commands/health.command';
import { importCommand } from './commands/import.command';
import { jobsCommand } from './commands/jobs.command';
import { migrateCommand } from './commands/migrate.command';
import { planCommand } from './commands/plan.command';
import { reportCommand } from './commands/report.command';
import { workerCommand } from './commands/worker.command';

export function buildProgram(): Command {
  return new Command('larder')
    .description('Larder: canteen analytics and purchase planning')
    .showHelpAfterError()
    // options after a subcommand belong to it: `import pull --json`, `jobs run nightly --json`
    .enablePositionalOptions()
    .addCommand(migrateCommand())
    .addCommand(healthCommand())
    .addCommand(demoCommand())
    .addCommand(backtestCommand())
    .addCommand(forecastCommand())
    .addCommand(importCommand())
    .addCommand(jobsCommand())
    .addCommand(usersCommand())
    .addCommand(tokensCommand())
    .addCommand(planCommand())
    .addCommand(reportCommand())
    .addCommand(workerCommand());
}

async function main(): Promise<void> {
  await buildProgram().parseAsync(process.argv);
}

main().catch((error: Error) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (isConnectionLost(error)) {
    console.error(`larder: the connection to the database was lost mid-way (${error.message}); work inside a transaction (an import, a plan) was rolled back — check the database and run the command again`);
    process.exit(1);
  }
  // Every failure reads as one line naming what is wrong; unexpected ones keep their stack for a bug report.
  const expected = error instanceof ConfigError || error instanceof LarderError || !(error instanceof TypeError || error instanceof ReferenceError);
  console.error(expected ? `larder: ${error.message}` : (error.stack ?? error.message));
  process.exit(1);
});
