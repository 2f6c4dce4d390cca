import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { LarderError } from '@larder/common';
import { DemandHistoryService } from '@larder/demand';
import { parseIsoDate, yuanText, yuanToFen } from '@larder/domain';
import { MAX_PROPOSAL_WEEKS, MenuDecision, MenuProposalService, MenuProposalView, PlanningDataLoader, ProcurementModule, SlotFigures } from '@larder/procurement';
import { MenuProposalWorkbookService, REPORT_LANGUAGES, ReportingModule } from '@larder/reporting';
import { withContext } from '../cli-context';
import { parseInteger, printResult } from '../output';

type Language = 'zh-CN' | 'en';

interface ProposeFlags {
  canteen?: string;
  from: string;
  weeks: number;
  repeatGap?: number;
  maxCostPerCover?: number;
  pin: number[];
  ban: number[];
  lang: Language;
  out?: string;
  json?: boolean;
}

interface ExportFlags {
  proposal: string;
  out: string;
  lang: Language;
  json?: boolean;
}

interface DecideFlags {
  dish?: number;
  reason?: string;
  json?: boolean;
}

function figures(label: string, value: SlotFigures): string {
  return `${label.padEnd(9)} covers ${value.covers.toFixed(0).padStart(7)}  waste ${value.wasteKgPerCover.toFixed(3)} kg/cover  food cost ${yuanText(value.costFenPerCover)}/cover  satisfaction ${value.satisfaction.toFixed(2)} ★`;
}

function formatProposal(proposal: MenuProposalView, code: string, lang: Language): string {
  const out = [`canteen ${code} ${proposal.from}..${proposal.to}: ${proposal.changes.length} change(s), proposal ${proposal.id}`];
  for (const change of proposal.changes) {
    const text = lang === 'en' ? change.explanation.en : change.explanation.zh;
    const effect =
      `waste ${change.before.wasteKgPerCover.toFixed(3)}→${change.after.wasteKgPerCover.toFixed(3)} kg/cover, ` +
      `cost ${yuanText(change.before.costFenPerCover)}→${yuanText(change.after.costFenPerCover)}, ${change.before.satisfaction.toFixed(2)}→${change.after.satisfaction.toFixed(2)} ★`;
    out.push(`  #${String(change.seq).padEnd(3)} ${change.date} ${change.meal.padEnd(9)} ${text}`, `        ${effect}`);
  }
  for (const issue of proposal.issues) {
    const what = issue.category ?? (issue.dishId !== undefined ? `dish ${issue.dishId}` : '');
    out.push(`  ! ${issue.date} ${issue.meal}: ${issue.reason} ${what}`.trimEnd());
  }
  out.push(`  ${figures('current', proposal.totals.current)}`, `  ${figures('proposed', proposal.totals.proposed)}`);
  const { current, proposed } = proposal.whatIf;
  out.push(
    `  subsidy   ${yuanText(current.subsidyFenPerCover)}/cover, ${yuanText(current.subsidyFen)} in the cycle; food cost ${yuanText(current.costFen)} now, ${yuanText(proposed.costFen)} proposed`,
  );
  return out.join('\n');
}

function xlsxPath(value: string): string {
  if (!value.toLowerCase().endsWith('.xlsx')) throw new Error(`--out must name an .xlsx file, got ${JSON.stringify(value)}`);
  return value;
}

