import { MEAL_PERIODS, MealPeriod, PAYMENT_CHANNELS, PaymentChannel, TRANSACTION_KINDS, TransactionKind, addDays } from '@larder/domain';
import type { SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';
import { CHANNEL_SYNONYMS, MEAL_SYNONYMS, TRANSACTION_KIND_SYNONYMS } from './code-synonyms';
import { parseDate, parseDateTime, parseInteger, parseMoney } from './field-values';
import { isWithin, MealWindow } from './reference-data';
import { RowReader } from './row-reader';
import { MapContext, refuseFuture } from './table-rows';

export interface SaleLineDraft {
  lineNo: number | null;
  dishId: number;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  subsidyFen: number;
  /** What the diner paid for this line, when the file says. */
  paidFen: number | null;
}

/** One record of a transaction file, read and checked on its own. */
export interface TransactionRecord {
  line: number;
  canteenId: number;
  source: string;
  externalId: string;
  terminal: string;
  dinerPseudonym: string;
  occurredAt: Date;
  serviceDate: string;
  meal: MealPeriod;
  kind: TransactionKind | null;
  channel: PaymentChannel;
  refundOfExternalId: string | null;
  amountPaidFen: number | null;
  subsidyFen: number | null;
  saleLine: SaleLineDraft | null;
  /** Accepted, but worth a look: a sale outside the canteen's meal times. */
  flag: { field: string; reason: string } | null;
}

const MEAL = { allowed: MEAL_PERIODS, synonyms: MEAL_SYNONYMS, what: ['餐别', 'meal'] as [string, string] };
const KIND = { allowed: TRANSACTION_KINDS, synonyms: TRANSACTION_KIND_SYNONYMS, what: ['交易类型', 'transaction kind'] as [string, string] };
const CHANNEL = { allowed: PAYMENT_CHANNELS, synonyms: CHANNEL_SYNONYMS, what: ['支付方式', 'payment channel'] as [string, string] };
const CANTEEN_WHAT: [string, string] = ['食堂', 'canteen'];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function distance(window: MealWindow, minute: number): number {
  const gap = (a: number, b: number) => Math.min(Math.abs(a - b), 1440 - Math.abs(a - b));
  return Math.min(gap(window.starts, minute), gap(window.ends, minute));
}

export function mapTransactionRecord(r: RowReader, context: MapContext): TransactionRecord {
  const { refs } = context;
  const canteen = r.ref('canteen', { in: refs.canteens, what: CANTEEN_WHAT });
  const externalId = r.text('externalId');
  const occurred = r.required('occurredAt', (value) => parseDateTime(value, canteen.timezone));
  const windows = refs.mealPeriods.get(canteen.id) ?? {};
  const money = (field: string) => r.optional(field, (value) => parseMoney(value, context.amountUnit));

  let meal = r.optionalCode('meal', MEAL);
  let flag: TransactionRecord['flag'] = null;
  if (meal === null) {
    const ranked = (Object.entries(windows) as [MealPeriod, MealWindow][]).sort((a, b) => distance(a[1], occurred.localMinutes) - distance(b[1], occurred.localMinutes));
    if (ranked.length === 0) r.fail('occurredAt', '无法判断餐别：文件没有餐别列，该食堂也没有设置供餐时段', 'cannot tell the meal: the file has no meal column and the canteen has no meal periods');
    meal = ranked.find(([, window]) => isWithin(window, occurred.localMinutes))?.[0] ?? ranked[0][0];
  }
  const window = windows[meal];
  if (window && !isWithin(window, occurred.localMinutes)) {
    flag = {
      field: r.column('occurredAt'),
      reason: bilingual(
        `已接受，但交易时间 ${hhmm(occurred.localMinutes)} 不在${meal}供餐时段 ${hhmm(window.starts)}-${hhmm(window.ends)} 内`,
        `accepted, but ${hhmm(occurred.localMinutes)} is outside the ${meal} period ${hhmm(window.starts)}-${hhmm(window.ends)}`,
      ),
    };
  }
  // a late-night meal served past midnight belongs to the service day it started on
  const pastMidnight = window !== undefined && window.starts > window.ends && occurred.localMinutes <= window.ends;
  const serviceDate = r.optional('serviceDate', parseDate) ?? (pastMidnight ? addDays(occurred.localDate, -1) : occurred.localDate);
  refuseFuture(r, context, r.has('serviceDate') ? 'serviceDate' : 'occurredAt', serviceDate > occurred.localDate ? serviceDate : occurred.localDate);

  // the PersonalDataGuard has already put the staff or card number's pseudonym in its place;
  // a cash payer without card is still one diner: anonymous, counted once for this payment
  const dinerPseudonym = r.optionalText('employeeNo') ?? r.optionalText('cardNo') ?? context.pseudonym(`anonymous:${canteen.id}:${externalId}`);

  return {
    line: r.line,
    canteenId: canteen.id,
    source: r.optionalText('source') ?? r.mapping.profile.source,
    externalId,
    terminal: r.optionalText('terminal') ?? '',
    dinerPseudonym,
    occurredAt: occurred.instant,
    serviceDate,
    meal,
    kind: r.optionalCode('kind', KIND),
    channel: r.optionalCode('channel', CHANNEL) ?? 'card',
    refundOfExternalId: r.optionalText('refundOf'),
    amountPaidFen: money('amountPaid'),
    subsidyFen: money('subsidy'),
    saleLine: mapSaleLine(r, context),
    flag,
  };
}

function mapSaleLine(r: RowReader, context: MapContext): SaleLineDraft | null {
  const { columns } = r.mapping;
  if (columns.dish === undefined && columns.dishName === undefined) return null;
  const dishId = r.has('dish') ? r.ref('dish', { in: context.refs.dishes, what: ['菜品编码', 'dish code'] }) : r.ref('dishName', { in: context.refs.dishesByName, what: ['菜品名称', 'dish name'] });
  const quantity = r.optional('quantity', (value) => parseInteger(value, { min: -1000, max: 1000 })) ?? 1;
  if (quantity === 0) r.fail('quantity', '数量不能为 0', 'the quantity cannot be 0');
  const money = (field: string) => r.optional(field, (value) => parseMoney(value, context.amountUnit));
  const unitPrice = money('unitPrice');
  const amount = money('lineAmount') ?? (unitPrice === null ? null : unitPrice * quantity);
  if (amount === null) r.fail('lineAmount', '缺少金额：需要消费金额或单价', 'no amount: a line amount or a unit price is needed');
  return {
    lineNo: r.optional('lineNo', (value) => parseInteger(value, { min: 1, max: 32767 })),
    dishId,
    quantity,
    unitPriceFen: unitPrice ?? Math.round(amount / quantity),
    amountFen: amount,
    subsidyFen: money('lineSubsidy') ?? 0,
    paidFen: money('linePaid'),
  };
}

/** A whole payment: its records (one per dish line) checked together. */
export interface TransactionDraft {
  canteenId: number;
  source: string;
  externalId: string;
  terminal: string;
  dinerPseudonym: string;
  occurredAt: Date;
  serviceDate: string;
  meal: MealPeriod;
  kind: TransactionKind;
  amountPaidFen: number;
  subsidyFen: number;
  channel: PaymentChannel;
  refundOfExternalId: string | null;
  lines: (SaleLineDraft & { lineNo: number })[];
  /** Source lines of the file that make up this payment. */
  sourceLines: number[];
}

/** Checks a payment's records as a whole; returns the draft or the reason it is refused. */
export function assembleTransaction(records: TransactionRecord[]): TransactionDraft | { reason: string; field: string | null } {
  // loops rather than map/filter/reduce: this runs for every payment of a multi-million-line file
  const first = records[0];
  const lines: (SaleLineDraft & { lineNo: number })[] = [];
  const sourceLines: number[] = [];
  let linesPaid = 0;
  let linesSubsidy = 0;
  let negative = false;
  let positive = false;
  for (const record of records) {
    sourceLines.push(record.line);
    // the lines of one payment repeat its time, diner and totals: a line that differs is another payment under the same serial
    if (
      record !== first &&
      (record.occurredAt.getTime() !== first.occurredAt.getTime() ||
        record.dinerPseudonym !== first.dinerPseudonym ||
        record.amountPaidFen !== first.amountPaidFen ||
        record.subsidyFen !== first.subsidyFen)
    ) {
      return {
        field: null,
        reason: bilingual(
          `交易 ${first.externalId} 的第 ${first.line} 行和第 ${record.line} 行的时间、就餐人或金额不一致：同一流水号下是两笔不同的交易，整笔未导入`,
          `lines ${first.line} and ${record.line} of transaction ${first.externalId} disagree on the time, diner or totals: two different payments under one serial number, neither imported`,
        ),
      };
    }
    const line = record.saleLine;
    if (line === null) continue;
    linesPaid += line.paidFen ?? line.amountFen - line.subsidyFen;
    linesSubsidy += line.subsidyFen;
    if (line.amountFen < 0 || line.quantity < 0) negative = true;
    if (line.amountFen > 0 || line.quantity > 0) positive = true;
    // lines without a number are numbered by their position among the payment's lines
    if (line.lineNo === null) line.lineNo = lines.length + 1;
    lines.push(line as SaleLineDraft & { lineNo: number });
  }
  const amountPaidFen = first.amountPaidFen ?? (lines.length > 0 ? linesPaid : null);
  if (amountPaidFen === null) return { field: null, reason: bilingual('缺少实付金额', 'no amount paid') };
  const subsidyFen = first.subsidyFen ?? linesSubsidy;
  negative ||= amountPaidFen < 0 || subsidyFen < 0;
  positive ||= amountPaidFen > 0 || subsidyFen > 0;
  const kind = first.kind ?? (negative ? 'refund' : 'sale');
  if (kind === 'sale' && negative) {
    return {
      field: null,
      reason: bilingual(
        `交易 ${first.externalId} 含负数金额或数量：负数只允许出现在对已知交易的退款中`,
        `transaction ${first.externalId} has a negative amount or quantity: negatives are only allowed on a refund of a known transaction`,
      ),
    };
  }
  if (kind === 'refund' && positive)
    return { field: null, reason: bilingual(`退款 ${first.externalId} 的金额和数量应为负数或零`, `refund ${first.externalId} must have negative or zero amounts and quantities`) };
  if (kind === 'refund' && first.refundOfExternalId === null) {
    return {
      field: null,
      reason: bilingual(
        `退款 ${first.externalId} 没有注明原交易流水号，负数金额只允许出现在对已知交易的退款中`,
        `refund ${first.externalId} names no original transaction; negative amounts are only allowed on a refund of a known transaction`,
      ),
    };
  }
  for (let index = 1; index < lines.length; index++) {
    for (let earlier = 0; earlier < index; earlier++) {
      if (lines[earlier].lineNo === lines[index].lineNo)
        return { field: null, reason: bilingual(`交易 ${first.externalId} 的明细序号 ${lines[index].lineNo} 重复`, `transaction ${first.externalId} repeats line number ${lines[index].lineNo}`) };
    }
  }
  return {
    canteenId: first.canteenId,
    source: first.source,
    externalId: first.externalId,
    terminal: first.terminal,
    dinerPseudonym: first.dinerPseudonym,
    occurredAt: first.occurredAt,
    serviceDate: first.serviceDate,
    meal: first.meal,
    kind,
    amountPaidFen,
    subsidyFen,
    channel: first.channel,
    refundOfExternalId: kind === 'refund' ? first.refundOfExternalId : null,
    lines,
    sourceLines,
  };
}

/** The key that ties consecutive records into one payment. */
export function transactionKey(record: Pick<TransactionRecord, 'canteenId' | 'source' | 'externalId'>): string {
  return `${record.canteenId}|${record.source}|${record.externalId}`;
}

export type { SourceRecord };
