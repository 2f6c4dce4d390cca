import { QueryRunner } from 'typeorm';
import { CopyTarget, query, TableCopier } from '@larder/database';
import { RollupDeltas } from '../../rollups/rollup-deltas';
import type { RejectionSample } from '../dtos/import-summary.dto';
import { bilingual } from '../messages';
import { QuarantineWriter } from '../services/quarantine.writer';
import type { PaymentChunk, PaymentFlag } from './payment-chunk';
import { PAYMENT_COPY_COLUMNS } from './payment-chunk-encoder';

export interface PaymentWriteCounts {
  /** Source rows (dish lines) stored, and the payments they make up. */
  acceptedRows: number;
  acceptedTransactions: number;
  duplicateRows: number;
  flagged: number;
  /** The first flagged rows, for the summary (every one is in the quarantine). */
  flags: RejectionSample[];
  /** Payments whose serial number the import derived (the file had none). */
  derivedSerials: number;
}

type Flag = PaymentFlag & { batchId: string; fileName: string };

/** Encoded elsewhere: the writer only ever hands these tables pre-encoded chunks. */
const encoded = (table: keyof typeof PAYMENT_COPY_COLUMNS): CopyTarget<never> => ({ table, columns: PAYMENT_COPY_COLUMNS[table], values: () => [] });

const FLAG_TARGET: CopyTarget<Flag> = {
  table: 'quarantine_row',
  columns: ['batch_id', 'file_name', 'line', 'field', 'reason', 'raw', 'severity'],
  values: (flag) => [flag.batchId, flag.fileName, flag.line, flag.field, flag.reason, JSON.stringify(flag.raw), 'flagged'],
};

/**
 * Which of these (canteen, source, external id) keys are already stored: one index probe per key.
 * LATERAL ... LIMIT 1 keeps it that way: told the array's length, the planner would otherwise hash
 * the whole table for every chunk, and the check would slow down as the table grows.
 */
const EXISTING = `
SELECT u.i::int AS i FROM unnest($1::int[], $2::text[], $3::text[]) WITH ORDINALITY AS u(canteen_id, source, external_id, i)
CROSS JOIN LATERAL (
  SELECT 1 FROM sale_transaction t
  WHERE t.canteen_id = u.canteen_id AND t.source = u.source AND t.external_id = u.external_id AND ($4::boolean IS FALSE OR t.kind = 'sale') LIMIT 1
) found`;

const UNIQUE_VIOLATION = '23505';
/** As many as the summary shows of the refused rows. */
const FIRST_FLAGS = 10;

/** The bytes of the kept payments: consecutive kept runs are copied as one piece. */
function keptBytes(data: Uint8Array, ends: Uint32Array, dropped: Set<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  let used = 0;
  let runStart = 0;
  for (let index = 0; index <= ends.length; index++) {
    if (index < ends.length && !dropped.has(index)) continue;
    const runEnd = index === 0 ? 0 : ends[index - 1];
    const from = runStart;
    if (runEnd > from) {
      out.set(data.subarray(from, runEnd), used);
      used += runEnd - from;
    }
    runStart = index < ends.length ? ends[index] : 0;
  }
  return out.subarray(0, used);
}

/**
 * Stores payment chunks: one set-based lookup finds the payments already stored (re-imports,
 * overlapping exports) and refunds whose original is nowhere to be found; everything else goes
 * into sale_transaction and sale_line by COPY exactly as it was encoded. Each row is written once.
 */