function parseDate(value: string): string {
  try {
    return parseIsoDate(value);
  } catch {
    throw new Error(`--from must be a date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  }
}

function parseIds(value: string, previous: number[]): number[] {
  const ids = value.split(',').map((part) => part.trim());
  if (ids.some((id) => !/^\d+$/.test(id))) throw new Error(`dish ids must be whole numbers separated by commas, got ${JSON.stringify(value)}`);
  return [...previous, ...ids.map(Number)];
}

function parseYuan(value: string): number {
  const amount = Number(value);
  if (!(amount >= 0 && amount <= 1000)) throw new Error(`--max-cost-per-cover must be yuan from 0 to 1000, got ${JSON.stringify(value)}`);
  return amount;
}

export function menuCommand(): Command {
  const menu = new Command('menu');
  menu
    .command('propose')
    .description('propose the next menu cycle of a canteen (every canteen without --canteen): each change explained, with predicted waste, cost and satisfaction')
    .option('--canteen <code>', 'only this canteen (code or id)')
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the cycle', parseDate)
    .option('--weeks <n>', `weeks of the cycle, 1 to ${MAX_PROPOSAL_WEEKS}`, parseInteger('--weeks'), 2)
    .option('--repeat-gap <days>', 'a dish comes back only after this many days (default 2)', parseInteger('--repeat-gap'))
    .option('--max-cost-per-cover <yuan>', 'food cost per cover the subsidy budget allows (default: no dearer than the dearest current day of each meal)', parseYuan)
    .option('--pin <ids>', 'dish ids that stay where the current menu has them (comma-separated, repeatable)', parseIds, [])
    .option('--ban <ids>', 'dish ids never proposed (comma-separated, repeatable)', parseIds, [])
    .addOption(new Option('--lang <language>', 'language of the explanations and of the --out workbook').choices(['zh-CN', 'en']).default('en'))
    .option('--out <file.xlsx>', 'with --canteen: also write the proposal workbook (summary with the what-if and subsidy, changes, menu) to this file', xlsxPath)
    .option('--json', 'print one JSON object')
    .action(async (flags: ProposeFlags) => {
      if (flags.out !== undefined && flags.canteen === undefined) throw new LarderError('VALIDATION_FAILED', "--out writes one proposal's workbook: name the canteen with --canteen");
      const proposals = await withContext([ProcurementModule, ReportingModule], async (context) => {
        const loader = context.get(PlanningDataLoader);
        const canteenIds = flags.canteen === undefined ? await loader.canteenIds() : [await loader.resolveCanteen(flags.canteen)];
        const canteens = await context.get(DemandHistoryService).canteens(canteenIds);
        const made: Array<{ code: string; proposal: MenuProposalView }> = [];
        for (const { id: canteenId, code } of canteens) {
          const proposal = await context.get(MenuProposalService).propose({
            canteenId,
            from: flags.from,
            weeks: flags.weeks,
            repeatGapDays: flags.repeatGap,
            maxCostPerCoverFen: flags.maxCostPerCover === undefined ? undefined : yuanToFen(flags.maxCostPerCover),
            pinned: flags.pin,
            banned: flags.ban,
            createdBy: 'cli',
          });
          made.push({ code, proposal });
        }
        const written =
          flags.out === undefined
            ? undefined
            : await context.get(MenuProposalWorkbookService).writeFile({ proposalId: made[0].proposal.id, language: flags.lang, path: resolve(flags.out), requestedBy: 'cli' });
        return { made, written };
      });
      printResult(flags, { proposals: proposals.made.map((entry) => entry.proposal), workbook: proposals.written }, () =>
        [
          ...proposals.made.map((entry) => formatProposal(entry.proposal, entry.code, flags.lang)),
          ...(proposals.written ? [`wrote ${proposals.written.path} (${proposals.written.language}, ${proposals.written.bytes} bytes)`] : []),
        ].join('\n\n'),
      );
    });
  menu
    .command('export')
    .description('write a menu proposal as a workbook: summary with the what-if and subsidy, the changes with their status, the menu per day × meal')
    .requiredOption('--proposal <id>', 'the proposal (its id, as menu propose prints it)')
    .requiredOption('--out <file.xlsx>', 'where to write the workbook', xlsxPath)
    .addOption(new Option('--lang <language>', 'language of the workbook').choices(REPORT_LANGUAGES).default('zh-CN'))
    .option('--json', 'print one JSON object')
    .action(async (flags: ExportFlags) => {
      const written = await withContext([ReportingModule], (context) =>
        context.get(MenuProposalWorkbookService).writeFile({ proposalId: flags.proposal, language: flags.lang, path: resolve(flags.out), requestedBy: 'cli' }),
      );
      printResult(flags, written, () => `wrote ${written.path} (${written.language}, ${written.bytes} bytes)`);
    });
  menu
    .command('decide <proposal> <change> <decision>')
    .description('accept, reject or edit one change of a proposal; accepted and edited changes go into the menu the plans use')
    .option('--dish <id>', 'with edit: the dish to serve instead', parseInteger('--dish'))
    .option('--reason <text>', 'why, for the audit log')
    .option('--json', 'print one JSON object')
    .action(async (proposalId: string, seq: string, decision: string, flags: DecideFlags) => {
      if (!['accept', 'reject', 'edit'].includes(decision)) throw new LarderError('VALIDATION_FAILED', `decision must be accept, reject or edit, got ${JSON.stringify(decision)}`);
      if (!/^\d+$/.test(seq)) throw new LarderError('VALIDATION_FAILED', `the change is its number in the proposal, got ${JSON.stringify(seq)}`);
      const change = await withContext([ProcurementModule], (context) =>
        context.get(MenuProposalService).decide({
          proposalId,
          seq: Number(seq),
          decision: decision as MenuDecision,
          dishId: flags.dish,
          reason: flags.reason,
          decidedBy: 'cli',
        }),
      );
      printResult(flags, change, () => `change #${change.seq} ${change.date} ${change.meal}: ${change.status}${change.toDishId === null ? '' : `, dish ${change.toDishId}`}`);
    });
  return menu;
}
