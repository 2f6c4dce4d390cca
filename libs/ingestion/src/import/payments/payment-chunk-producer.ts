import { PersonalDataGuard } from '../../privacy/personal-data';
import { Pseudonymizer } from '../../privacy/pseudonymizer';
import { MealRollupAggregator } from '../../rollups/meal-rollup-aggregator';
import type { RecordStream, SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';
import { mappedHeaders, SerialDeriver } from '../profiles/derived-serial';
import { RowReader, RowRejection } from '../validation/row-reader';
import type { MapContext } from '../validation/table-rows';
import { assembleTransaction, mapTransactionRecord, TransactionDraft, TransactionRecord } from '../validation/transaction-rows';
import type { OpenRefund, PaymentChunk, PaymentChunkRequest, PaymentFlag, RejectedRecord } from './payment-chunk';
import { PaymentChunkEncoder } from './payment-chunk-encoder';
import { seamRepeat } from './seam-repeat';

/** Source lines per chunk: large enough to amortise the duplicate check, small enough to keep memory flat. */
export const CHUNK_LINES = 50_000;

/** What makes two payments under one serial number the same payment. */
function paymentContent(draft: TransactionDraft): string {
  let lines = '';
  for (const line of draft.lines) lines += `${line.lineNo}:${line.dishId}:${line.quantity}:${line.amountFen}:${line.subsidyFen};`;
  return `${draft.occurredAt.getTime()}|${draft.dinerPseudonym}|${draft.kind}|${draft.amountPaidFen}|${draft.subsidyFen}|${draft.channel}|${draft.refundOfExternalId ?? ''}|${lines}`;
}

function problemOf(error: unknown): RowRejection {
  if (error instanceof RowRejection) return error;
  throw error;
}

/**
 * Reads payment records, checks them, pseudonymises diners and encodes the payments as COPY chunks
 * with their ids. Consecutive records with the same canteen and serial number are one payment, stored
 * whole or refused whole: one bad line would otherwise leave its totals wrong. Pure of Nest and of the
 * database, so it runs the same in a worker thread or in process; `emit` may wait, which is how the
 * writer holds the reader back.
 */
export async function producePaymentChunks(options: { request: PaymentChunkRequest; stream: RecordStream; emit: (chunk: PaymentChunk) => Promise<void> }): Promise<void> {
  const { request, stream, emit } = options;
  const { mapping } = request;
  const pseudonymizer = new Pseudonymizer(request.pseudonymSecret);
  const context: MapContext = { refs: request.refs, amountUnit: mapping.profile.amountUnit, pseudonym: (identifier) => pseudonymizer.pseudonym(identifier), latestDate: request.latestDate };
  const headers = mappedHeaders(mapping, stream.headers);
  const reader = new RowReader(mapping, headers);
  const guard = new PersonalDataGuard(mapping, headers, pseudonymizer);
  // after the guard, so a derived serial is made from the card's pseudonym, never its number
  const deriver = mapping.derivedSerial ? new SerialDeriver(mapping) : null;
  const raw = (record: SourceRecord) => guard.quarantined(record);
  const canteenColumn = mapping.columns.canteen;
  const externalColumn = mapping.columns.externalId;
  const externalHeader = headers[externalColumn] ?? null;
  // a line number tells a repeat from a second helping: the assembler refuses a repeated one
  const seamColumns = mapping.columns.lineNo === undefined ? Object.values(mapping.columns) : null;
  const lastId = new Map(request.lastIds);
  const encoder = new PaymentChunkEncoder(request.batchId);
  const rollup = new MealRollupAggregator();

  let rejected: RejectedRecord[] = [];
  let flags: PaymentFlag[] = [];
  /** The chunk's payments by external id, per canteen and source: position if a sale (else -1), content, first line. */
  type Scope = Map<string, { index: number; content: string; line: number }>;
  let refunds: (OpenRefund & { scope: Scope })[] = [];
  let scopes = new Map<string, Scope>();
  let lastScope: { canteenId: number; source: string; scope: Scope } | null = null;
  // a file nearly always holds one source and few canteens: no key string per payment
  const scopeOf = (canteenId: number, source: string): Scope => {
    if (lastScope !== null && lastScope.canteenId === canteenId && lastScope.source === source) return lastScope.scope;
    const name = `${canteenId}|${source}`;
    let scope = scopes.get(name);
    if (scope === undefined) scopes.set(name, (scope = new Map()));
    lastScope = { canteenId, source, scope };
    return scope;
  };
  let repeatedLines = 0;
  let recordsRead = 0;
  let derivedSerials = 0;

  const cut = async (final: boolean) => {
    // a refund may come before its sale in the file: look the original up once the chunk is complete
    const open: OpenRefund[] = refunds.map(({ scope, ...refund }) => ({ ...refund, saleIndex: scope.get(refund.refundOf)?.index ?? -1 }));
    const chunk: PaymentChunk = { ...encoder.take(), refunds: open, flags, rejected, repeatedLines, derivedSerials, rollup: rollup.cut(final), recordsRead };
    rejected = [];
    flags = [];
    refunds = [];
    scopes = new Map();
    lastScope = null;
    repeatedLines = 0;
    derivedSerials = 0;
    await emit(chunk);
  };

  const reject = (records: SourceRecord[], failure: { record: SourceRecord; rejection: RowRejection } | null, refused: { reason: string; field: string | null } | null) => {
    const reason = failure ? failure.rejection.reason : (refused as { reason: string }).reason;
    const field = failure ? failure.rejection.field : (refused as { field: string | null }).field;
    for (const record of records) {
      const own = !failure || record === failure.record;
      rejected.push({
        line: record.line,
        field: own ? field : null,
        raw: raw(record),
        reason: own
          ? reason
          : bilingual(`同一笔交易的第 ${failure?.record.line} 行被拒绝，整笔交易未导入`, `line ${failure?.record.line} of the same payment was rejected, so the whole payment was not imported`),
      });
    }
  };

  const payment = (records: SourceRecord[]) => {
    const mapped: TransactionRecord[] = [];
    for (const record of records) {
      try {
        mapped.push(mapTransactionRecord(reader.load(record), context));
      } catch (error) {
        return reject(records, { record, rejection: problemOf(error) }, null);
      }
    }
    const draft = assembleTransaction(mapped);
    if ('reason' in draft) return reject(records, null, draft);
    const scope = scopeOf(draft.canteenId, draft.source);
    const content = paymentContent(draft);
    const seen = scope.get(draft.externalId);
    if (seen !== undefined) {
      // the same payment twice close together in one file: the first one counts, an identical copy is a duplicate
      if (seen.content === content) {
        repeatedLines += records.length;
        return;
      }
      // a different payment under a serial number already used is not a duplicate: both lines are named
      return reject(records, null, {
        field: externalHeader,
        reason: bilingual(
          `交易流水号 ${draft.externalId} 在第 ${seen.line} 行已出现，但这一笔的时间、就餐人、金额或明细不同：保留第 ${seen.line} 行的交易，这一笔未导入`,
          `transaction ${draft.externalId} already appeared at line ${seen.line} with a different time, diner, amount or lines: the one at line ${seen.line} is kept, this one is not imported`,
        ),
      });
    }
    const id = (lastId.get(draft.canteenId) ?? 0) + 1;
    lastId.set(draft.canteenId, id);
    const index = encoder.add(draft, id);
    rollup.add(draft);
    scope.set(draft.externalId, { index: draft.kind === 'sale' ? index : -1, content, line: draft.sourceLines[0] });
    for (let position = 0; position < mapped.length; position++) {
      const flag = mapped[position].flag;
      if (flag) flags.push({ index, line: mapped[position].line, field: flag.field, reason: flag.reason, raw: raw(records[position]) });
    }
    const repeat = seamColumns && seamRepeat(records, seamColumns);
    if (repeat) {
      for (const record of records.slice(repeat.half)) flags.push({ index, line: record.line, field: externalHeader, reason: repeat.reason, raw: raw(record) });
    }
    if (draft.kind === 'refund') {
      refunds.push({
        index,
        refundOf: draft.refundOfExternalId as string,
        saleIndex: -1,
        scope,
        records: records.map((record) => ({ line: record.line, raw: raw(record) })),
      });
    }
  };

  let group: SourceRecord[] = [];
  let groupKey = '';
  const flush = async () => {
    if (group.length === 0) return;
    if (deriver !== null) derivedSerials++;
    payment(group);
    group = [];
    if (encoder.lineCount >= CHUNK_LINES || encoder.full) await cut(false);
  };
  for await (const source of stream.records) {
    recordsRead++;
    const record = guard.apply(source);
    deriver?.apply(record);
    if (record.problem) {
      rejected.push({ line: record.line, field: null, reason: record.problem, raw: raw(record) });
      continue;
    }
    const key = `${record.values[canteenColumn] ?? ''}|${record.values[externalColumn] ?? ''}`;
    if (key !== groupKey) {
      await flush();
      groupKey = key;
    }
    group.push(record);
  }
  await flush();
  await cut(true);
}