export class PaymentChunkWriter {
  readonly counts: PaymentWriteCounts = { acceptedRows: 0, acceptedTransactions: 0, duplicateRows: 0, flagged: 0, flags: [], derivedSerials: 0 };
  /** Canteen-day-meals of the stored payments, for the rollups. */
  readonly meals = new Set<string>();
  private optimistic = true;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly quarantine: QuarantineWriter,
    private readonly batch: { batchId: string; fileName: string; refundColumn: string },
    private readonly copiers: { tx: TableCopier<never>; lines: TableCopier<never>; flags: TableCopier<Flag> },
    readonly rollup: RollupDeltas,
  ) {}

  static async open(options: { runner: QueryRunner; quarantine: QuarantineWriter; batchId: string; refundColumn: string }): Promise<PaymentChunkWriter> {
    const copiers = {
      tx: await TableCopier.open(options.runner, encoded('sale_transaction')),
      lines: await TableCopier.open(options.runner, encoded('sale_line')),
      flags: await TableCopier.open(options.runner, FLAG_TARGET),
    };
    const batch = { batchId: options.batchId, fileName: options.quarantine.fileName, refundColumn: options.refundColumn };
    return new PaymentChunkWriter(options.runner, options.quarantine, batch, copiers, await RollupDeltas.open(options.runner));
  }

  async write(chunk: PaymentChunk): Promise<void> {
    for (const entry of chunk.rejected) await this.quarantine.add(entry);
    this.counts.duplicateRows += chunk.repeatedLines;
    this.counts.derivedSerials += chunk.derivedSerials;
    await this.rollup.add(chunk.rollup);
    if (chunk.txEnd.length === 0) return;
    if (!(this.optimistic && (await this.writeOptimistically(chunk)))) await this.writeChecked(chunk);
  }

  /**
   * A first import holds no duplicates, and the unique index checks every key during the COPY anyway:
   * so write the chunk as it is, under a savepoint, and look for duplicates only if the index objects.
   * After a chunk with duplicates (an overlapping export, a re-import) the next one is checked first.
   */
  private async writeOptimistically(chunk: PaymentChunk): Promise<boolean> {
    const open = chunk.refunds.filter((refund) => refund.saleIndex < 0);
    if (open.length > 0) {
      const found = await this.stored(
        { canteenIds: open.map((refund) => chunk.canteenIds[refund.index]), sources: open.map((refund) => chunk.sources[refund.index]), externalIds: open.map((refund) => refund.refundOf) },
        true,
      );
      // an unknown refund may yet be a duplicate: the checked path tells which
      if (found.size < open.length) return false;
    }
    await this.runner.query('SAVEPOINT larder_payment_chunk');
    try {
      await this.store(chunk, new Set());
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await this.runner.query('ROLLBACK TO SAVEPOINT larder_payment_chunk');
      this.optimistic = false;
      return false;
    }
    await this.runner.query('RELEASE SAVEPOINT larder_payment_chunk');
    return true;
  }

  private async writeChecked(chunk: PaymentChunk): Promise<void> {
    const payments = chunk.txEnd.length;
    const dropped = await this.stored({ canteenIds: Array.from(chunk.canteenIds), sources: chunk.sources, externalIds: chunk.externalIds }, false);
    this.optimistic = dropped.size === 0;
    for (const index of dropped) this.counts.duplicateRows += chunk.sourceLines[index];
    await this.dropUnknownRefunds(chunk, dropped);
    for (const index of dropped) this.rollup.markDirty(chunk.meals[chunk.mealOf[index]]);
    if (dropped.size < payments) await this.store(chunk, dropped);
  }

  /** Writes the chunk's payments but the dropped ones, exactly as they were encoded. */
  private async store(chunk: PaymentChunk, dropped: Set<number>): Promise<void> {
    const payments = chunk.txEnd.length;
    const whole = dropped.size === 0;
    const lineRows = chunk.lineRows.reduce((total, rows, index) => (dropped.has(index) ? total : total + rows), 0);
    await this.copiers.tx.writeChunk({ data: whole ? chunk.tx : keptBytes(chunk.tx, chunk.txEnd, dropped), rows: payments - dropped.size });
    if (lineRows > 0) await this.copiers.lines.writeChunk({ data: whole ? chunk.lines : keptBytes(chunk.lines, chunk.lineEnd, dropped), rows: lineRows });
    const flags = chunk.flags.filter((flag) => !dropped.has(flag.index));
    await this.copiers.flags.addAll(flags.map((flag) => ({ ...flag, batchId: this.batch.batchId, fileName: this.batch.fileName })));
    // rows, not flags: a row outside meal times may also repeat at a seam
    this.counts.flagged += new Set(flags.map((flag) => flag.line)).size;
    for (const flag of flags.slice(0, FIRST_FLAGS - this.counts.flags.length)) this.counts.flags.push({ line: flag.line, field: flag.field, reason: flag.reason });
    this.counts.acceptedTransactions += payments - dropped.size;
    const meals = new Set<number>();
    for (let index = 0; index < payments; index++) {
      if (dropped.has(index)) continue;
      this.counts.acceptedRows += chunk.sourceLines[index];
      meals.add(chunk.mealOf[index]);
    }
    for (const meal of meals) this.meals.add(chunk.meals[meal]);
  }

  async finish(): Promise<PaymentWriteCounts> {
    await this.copiers.flags.flush();
    return this.counts;
  }

  private async stored(keys: { canteenIds: number[]; sources: string[]; externalIds: string[] }, salesOnly: boolean): Promise<Set<number>> {
    if (keys.canteenIds.length === 0) return new Set();
    const rows = await query<{ i: number }>(this.runner, EXISTING, [keys.canteenIds, keys.sources, keys.externalIds, salesOnly]);
    return new Set(rows.map((row) => row.i - 1));
  }

  /** A refund must reverse a sale stored with it or one already stored (same canteen and source). */
  private async dropUnknownRefunds(chunk: PaymentChunk, dropped: Set<number>): Promise<void> {
    const open = chunk.refunds.filter((refund) => !dropped.has(refund.index) && (refund.saleIndex < 0 || dropped.has(refund.saleIndex)));
    if (open.length === 0) return;
    const found = await this.stored(
      {
        canteenIds: open.map((refund) => chunk.canteenIds[refund.index]),
        sources: open.map((refund) => chunk.sources[refund.index]),
        externalIds: open.map((refund) => refund.refundOf),
      },
      true,
    );
    for (const [position, refund] of open.entries()) {
      if (found.has(position)) continue;
      dropped.add(refund.index);
      const externalId = chunk.externalIds[refund.index];
      const reason = bilingual(
        `退款 ${externalId} 的原交易 ${refund.refundOf} 不存在：负数金额只允许出现在对已知交易的退款中`,
        `refund ${externalId} reverses ${refund.refundOf}, which is not a known transaction; negative amounts are only allowed on refunds of known transactions`,
      );
      for (const record of refund.records) await this.quarantine.add({ line: record.line, field: this.batch.refundColumn, reason, raw: record.raw });
    }
  }
}
