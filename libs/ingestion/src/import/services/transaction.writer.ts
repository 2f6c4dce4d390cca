import { QueryRunner } from 'typeorm';
import { CopyTarget, TableCopier } from '@larder/database';
import type { TransactionDraft } from '../validation/transaction-rows';

export interface TransactionWriteCounts {
  /** Source rows (dish lines) stored, and the payments they make up. */
  acceptedRows: number;
  acceptedTransactions: number;
  duplicateRows: number;
  flagged: number;
  /** Refunds whose original is nowhere to be found, handed back for the quarantine. */
  unknownRefunds: StagedTransaction[];
}

export interface FlagEntry {
  line: number;
  field: string;
  reason: string;
  raw: Record<string, unknown>;
}

export interface StagedTransaction {
  draft: TransactionDraft;
  flags: FlagEntry[];
  /** The payment's source records, for the quarantine; only called for refunds that are refused. */
  records: () => { line: number; raw: Record<string, unknown> }[];
}

type Stored = { id: number; draft: TransactionDraft };
type StoredLine = { canteenId: number; transactionId: number; line: TransactionDraft['lines'][number] };
type Flag = FlagEntry & { batchId: string; fileName: string };

/** Payments per round trip: large enough to amortise the duplicate check, small enough to keep memory flat. */
const CHUNK_ROWS = 50_000;

const TX_TARGET: CopyTarget<Stored & { batchId: string }> = {
  table: 'sale_transaction',
  columns: ['canteen_id', 'id', 'source', 'external_id', 'terminal', 'diner_pseudonym', 'occurred_at', 'service_date', 'meal', 'kind', 'amount_paid_fen', 'subsidy_fen', 'channel', 'refund_of_external_id', 'batch_id'],
  values: ({ id, draft: d, batchId }) => [d.canteenId, id, d.source, d.externalId, d.terminal, d.dinerPseudonym, d.occurredAt, d.serviceDate, d.meal, d.kind, d.amountPaidFen, d.subsidyFen, d.channel, d.refundOfExternalId, batchId],
};

const LINE_TARGET: CopyTarget<StoredLine> = {
  table: 'sale_line',
  columns: ['canteen_id', 'transaction_id', 'line_no', 'dish_id', 'quantity', 'unit_price_fen', 'amount_fen', 'subsidy_fen'],
  values: ({ canteenId, transactionId, line }) => [canteenId, transactionId, line.lineNo, line.dishId, line.quantity, line.unitPriceFen, line.amountFen, line.subsidyFen],
};

const FLAG_TARGET: CopyTarget<Flag> = {
  table: 'quarantine_row',
  columns: ['batch_id', 'file_name', 'line', 'field', 'reason', 'raw', 'severity'],
  values: (flag) => [flag.batchId, flag.fileName, flag.line, flag.field, flag.reason, JSON.stringify(flag.raw), 'flagged'],
};

/** Which of these (canteen, source, external id) keys are already stored: one indexed lookup per key. */
const EXISTING = `
SELECT u.i::int AS i FROM unnest($1::int[], $2::text[], $3::text[]) WITH ORDINALITY AS u(canteen_id, source, external_id, i)
WHERE EXISTS (SELECT 1 FROM sale_transaction t WHERE t.canteen_id = u.canteen_id AND t.source = u.source AND t.external_id = u.external_id AND ($4::boolean IS FALSE OR t.kind = 'sale'))`;

/**
 * The fast path for payments. A chunk of payments (pseudonyms already applied) is checked against
 * what is stored with one set-based lookup; the new ones get ids after the canteen's highest (the
 * import lock makes that safe) and go straight into sale_transaction and sale_line with COPY. No
 * staging table, no INSERT ... SELECT: each row is written once.
 */
export class TransactionWriter {
  private chunk: StagedTransaction[] = [];
  private chunkRows = 0;
  private chunkKeys = new Set<string>();
  private readonly lastId = new Map<number, number>();
  private readonly counts: TransactionWriteCounts = { acceptedRows: 0, acceptedTransactions: 0, duplicateRows: 0, flagged: 0, unknownRefunds: [] };

  private constructor(
    private readonly runner: QueryRunner,
    private readonly batch: { batchId: string; fileName: string },
    private readonly copiers: { tx: TableCopier<Stored & { batchId: string }>; lines: TableCopier<StoredLine>; flags: TableCopier<Flag> },
  ) {}

