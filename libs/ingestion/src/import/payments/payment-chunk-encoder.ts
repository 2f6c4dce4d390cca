import type { TransactionDraft } from '../validation/transaction-rows';
import type { PaymentChunk } from './payment-chunk';

const SPECIAL = /[\\\t\n\r]/;

/** COPY text escaping; source values are rarely special, so the test is all that usually runs. */
export function copyText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A byte buffer that grows by doubling and is handed over whole, so nothing is copied per chunk. */
class GrowingBytes {
  private bytes = Buffer.from(new ArrayBuffer(1 << 20));
  used = 0;

  write(text: string): void {
    // a UTF-16 code unit never takes more than 3 bytes in UTF-8
    if (this.used + text.length * 3 > this.bytes.length) {
      const bigger = Buffer.from(new ArrayBuffer(Math.max(this.bytes.length * 2, this.used + text.length * 3)));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(text, this.used);
  }

  take(): Uint8Array {
    // a view over a buffer of its own: it can be transferred to another thread
    const taken = new Uint8Array(this.bytes.buffer, 0, this.used);
    this.bytes = Buffer.from(new ArrayBuffer(this.bytes.length));
    this.used = 0;
    return taken;
  }
}

/** Sizes the per-payment arrays; a chunk is cut well before this many payments. */
const MAX_PAYMENTS = 65_536;

/**
 * Encodes payments into the COPY text of sale_transaction and sale_line, straight from the draft:
 * no value arrays, one template string per row. Column order matches PAYMENT_COPY_COLUMNS.
 */
export class PaymentChunkEncoder {
  private readonly tx = new GrowingBytes();
  private readonly lines = new GrowingBytes();
  private txEnd = new Uint32Array(MAX_PAYMENTS);
  private lineEnd = new Uint32Array(MAX_PAYMENTS);
  private lineRows = new Uint16Array(MAX_PAYMENTS);
  private sourceLines = new Uint32Array(MAX_PAYMENTS);
  private canteenIds = new Int32Array(MAX_PAYMENTS);
  private mealOf = new Uint16Array(MAX_PAYMENTS);
  private meals = new Map<string, number>();
  private lastMeal = { canteenId: -1, serviceDate: '', meal: '', index: 0 };
  private sources: string[] = [];
  private externalIds: string[] = [];
  payments = 0;
  lineCount = 0;

  constructor(private readonly batchId: string) {}

  get full(): boolean {
    return this.payments >= MAX_PAYMENTS;
  }

  add(draft: TransactionDraft, id: number): number {
    const canteen = draft.canteenId;
    const refundOf = draft.refundOfExternalId === null ? '\\N' : copyText(draft.refundOfExternalId);
    this.tx.write(
      `${canteen}\t${id}\t${copyText(draft.source)}\t${copyText(draft.externalId)}\t${copyText(draft.terminal)}\t${draft.dinerPseudonym}\t${draft.occurredAt.toISOString()}\t${draft.serviceDate}\t${draft.meal}\t${draft.kind}\t${draft.amountPaidFen}\t${draft.subsidyFen}\t${draft.channel}\t${refundOf}\t${this.batchId}\n`,
    );
    for (const line of draft.lines) {
      this.lines.write(`${canteen}\t${id}\t${line.lineNo}\t${line.dishId}\t${line.quantity}\t${line.unitPriceFen}\t${line.amountFen}\t${line.subsidyFen}\n`);
    }
    const index = this.payments++;
    this.txEnd[index] = this.tx.used;
    this.lineEnd[index] = this.lines.used;
    this.lineRows[index] = draft.lines.length;
    this.sourceLines[index] = draft.sourceLines.length;
    this.canteenIds[index] = canteen;
    this.mealOf[index] = this.mealIndex(draft);
    this.sources.push(draft.source);
    this.externalIds.push(draft.externalId);
    this.lineCount += draft.sourceLines.length;
    return index;
  }

  /** Payments of one meal usually come together: the previous answer is usually the right one. */
  private mealIndex(draft: TransactionDraft): number {
    const last = this.lastMeal;
    if (last.canteenId === draft.canteenId && last.serviceDate === draft.serviceDate && last.meal === draft.meal) return last.index;
    const key = `${draft.canteenId}|${draft.serviceDate}|${draft.meal}`;
    let index = this.meals.get(key);
    if (index === undefined) {
      index = this.meals.size;
      this.meals.set(key, index);
    }
    this.lastMeal = { canteenId: draft.canteenId, serviceDate: draft.serviceDate, meal: draft.meal, index };
    return index;
  }

  take(): Pick<PaymentChunk, 'tx' | 'lines' | 'txEnd' | 'lineEnd' | 'lineRows' | 'sourceLines' | 'canteenIds' | 'sources' | 'externalIds' | 'meals' | 'mealOf'> {
    const n = this.payments;
    const taken = {
      tx: this.tx.take(),
      lines: this.lines.take(),
      txEnd: this.txEnd.slice(0, n),
      lineEnd: this.lineEnd.slice(0, n),
      lineRows: this.lineRows.slice(0, n),
      sourceLines: this.sourceLines.slice(0, n),
      canteenIds: this.canteenIds.slice(0, n),
      sources: this.sources,
      externalIds: this.externalIds,
      meals: [...this.meals.keys()],
      mealOf: this.mealOf.slice(0, n),
    };
    this.meals = new Map();
    this.lastMeal = { canteenId: -1, serviceDate: '', meal: '', index: 0 };
    this.sources = [];
    this.externalIds = [];
    this.payments = 0;
    this.lineCount = 0;
    return taken;
  }
}

/** Column order of the encoded rows. */
export const PAYMENT_COPY_COLUMNS = {
  sale_transaction: [
    'canteen_id',
    'id',
    'source',
    'external_id',
    'terminal',
    'diner_pseudonym',
    'occurred_at',
    'service_date',
    'meal',
    'kind',
    'amount_paid_fen',
    'subsidy_fen',
    'channel',
    'refund_of_external_id',
    'batch_id',
  ],
  sale_line: ['canteen_id', 'transaction_id', 'line_no', 'dish_id', 'quantity', 'unit_price_fen', 'amount_fen', 'subsidy_fen'],
} as const;
