import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { LarderError } from '@larder/common';
import { chinaCalendar, parseIsoDate } from '@larder/domain';
import { createCalendar, formatBacktestTable, runBacktestCommand } from '@larder/forecasting';
import { parseInteger, printResult } from '../output';

interface BacktestFlags {
  input: string;
  leadDays: number;
  testDays?: number;
  testFrom?: string;
  refitEvery: number;
  levels: number[];
  calendar: 'china' | 'none';
  json?: boolean;
}

function parseLevels(value: string): number[] {
  const levels = value.split(',').map((part) => Number(part.trim()));
  if (levels.length === 0 || levels.some((level) => !(level > 0 && level < 1))) {
    throw new LarderError('VALIDATION_FAILED', `--levels must be fractions between 0 and 1 separated by commas, got ${JSON.stringify(value)}`);
  }
  return levels;
}

/** China's holidays and make-up working days as the forecasting calendar. */
function chinaServiceCalendar() {
  return createCalendar({ days: Object.fromEntries(chinaCalendar().map((day) => [day.date, day.kind])) });
}

export function backtestCommand(): Command {
  return new Command('backtest')
    .description('backtest the forecasts on a daily history CSV (date,canteen,meal,item,quantity[,planned][,drivers…]) against the planners\' rules')
    .requiredOption('--input <file>', 'daily history CSV; an empty item or * means covers')
    .option('--lead-days <L>', 'forecast each test day only from data at least L days older', parseInteger('--lead-days'), 7)
    .option('--test-days <N>', 'score the last N service days of each series', parseInteger('--test-days'))
    .option('--test-from <YYYY-MM-DD>', 'score every service day from this date on')
    .option('--refit-every <D>', 're-estimate the models every D days', parseInteger('--refit-every'), 7)
    .option('--levels <list>', 'production quantile levels to evaluate', parseLevels, [0.5, 0.8, 0.9])
    .addOption(new Option('--calendar <name>', "public holidays used as features").choices(['china', 'none']).default('china'))
    .option('--json', 'print one JSON object')
    .action((flags: BacktestFlags) => {
      if (flags.testFrom !== undefined) parseIsoDate(flags.testFrom);
      let text: string;
      try {
        text = readFileSync(flags.input, 'utf8');
      } catch (error) {
        throw new LarderError('NOT_FOUND', `cannot read --input ${flags.input}: ${(error as Error).message}`);
      }
      const result = runBacktestCommand(text, {
        leadDays: flags.leadDays,
        testDays: flags.testDays,
        testFrom: flags.testFrom,
        refitEvery: flags.refitEvery,
        levels: flags.levels,
        calendar: flags.calendar === 'china' ? chinaServiceCalendar() : undefined,
      });
      printResult(flags, result, () => formatBacktestTable(result));
    });
}