  static async open(options: { runner: QueryRunner; batchId: string; fileName: string }): Promise<TransactionWriter> {
    const copiers = {
      tx: await TableCopier.open(options.runner, TX_TARGET),
      lines: await TableCopier.open(options.runner, LINE_TARGET),
      flags: await TableCopier.open(options.runner, FLAG_TARGET),
    };
    return new TransactionWriter(options.runner, { batchId: options.batchId, fileName: options.fileName }, copiers);
  }

  async add(staged: StagedTransaction): Promise<void> {
    const { draft } = staged;
    const key = `${draft.canteenId}|${draft.source}|${draft.externalId}`;
    if (this.chunkKeys.has(key)) {
      // the same payment twice close together in one file: the first one counts, the copy is a duplicate
      this.counts.duplicateRows += draft.sourceLines.length;
      return;
    }
    this.chunkKeys.add(key);
    this.chunk.push(staged);
    this.chunkRows += draft.sourceLines.length;
    if (this.chunkRows >= CHUNK_ROWS) await this.writeChunk();
  }

  async finish(): Promise<TransactionWriteCounts> {
    await this.writeChunk();
    await this.copiers.tx.flush();
    await this.copiers.lines.flush();
    await this.copiers.flags.flush();
    return this.counts;
  }

  private async stored(keys: { canteenId: number; source: string; externalId: string }[], salesOnly: boolean): Promise<Set<number>> {
    if (keys.length === 0) return new Set();
    const rows: { i: number }[] = await this.runner.query(EXISTING, [keys.map((key) => key.canteenId), keys.map((key) => key.source), keys.map((key) => key.externalId), salesOnly]);
    return new Set(rows.map((row) => row.i - 1));
  }

  private async nextIds(canteenIds: Iterable<number>): Promise<void> {
    const missing = [...new Set(canteenIds)].filter((id) => !this.lastId.has(id));
    if (missing.length === 0) return;
    const rows: { canteen_id: number; max: string | null }[] = await this.runner.query('SELECT c AS canteen_id, (SELECT max(id) FROM sale_transaction WHERE canteen_id = c) AS max FROM unnest($1::int[]) AS c', [missing]);
    for (const row of rows) this.lastId.set(row.canteen_id, Number(row.max ?? 0));
  }

  private async writeChunk(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = [];
    this.chunkRows = 0;
    this.chunkKeys = new Set();
    if (chunk.length === 0) return;
    const existing = await this.stored(chunk.map((staged) => staged.draft), false);
    const fresh = chunk.filter((staged, index) => {
      if (!existing.has(index)) return true;
      this.counts.duplicateRows += staged.draft.sourceLines.length;
      return false;
    });
    const accepted = await this.withoutUnknownRefunds(fresh);
    await this.nextIds(accepted.map((staged) => staged.draft.canteenId));
    for (const { draft, flags } of accepted) {
      const id = (this.lastId.get(draft.canteenId) as number) + 1;
      this.lastId.set(draft.canteenId, id);
      await this.copiers.tx.add({ id, draft, batchId: this.batch.batchId });
      for (const line of draft.lines) await this.copiers.lines.add({ canteenId: draft.canteenId, transactionId: id, line });
      for (const flag of flags) await this.copiers.flags.add({ ...flag, ...this.batch });
      this.counts.flagged += flags.length;
      this.counts.acceptedRows += draft.sourceLines.length;
      this.counts.acceptedTransactions++;
    }
  }

  /** A refund must reverse a sale of this chunk or one already stored (same canteen and source). */
  private async withoutUnknownRefunds(fresh: StagedTransaction[]): Promise<StagedTransaction[]> {
    const refunds = fresh.filter((staged) => staged.draft.kind === 'refund');
    if (refunds.length === 0) return fresh;
    const sales = new Set(fresh.filter((staged) => staged.draft.kind === 'sale').map(({ draft }) => `${draft.canteenId}|${draft.source}|${draft.externalId}`));
    const open = refunds.filter(({ draft }) => !sales.has(`${draft.canteenId}|${draft.source}|${draft.refundOfExternalId}`));
    const found = await this.stored(open.map(({ draft }) => ({ canteenId: draft.canteenId, source: draft.source, externalId: draft.refundOfExternalId as string })), true);
    const unknown = new Set(open.filter((_, index) => !found.has(index)));
    for (const staged of unknown) this.counts.unknownRefunds.push(staged);
    return unknown.size === 0 ? fresh : fresh.filter((staged) => !unknown.has(staged));
  }
}
