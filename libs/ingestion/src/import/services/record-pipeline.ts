import { QueryRunner } from 'typeorm';
import { PersonalDataGuard } from '../../privacy/personal-data';
import type { RejectionSample } from '../dtos/import-summary.dto';
import type { RecordStream } from '../formats/record-stream';
import type { ColumnMapping } from '../profiles/mapping-profile';
import { RowReader, RowRejection } from '../validation/row-reader';
import { MapContext, TABLE_ROW_MAPPERS, TableKind } from '../validation/table-rows';
import { QuarantineWriter } from './quarantine.writer';
import { TableWriter } from './table.writer';
import { TABLE_TARGETS } from './table-targets';

export interface PipelineCounts {
  accepted: number;
  duplicates: number;
  flagged: number;
  /** The first flagged rows (stored, worth a look), for the summary. */
  flags?: RejectionSample[];
  /** What the batch report should say about the file beyond the counts, bilingual. */
  notes?: string[];
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
  /** Built for this file's mapping: every record passes it before anything reads it. */
  guard: PersonalDataGuard;
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
  const { guard } = input;
  for await (const source of input.stream.records) {
    input.onRecord();
    const record = guard.apply(source);
    reader.load(record);
    if (record.problem) {
      await input.quarantine.add({ line: record.line, field: null, reason: record.problem, raw: guard.quarantined(record) });
      continue;
    }
    let mapped;
    try {
      mapped = mapper(reader, input.context);
    } catch (error) {
      const rejection = problemOf(error);
      await input.quarantine.add({ line: record.line, field: rejection.field, reason: rejection.reason, raw: guard.quarantined(record) });
      continue;
    }
    if (mapped.day) input.touched.add(mapped.day.canteenId, mapped.day.date);
    await writer.add(mapped.row, record.line);
  }
  const counts = await writer.finish();
  return { ...counts, flagged: 0 };
}
