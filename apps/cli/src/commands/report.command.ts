import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { decodeText, LarderError } from '@larder/common';
import { MEAL_PERIODS } from '@larder/domain';
import { REPORT_KINDS, REPORT_LANGUAGES, ReportingModule, ReportKind, ReportLanguage, ReportService } from '@larder/reporting';
import { withContext } from '../cli-context';
import { printResult } from '../output';
import { progressFor, withProgressOption } from '../progress/progress-reporter';

interface ReportFlags {
  month?: string;
  week?: string;
  canteen?: string;
  meal?: string;
  dish?: string;
  lang: ReportLanguage;
  out: string;
  settlement?: string;
  payments?: boolean;
  json?: boolean;
  progress?: boolean;
}

function readSettlement(path: string): { name: string; text: string } {
  try {
    // UTF-8, or GBK as Chinese banks' exports often are: the same rule as every import.
    return { name: basename(path), text: decodeText(readFileSync(path)) };
  } catch (error) {
    throw new LarderError('NOT_FOUND', `cannot read --settlement ${path}: ${(error as Error).message}`);
  }
}

export function reportCommand(): Command {
  return withProgressOption(new Command('report'))
    .addArgument(new Command().createArgument('<kind>', 'which report').choices(REPORT_KINDS))
    .option('--month <YYYY-MM>', 'the month to report')
    .option('--week <YYYY-Www>', 'the ISO week to report (not for finance)')
    .option('--canteen <codes>', 'canteens by code (C01, or several as C01,C02); all canteens when left out')
    .addOption(new Option('--meal <meal>', 'one meal period; all meals when left out').choices(MEAL_PERIODS))
    .option('--dish <code>', 'accuracy: one dish by code (or id), its forecasts against its portions sold; covers and every dish when left out')
    .addOption(new Option('--lang <language>', 'language of the workbook').choices(REPORT_LANGUAGES).default('zh-CN'))
    .requiredOption('--out <file.xlsx>', 'where to write the workbook')
    .option('--settlement <file.csv>', 'finance: card or bank settlement file to reconcile (date, channel, amount in yuan)')
    .option('--payments', "finance: write the month's payments, one line each, for audit (the finance workbook leaves them out)")
    .option('--json', 'print one JSON object')
    .action(async (kind: ReportKind, flags: ReportFlags) => {
      if (!flags.out.toLowerCase().endsWith('.xlsx')) throw new LarderError('VALIDATION_FAILED', '--out must name an .xlsx file');
      const request = {
        kind,
        month: flags.month,
        week: flags.week,
        canteen: flags.canteen,
        meal: flags.meal,
        dish: flags.dish,
        language: flags.lang,
        requestedBy: 'cli',
        money: true,
        settlement: flags.settlement ? readSettlement(flags.settlement) : undefined,
        paymentsDetail: flags.payments === true,
      };
      const summary = await withContext([ReportingModule], (context) =>
        progressFor('report', flags).around((onProgress) => context.get(ReportService).writeFile({ ...request, onProgress }, resolve(flags.out))),
      );
      printResult(
        flags,
        summary,
        () =>
          `wrote ${summary.path} (${summary.kind} ${summary.period}, ${summary.language}, ${summary.bytes} bytes) in ${summary.seconds.toFixed(1)} s${summary.charts ? '' : ' — without charts (@resvg/resvg-js is not installed)'}`,
      );
    });
}
