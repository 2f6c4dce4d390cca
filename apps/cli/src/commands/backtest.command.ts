import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { decodeText, LarderError, sniffFileFormat } from '@larder/common';
import { chinaCalendar, isoDateProblem } from '@larder/domain';
import { calendarFromRows, createCalendar, formatBacktestTable, parseCalendarCsv, runBacktestCommand, ServiceCalendar } from '@larder/forecasting';
import { parseInteger, printResult } from '../output';
import { progressFor, withProgressOption } from '../progress/progress-reporter';

interface BacktestFlags {
  input: string;
  leadDays: number;
  testDays?: number;
  testFrom?: string;
  refitEvery: number;
  levels: number[];
  calendar: string;
  json?: boolean;
  progress?: boolean;
}

function parseLevels(value: string): number[] {
  const levels = value.split(',').map((part) => Number(part.trim()));
  if (levels.length === 0 || levels.some((level) => !(level > 0 && level < 1))) {
    throw new LarderError('VALIDATION_FAILED', `--levels must be fractions between 0 and 1 separated by commas, got ${JSON.stringify(value)}`);
  }
  return levels;
}

/**
 * A CSV's text: UTF-8, GBK as Chinese canteen systems often export, or UTF-16 as Excel saves
 * "Unicode Text" (the same rule as every import). A workbook or another binary file handed in as it is (recognised by the importer's rule
 * of @larder/common) would read as a header of garbage: say what to do instead.
 */
function readText(flag: string, path: string, cannotRead: (error: Error) => LarderError): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw cannotRead(error as Error);
  }
  const format = sniffFileFormat(bytes.subarray(0, 64 * 1024));
  if (format === 'xlsx' || format === 'xls') {
    throw new LarderError('UNSUPPORTED_FORMAT', `${flag} ${path} is an Excel workbook, not a CSV: save the sheet as CSV (UTF-8) and pass that file`);
  }
  if (format === null || format === 'arrow-file' || format === 'arrow-stream') {
    throw new LarderError('UNSUPPORTED_FORMAT', `${flag} ${path} is ${format === null ? 'binary data' : 'an Arrow IPC file'}, not a CSV: pass the history as a CSV text file`);
  }
  return decodeText(bytes);
}

function parseTestFrom(value: string): string {
  if (isoDateProblem(value) !== null) throw new Error(`--test-from must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

const HELP_AFTER = `
The history: one row per service day and series, a header, columns in any order:
  date      year first: 2026-03-05, 2026/3/5, 2026-03-05 00:00:00 (not 05.03.2026)
  canteen   meal   item (empty or * = covers, the diners of that meal)
  quantity  what was sold or served (0 or more; decimals with a point, 12.5;
            commas only between thousands, 1,234)
  planned   optional: what was planned; blank where unknown
  any other column: a numeric driver known ahead (staff on duty, price ...)
Absent dates are closed days. Comma, semicolon or tab separated; UTF-8, GBK or
UTF-16 with its BOM (Excel's "Unicode Text").

The table: WAPE = sum |error| / sum actual; MAE per day; MASE = MAE / the same-weekday
rule's MAE before the test; bias, over and under as shares of the actual total; pinball =
quantile loss at --levels, scaled like WAPE; cover80 = share of days inside p10..p90 (ties:
with ties spread, for counts); n = scored days (planned: only days with a plan;
the table says so when the rows differ); - = not defined (nothing sold). Baselines:
seasonal naive = same weekday last week; median of 4 = of the last four same weekdays;
planned = the planned column; system + plan = the system given it as a driver.
Production plans: leftover and shortfall had the kitchen made the system's quantile.
--json prints the same as one object (README, "Command line").`;

/** China's holidays and make-up working days as the forecasting calendar. */
function chinaServiceCalendar() {
  return createCalendar({ days: Object.fromEntries(chinaCalendar().map((day) => [day.date, day.kind])) });
}

/**
 * The calendar behind `--calendar`: `china` (China's holidays and make-up days), `none`, or a file
 * `date,kind[,name]` with kinds holiday, makeup_workday, closure, school_holiday and event — the
 * canteen's own calendar, for a canteen outside China or with its own shutdowns.
 */
export function backtestCalendar(value: string): ServiceCalendar | undefined {
  if (value === 'china') return chinaServiceCalendar();
  if (value === 'none') return undefined;
  const text = readText('--calendar', value, (error) => new LarderError('NOT_FOUND', `--calendar must be china, none or a calendar file (date,kind[,name]); cannot read ${value}: ${error.message}`));
  try {
    return calendarFromRows(parseCalendarCsv(text));
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `--calendar ${value}: ${(error as Error).message}`);
  }
}

export function backtestCommand(): Command {
  return withProgressOption(new Command('backtest'))
    .requiredOption('--input <file>', 'daily history CSV (see below); an empty item or * means covers')
    .option('--lead-days <L>', 'forecast each test day only from data at least L days older', parseInteger('--lead-days', { min: 1 }), 7)
    .option('--test-days <N>', 'score the last N service days of each series (default: 28)', parseInteger('--test-days', { min: 1 }))
    .option('--test-from <YYYY-MM-DD>', 'score every service day from this date on (instead of --test-days)', parseTestFrom)
    .option('--refit-every <D>', 're-estimate the models every D days', parseInteger('--refit-every', { min: 1 }), 7)
    .option('--levels <list>', 'production quantile levels to evaluate', parseLevels, [0.5, 0.8, 0.9])
    .option(
      '--calendar <china|none|FILE>',
      'holidays, closures and events used as features: china, none, or a file date,kind[,name] (kinds holiday, makeup_workday, closure, school_holiday, event); a canteen outside China wants none or its own file',
      'china',
    )
    .option('--json', 'print one JSON object')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: BacktestFlags) => {
      const calendar = backtestCalendar(flags.calendar);
      const text = readText('--input', flags.input, (error) => new LarderError('NOT_FOUND', `cannot read --input ${flags.input}: ${error.message}`));
      const result = await progressFor('backtest', flags).around((onProgress) =>
        runBacktestCommand(text, {
          leadDays: flags.leadDays,
          testDays: flags.testDays,
          testFrom: flags.testFrom,
          refitEvery: flags.refitEvery,
          levels: flags.levels,
          calendar,
          onProgress,
        }),
      );
      printResult(flags, result, () => formatBacktestTable(result));
    });
}
