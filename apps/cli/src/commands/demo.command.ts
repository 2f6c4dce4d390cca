import { Command } from 'commander';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { demoTotals, exportDemoEnterprise } from '@larder/demo-data';
import { addDays } from '@larder/domain';
import { withContext } from '../cli-context';
import { parseInteger, printResult } from '../output';
import { progressFor, withProgressOption } from '../progress/progress-reporter';

interface DemoFlags {
  canteens: number;
  employees: number;
  days: number;
  seed: number;
  endDate?: string;
  json?: boolean;
  progress?: boolean;
}

function withShapeOptions(command: Command): Command {
  return command
    .option('--canteens <n>', 'number of canteens', parseInteger('--canteens'), 4)
    .option('--employees <n>', 'employees of the enterprise', parseInteger('--employees'), 17500)
    .option('--days <n>', 'days of history', parseInteger('--days'), 548)
    .option('--seed <s>', 'generator seed: the same seed gives the same data', parseInteger('--seed'), 42)
    .option('--end-date <YYYY-MM-DD>', 'last day with sales (default: yesterday)')
    .option('--json', 'print one JSON object');
}

function generatorOptions(flags: DemoFlags) {
  const endDate = flags.endDate ?? addDays(new Date().toISOString().slice(0, 10), -1);
  return { seed: flags.seed, canteens: flags.canteens, employees: flags.employees, days: flags.days, endDate };
}

export function demoCommand(): Command {
  const demo = new Command('demo');
  withProgressOption(withShapeOptions(demo.command('seed').description('load the demo enterprise into the database')))
    .option('--replace', 'empty the demo tables first (otherwise the database must be empty)')
    .action(async (flags: DemoFlags & { replace?: boolean }) => {
      const summary = await withContext([IngestionModule], (context) =>
        progressFor('demo seed', flags).around((onProgress) => context.get(DemoSeedService).seed(generatorOptions(flags), { replace: flags.replace, onProgress })),
      );
      printResult(
        flags,
        summary,
        () =>
          `seeded ${Object.entries(summary.rows)
            .map(([table, count]) => `${count} ${table}`)
            .join(', ')} in ${summary.seconds.toFixed(1)} s`,
      );
    });
  withShapeOptions(demo.command('export').description("write the demo data as a card system's and a kitchen's export files"))
    .requiredOption('--out <dir>', 'folder to write the files into')
    .action(async (flags: DemoFlags & { out: string }) => {
      const manifest = await exportDemoEnterprise({ options: generatorOptions(flags), outDir: flags.out });
      printResult(flags, manifest, () => `wrote ${Object.keys(manifest.files).length} files to ${flags.out}`);
    });
  withShapeOptions(demo.command('totals').description('the totals the demo data adds up to, without writing anything')).action((flags: DemoFlags) => {
    const totals = demoTotals(generatorOptions(flags));
    printResult(flags, totals, () => JSON.stringify(totals, null, 2));
  });
  return demo;
}
