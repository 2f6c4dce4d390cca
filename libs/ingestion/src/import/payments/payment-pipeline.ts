import { QueryRunner } from 'typeorm';
import { query } from '@larder/database';
import type { RollupService } from '../../rollups/rollup.service';
import type { ReadOptions, RecordStream } from '../formats/record-stream';
import { derivedSerialNote } from '../profiles/derived-serial';
import type { ColumnMapping } from '../profiles/mapping-profile';
import type { PipelineCounts } from '../services/record-pipeline';
import type { ReferenceData } from '../validation/reference-data';
import { QuarantineWriter } from '../services/quarantine.writer';
import { streamPaymentChunks } from './payment-chunk-source';
import { PaymentChunkWriter } from './payment-chunk.writer';

export interface PaymentPipelineInput {
  runner: QueryRunner;
  read: ReadOptions;
  stream: RecordStream;
  mapping: ColumnMapping;
  refs: ReferenceData;
  pseudonymSecret: string;
  latestDate: string;
  batchId: string;
  quarantine: QuarantineWriter;
  rollups: RollupService;
  onProgress: (records: number) => void;
}

/**
 * Payments: read and encoded in chunks (in a worker thread for large files), stored chunk by chunk
 * while the next chunk is read, then the batch is added to the rollups.
 */
export async function runPaymentPipeline(input: PaymentPipelineInput): Promise<PipelineCounts> {
  const { runner, mapping } = input;
  const canteenIds = [...new Set([...input.refs.canteens.values()].map((canteen) => canteen.id))];
  const last = await query<{ canteen_id: number; max: string | null }>(
    runner,
    'SELECT c AS canteen_id, (SELECT max(id) FROM sale_transaction WHERE canteen_id = c) AS max FROM unnest($1::int[]) AS c',
    [canteenIds],
  );
  const refundIndex = mapping.columns.refundOf;
  const writer = await PaymentChunkWriter.open({
    runner,
    quarantine: input.quarantine,
    batchId: input.batchId,
    refundColumn: refundIndex === undefined ? 'refundOf' : input.stream.headers[refundIndex],
  });
  await streamPaymentChunks({
    request: {
      read: input.read,
      mapping,
      refs: input.refs,
      pseudonymSecret: input.pseudonymSecret,
      latestDate: input.latestDate,
      batchId: input.batchId,
      lastIds: last.map((row) => [row.canteen_id, Number(row.max ?? 0)]),
    },
    stream: input.stream,
    write: async (chunk) => {
      await writer.write(chunk);
      input.onProgress(chunk.recordsRead);
    },
  });
  const counts = await writer.finish();
  await writer.rollup.apply(writer.meals, input.rollups);
  return {
    accepted: counts.acceptedRows,
    duplicates: counts.duplicateRows,
    flagged: counts.flagged,
    flags: counts.flags,
    notes: [derivedSerialNote(counts.derivedSerials)].filter((note) => note !== null),
  };
}
