import { parse } from 'csv-parse/sync';
import type { FinanceReconciliation } from '@larder/analytics';
import { LarderError } from '@larder/common';
import { PAYMENT_CHANNELS } from '@larder/domain';
import { codeName } from '../layout/labels';

/** One line of the card or bank settlement file: a day, a channel, an amount in yuan. */
export interface SettlementLine {
  line: number;
  date: string;
  channel: string;
  amountFen: number;
}

export interface SettlementFile {
  name: string;
  lines: SettlementLine[];
  rejected: { line: number; reason: string }[];
}

export interface DayChannelAmount {
  date: string;
  channel: string;
  amountFen: number;
}

export interface Mismatch {
  date: string;
  channel: string;
  settlementFen: number | null;
  larderFen: number | null;
  status: 'differs' | 'only_settlement' | 'only_larder';
}

export interface Reconciliation {
  fileName: string;
  settlementLines: number;
  /** Lines of the file that could not be read (a bad date, channel or amount, or no header): the file is not wholly compared. */
  unreadable: number;
  rejected: { line: number; reason: string }[];
  settlementFen: number;
  larderFen: number;
  pairs: number;
  /** The days compared: each with a settlement or a Larder total. */
  days: string[];
  agree: number;
  mismatches: Mismatch[];
}

const HEADERS: Record<string, 'date' | 'channel' | 'amount'> = {
  date: 'date',
  日期: 'date',
  清算日期: 'date',
  channel: 'channel',
  渠道: 'channel',
  支付渠道: 'channel',
  amount: 'amount',
  金额: 'amount',
};

/** Channel codes and the names reports print for them, in both languages. */
function channelCode(value: string): string | null {
  const wanted = value.trim().toLowerCase();
  for (const code of PAYMENT_CHANNELS) {
    if (wanted === code || wanted === codeName('en', code).toLowerCase() || wanted === codeName('zh-CN', code)) return code;
  }
  return null;
}

function amountFen(value: string): number | null {
  const cleaned = value.replace(/[¥,\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return cleaned.startsWith('-') ? -fen : fen;
}

/** Reads a settlement CSV (date, channel, amount, with a header row); lines it cannot read are listed, not guessed. */
export function parseSettlementCsv(text: string, name: string): SettlementFile {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new LarderError('UNSUPPORTED_FORMAT', `settlement file ${name} is not a readable CSV: ${(error as Error).message}`);
  }
  const header = (rows[0] ?? []).map((cell) => HEADERS[cell.trim().toLowerCase()] ?? HEADERS[cell.trim()]);
  const at = (field: 'date' | 'channel' | 'amount') => header.indexOf(field);
  if (at('date') < 0 || at('channel') < 0 || at('amount') < 0) {
    return { name, lines: [], rejected: [{ line: 1, reason: 'the header must name the columns date, channel and amount' }] };
  }
  const lines: SettlementLine[] = [];
  const rejected: { line: number; reason: string }[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const date = (row[at('date')] ?? '').trim().replace(/\//g, '-');
    const channel = channelCode(row[at('channel')] ?? '');
    const fen = amountFen(row[at('amount')] ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) rejected.push({ line, reason: 'date is not YYYY-MM-DD' });
    else if (channel === null) rejected.push({ line, reason: `unknown channel (expected one of ${PAYMENT_CHANNELS.join(', ')})` });
    else if (fen === null) rejected.push({ line, reason: 'amount is not a number of yuan' });
    else lines.push({ line, date, channel, amountFen: fen });
  });
  return { name, lines, rejected };
}

/** Compares day × channel totals of the settlement file with the canteens' payments; lists every pair that differs. */
export function reconcile(input: { file: SettlementFile; larder: DayChannelAmount[]; from: string; to: string }): Reconciliation {
  const key = (date: string, channel: string) => `${date}|${channel}`;
  const settlement = new Map<string, number>();
  const rejected = [...input.file.rejected];
  for (const line of input.file.lines) {
    if (line.date < input.from || line.date > input.to) {
      rejected.push({ line: line.line, reason: `date ${line.date} is outside ${input.from} to ${input.to}` });
      continue;
    }
    settlement.set(key(line.date, line.channel), (settlement.get(key(line.date, line.channel)) ?? 0) + line.amountFen);
  }
  const larder = new Map<string, number>();
  for (const row of input.larder) larder.set(key(row.date, row.channel), (larder.get(key(row.date, row.channel)) ?? 0) + row.amountFen);
  const keys = [...new Set([...settlement.keys(), ...larder.keys()])].sort();
  const mismatches: Mismatch[] = [];
  for (const pair of keys) {
    const [date, channel] = pair.split('|');
    const s = settlement.get(pair);
    const l = larder.get(pair);
    if (s !== undefined && l !== undefined && s === l) continue;
    if (s === undefined && l === 0) continue;
    mismatches.push({ date, channel, settlementFen: s ?? null, larderFen: l ?? null, status: s === undefined ? 'only_larder' : l === undefined ? 'only_settlement' : 'differs' });
  }
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  return {
    fileName: input.file.name,
    settlementLines: input.file.lines.length,
    unreadable: input.file.rejected.length,
    rejected: rejected.sort((a, b) => a.line - b.line),
    settlementFen: sum(settlement.values()),
    larderFen: sum(larder.values()),
    pairs: keys.length,
    days: [...new Set(keys.map((pair) => pair.split('|')[0]))],
    agree: keys.length - mismatches.length,
    mismatches,
  };
}

/** The reconciliation as the finance page shows it: matched, mismatched or incomplete, days checked and differing, the difference. */
export function reconciliationAnswer(result: Reconciliation & { canteenOnly: boolean }, month: string): FinanceReconciliation {
  const days = (pairs: readonly { date: string }[]) => new Set(pairs.map((pair) => pair.date)).size;
  return {
    month,
    fileName: result.fileName,
    canteenOnly: result.canteenOnly,
    // Unread lines may hide a difference: without one found, the month is incomplete, not matched.
    status: result.mismatches.length > 0 ? 'mismatched' : result.unreadable > 0 ? 'incomplete' : 'matched',
    checkedDays: result.days.length,
    mismatchedDays: days(result.mismatches),
    settlementFen: result.settlementFen,
    larderFen: result.larderFen,
    differenceFen: result.settlementFen - result.larderFen,
    mismatches: result.mismatches,
    rejected: result.rejected,
  };
}
