import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { LarderError } from '@larder/common';
import { yuanText } from '@larder/domain';
import { PlanningDataLoader, PlanService, PlanView, ProcurementModule, ReplayReport, ReplayService } from '@larder/procurement';
import { REPORT_LANGUAGES, ReportingModule, ReportLanguage, ReportService, ReportSummary } from '@larder/reporting';
import { withContext } from '../cli-context';
import { printResult } from '../output';
import { progressFor, withProgressOption } from '../progress/progress-reporter';

interface PlanFlags {
  week?: string;
  canteen?: string;
  serviceLevel?: number;
  replay?: boolean;
  from?: string;
  to?: string;
  forecaster: 'demand' | 'seasonal';
  out?: string;
  lang: ReportLanguage;
  json?: boolean;
  progress?: boolean;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function parseLevel(value: string): number {
  const level = Number(value);
  if (!(level > 0 && level < 1)) throw new LarderError('VALIDATION_FAILED', `--service-level must be a fraction between 0 and 1, got ${JSON.stringify(value)}`);
  return level;
}

function formatPlans(plans: PlanView[]): string {
  const out: string[] = [];
  for (const plan of plans) {
    const s = plan.summary;
    out.push(
      `canteen ${plan.canteenId} ${plan.week} v${plan.version} (${plan.status}, ${plan.forecastSource}${plan.serviceLevel === null ? '' : `, service level ${plan.serviceLevel}`}) plan ${plan.id}`,
      `  covers ${s.covers}, portions ${s.plannedPortions}; expected leftover ${s.expectedLeftoverPortions.toFixed(0)} portions (${s.expectedLeftoverKg.toFixed(1)} kg, ${yuanText(s.expectedLeftoverFen)}), ` +
        `expected shortfall ${s.expectedShortfallPortions.toFixed(0)} portions`,
      `  food cost ${yuanText(s.foodCostFen)} (${yuanText(s.costPerMealFen)} per meal); purchase orders ${s.orders} for ${yuanText(s.purchaseCostFen)} (rounding surplus ${yuanText(s.roundingSurplusFen)})`,
    );
    for (const order of plan.orders)
      out.push(`    order by ${order.orderDate}, delivery ${order.deliveryDate}: supplier ${order.supplierId}, ${order.lines.length} line(s), ${yuanText(order.totalFen)}`);
    for (const note of plan.notes) out.push(`  note: ${note}`);
  }
  return out.join('\n');
}

function formatReplay(report: ReplayReport): string {
  const row = (name: string, figures: ReplayReport['system']) =>
    `${name.padEnd(9)} leftover ${percent(figures.leftoverPct).padStart(7)}  shortfall ${percent(figures.shortfallPct).padStart(7)}  cost ¥${figures.purchaseCost.toFixed(2)}`;
  return [
    `replay ${report.from}..${report.to} (${report.forecaster} forecasts): ${new Set(report.weeks.map((week) => week.week)).size} weeks, demand ${report.demand.estimated.toFixed(0)} portions (sold ${report.demand.sold}; ${percent(report.demand.censoredShare)} of dish-meals sold out)`,
    row('system', report.system),
    row('recorded', report.recorded),
    `system at one level for all dishes: ${report.atRecordedShortfall.level} runs as short as recorded with leftover ${percent(report.atRecordedShortfall.leftoverPct)}; ` +
      `${report.atRecordedLeftover.level} leaves as much over as recorded with shortfall ${percent(report.atRecordedLeftover.shortfallPct)}`,
    `per meal and choice group (full substitution): system leftover ${percent(report.pooled.system.leftoverPct)}, shortfall ${percent(report.pooled.system.shortfallPct)}; ` +
      `recorded leftover ${percent(report.pooled.recorded.leftoverPct)}, shortfall ${percent(report.pooled.recorded.shortfallPct)}`,
    `against sales only (lower bound): system shortfall ${percent(report.lowerBound.systemShortfallPct)}, leftover ${percent(report.lowerBound.systemLeftoverPctOfSold)} vs recorded ${percent(report.lowerBound.recordedLeftoverPctOfSold)}`,
    ...report.method.map((line) => `  ${line}`),
  ].join('\n');
}

export function planCommand(): Command {
  return withProgressOption(new Command('plan'))
    .option('--week <YYYY-Www>', 'ISO week to plan, e.g. 2026-W48 (each canteen gets a new draft version)')
    .option('--canteen <code>', 'only this canteen (code or id)')
    .option('--service-level <level>', "the manager's service level for every dish (default: each dish's newsvendor level)", parseLevel)
    .option('--replay', 'plan every past week in --from..--to from the data before it and compare with the records')
    .option('--from <YYYY-MM-DD>', 'first day of the replay')
    .option('--to <YYYY-MM-DD>', 'last day of the replay')
    .addOption(new Option('--forecaster <name>', 'replay: forecasts from the demand engine as of each week, or the seasonal fallback only').choices(['demand', 'seasonal']).default('demand'))
    .option('--out <file.xlsx>', 'also write the purchase-plan workbook of the plans just made (their orders by supplier) to this file')
    .addOption(new Option('--lang <language>', 'language of the --out workbook').choices(REPORT_LANGUAGES).default('zh-CN'))
    .option('--json', 'print one JSON object')
    .action(async (flags: PlanFlags) => {
      if (flags.out !== undefined && flags.replay) throw new LarderError('VALIDATION_FAILED', "--out writes a planned week's workbook; it does not go with --replay");
      if (flags.out !== undefined && !flags.out.toLowerCase().endsWith('.xlsx')) throw new LarderError('VALIDATION_FAILED', '--out must name an .xlsx file');
      if (flags.replay) {
        if (!flags.from || !flags.to) throw new LarderError('VALIDATION_FAILED', '--replay needs --from and --to');
        const report = await withContext([ProcurementModule, ReportingModule], async (context) => {
          const canteenIds = flags.canteen === undefined ? undefined : [await context.get(PlanningDataLoader).resolveCanteen(flags.canteen)];
          const policy = flags.serviceLevel === undefined ? undefined : { serviceLevel: flags.serviceLevel };
          return progressFor('replay', flags).around((onProgress) =>
            context.get(ReplayService).replay({ from: flags.from!, to: flags.to!, canteenIds, policy, forecaster: flags.forecaster, onProgress }),
          );
        });
        printResult(flags, report, () => formatReplay(report));
        return;
      }
      if (!flags.week) throw new LarderError('VALIDATION_FAILED', 'give --week YYYY-Www to plan, or --replay --from --to');
      const { plans, workbook } = await withContext([ProcurementModule, ReportingModule], async (context) => {
        const loader = context.get(PlanningDataLoader);
        const canteenIds = flags.canteen === undefined ? await loader.canteenIds() : [await loader.resolveCanteen(flags.canteen)];
        const made: PlanView[] = [];
        // One after another, each plan its own transaction, so the output lists them in canteen order.
        await progressFor('plan', flags).around(async (onProgress) => {
          for (const [index, canteenId] of canteenIds.entries()) {
            onProgress({ step: 'canteens planned', done: index, total: canteenIds.length });
            made.push(await context.get(PlanService).createPlan({ canteenId, week: flags.week!, serviceLevel: flags.serviceLevel, createdBy: 'cli' }));
          }
          onProgress({ step: 'canteens planned', done: canteenIds.length, total: canteenIds.length });
        });
        const written: ReportSummary | undefined =
          flags.out === undefined
            ? undefined
            : await context
                .get(ReportService)
                .writeFile({ kind: 'purchase-plan', week: flags.week, canteen: flags.canteen, language: flags.lang, planIds: made.map((plan) => plan.id) }, resolve(flags.out));
        return { plans: made, workbook: written };
      });
      printResult(flags, { week: flags.week, plans, workbook }, () =>
        [formatPlans(plans), ...(workbook ? [`wrote ${workbook.path} (purchase plan ${workbook.period}, ${workbook.language}, ${workbook.bytes} bytes)`] : [])].join('\n'),
      );
    });
}
