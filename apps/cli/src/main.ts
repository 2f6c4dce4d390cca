import { CommanderError } from 'commander';
import { buildProgram } from './command-list';

/** Every failure reads as one line naming what is wrong; unexpected ones keep their stack for a bug report. */
async function report(error: Error): Promise<never> {
  // Commander reports its own parsing errors and exits; one that reaches here was thrown by a command's action.
  if (error instanceof CommanderError) {
    console.error(`larder: ${error.message.replace(/^error: /, '')}`);
    process.exit(error.exitCode);
  }
  const [{ ConfigError }, { LarderError }, { isConnectionLost }] = await Promise.all([import('@larder/config'), import('@larder/common'), import('@larder/database')]);
  if (isConnectionLost(error)) {
    console.error(
      `larder: the connection to the database was lost mid-way (${error.message}); work inside a transaction (an import, a plan) was rolled back — check the database and run the command again`,
    );
    process.exit(1);
  }
  const expected = error instanceof ConfigError || error instanceof LarderError || !(error instanceof TypeError || error instanceof ReferenceError);
  console.error(expected ? `larder: ${error.message}` : (error.stack ?? error.message));
  process.exit(1);
}

async function main(): Promise<void> {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
}

main().catch(report);
