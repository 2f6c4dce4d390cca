import { QueryRunner } from 'typeorm';
import type { RecordStream, SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';
import type { ColumnMapping } from '../profiles/mapping-profile';
import { rawRecord, RowReader, RowRejection } from '../validation/row-reader';
import { MapContext, TABLE_ROW_MAPPERS, TableKind } from '../validation/table-rows';
import { assembleTransaction, mapTransactionRecord, TransactionRecord } from '../validation/transaction-rows';
import { QuarantineWriter } from './quarantine.writer';
import { TableWriter } from './table.writer';
import { TABLE_TARGETS } from './table-targets';
import { TransactionWriter } from './transaction.writer';

export interface PipelineCounts {
  accepted: number;
  duplicates: number;
  flagged: number;
}

/** The canteen-days a batch touched, for the rollup refresh. */
export class TouchedDays {
  readonly canteens = new Set<number>();
  from: string | null = null;
  to: string | null = null;

  add(canteenId: number, date: string): void {
    this.canteens.add(canteenId);
    if (this.from === null || date < this.from) this.from = date;
    if (this.to === null || date > this.to) this.to = date;
  }
}

export interface PipelineInput {
  runner: QueryRunner;
  stream: RecordStream;
  mapping: ColumnMapping;
  context: MapContext;
  batchId: string;
  quarantine: QuarantineWriter;
  touched: TouchedDays;
  onRecord: () => void;
}

function problemOf(error: unknown): RowRejection {
  if (error instanceof RowRejection) return error;
  throw error;
}

/** Masters and facts other than payments: one source row is one table row. */
export async function runTablePipeline(input: PipelineInput & { kind: TableKind }): Promise<PipelineCounts> {
  const reader = new RowReader(input.mapping, input.stream.headers);
  const writer = await TableWriter.open({ runner: input.runner, target: TABLE_TARGETS[input.kind], batchId: input.batchId, sourceIds: input.mapping.columns.id !== undefined });
  const mapper = TABLE_ROW_MAPPERS[input.kind];
  for await (const record of input.stream.records) {
    input.onRecord();
    reader.load(record);
    if (record.problem) {
      await input.quarantine.add({ line: record.line, field: null, reason: record.problem, raw: reader.rawRecord() });
      continue;
    }
    let mapped;
    try {
      mapped = mapper(reader, input.context);
    } catch (error) {
      const rejection = problemOf(error);
      await input.quarantine.add({ line: record.line, field: rejection.field, reason: rejection.reason, raw: reader.rawRecord() });
      continue;
    }
    if (mapped.day) input.touched.add(mapped.day.canteenId, mapped.day.date);
    await writer.add(mapped.row, record.line);
  }
  const counts = await writer.finish();
  return { ...counts, flagged: 0 };
}

/**
 * Payments: consecutive records with the same canteen and serial number are one payment. A payment
 * is stored whole or refused whole: one bad line would otherwise leave its totals wrong.
 */
export async function runTransactionPipeline(input: PipelineInput): Promise<PipelineCounts> {
  const { mapping, stream, quarantine } = input;
  const reader = new RowReader(mapping, stream.headers);
  const writer = await TransactionWriter.open({ runner: input.runner, batchId: input.batchId, fileName: quarantine.fileName });
  const masked = new Set(['cardNo', 'employeeNo'].map((field) => mapping.columns[field]).filter((index) => index !== undefined));
  const raw = (record: SourceRecord) => rawRecord({ headers: stream.headers, record, masked });
  const keyOf = (record: SourceRecord) => `${record.values[mapping.columns.canteen] ?? ''}|${record.values[mapping.columns.externalId] ?? ''}`;

  let group: SourceRecord[] = [];
  let groupKey = '';
  const flush = async () => {
    if (group.length === 0) return;
    const records = group;
    group = [];
    const mapped: TransactionRecord[] = [];
    let failure: { record: SourceRecord; rejection: RowRejection } | null = null;
    for (const record of records) {
      try {
        mapped.push(mapTransactionRecord(reader.load(record), input.context));
      } catch (error) {
        failure = { record, rejection: problemOf(error) };
        break;
      }
    }
    const draft = failure ? null : assembleTransaction(mapped);
    if (failure || draft === null || 'reason' in draft) {
      const reason = failure ? failure.rejection.reason : (draft as { reason: string }).reason;
      const field = failure ? failure.rejection.field : null;
      for (const record of records) {
        const own = !failure || record === failure.record;
        await quarantine.add({
          line: record.line, field: own ? field : null, raw: raw(record),
          reason: own ? reason : bilingual(`同一笔交易的第 ${failure?.record.line} 行被拒绝，整笔交易未导入`, `line ${failure?.record.line} of the same payment was rejected, so the whole payment was not imported`),
        });
      }
      return;
    }
    input.touched.add(draft.canteenId, draft.serviceDate);
    const flags = mapped.flatMap((record, index) => (record.flag ? [{ line: record.line, ...record.flag, raw: raw(records[index]) }] : []));
    // only a refund can still be refused later (its original may be unknown); sales need not keep their records
    const kept = draft.kind === 'refund' ? records : [];
    await writer.add({ draft, flags, records: () => kept.map((record) => ({ line: record.line, raw: raw(record) })) });
  };

  for await (const record of stream.records) {
    input.onRecord();
    if (record.problem) {
      await quarantine.add({ line: record.line, field: null, reason: record.problem, raw: raw(record) });
      continue;
    }
    const key = keyOf(record);
    if (key !== groupKey) {
      await flush();
      groupKey = key;
    }
    group.push(record);
  }
  await flush();
  const counts = await writer.finish();
  for (const refund of counts.unknownRefunds) {
    const reason = bilingual(
      `退款 ${refund.draft.externalId} 的原交易 ${refund.draft.refundOfExternalId} 不存在：负数金额只允许出现在对已知交易的退款中`,
      `refund ${refund.draft.externalId} reverses ${refund.draft.refundOfExternalId}, which is not a known transaction; negative amounts are only allowed on refunds of known transactions`,
    );
    for (const record of refund.records()) await quarantine.add({ line: record.line, field: reader.column('refundOf'), reason, raw: record.raw });
  }
  return { accepted: counts.acceptedRows, duplicates: counts.duplicateRows, flagged: counts.flagged };
}
