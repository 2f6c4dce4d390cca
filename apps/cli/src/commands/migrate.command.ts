import { Command } from 'commander';
import { DatabaseService } from '@larder/database';
import { withContext } from '../cli-context';
import { printResult } from '../output';

export function migrateCommand(): Command {
  return new Command('migrate').option('--json', 'print one JSON object').action(async (options: { json?: boolean }) => {
    const applied = await withContext([], (context) => context.get(DatabaseService).migrate());
    printResult(options, { applied }, () => (applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date'));
  });
}
