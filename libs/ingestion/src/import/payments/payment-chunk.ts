import type { MealDeltaText } from '../../rollups/meal-rollup-aggregator';
import type { ReadOptions } from '../formats/record-stream';
import type { ColumnMapping } from '../profiles/mapping-profile';
import type { ReferenceData } from '../validation/reference-data';

/** A refused source record on its way to the quarantine (sensitive columns already masked). */
export interface RejectedRecord {
  line: number;
  field: string | null;
  reason: string;
  raw: Record<string, unknown>;
}

/** A refund whose original is not a sale of the same chunk (or one the database may already hold). */
export interface OpenRefund {
  /** Position of the refund among the chunk's payments. */
  index: number;
  refundOf: string;
  /** Position of the original sale in the chunk, or -1: then only the database can vouch for it. */
  saleIndex: number;
  records: { line: number; raw: Record<string, unknown> }[];
}

/** A sale outside the meal times, a payment repeated at a seam: accepted, and noted in the quarantine if the payment is stored. */
export interface PaymentFlag {
  index: number;
  line: number;
  field: string | null;
  reason: string;
  raw: Record<string, unknown>;
}

/**
 * Up to CHUNK_LINES source lines of payments, checked and encoded as COPY text for sale_transaction
 * and sale_line with ids already assigned. Per-payment byte offsets let the writer drop payments
 * the database turns out to hold already without encoding anything again. Everything here is
 * plain data or typed arrays, so a chunk crosses from a worker thread cheaply.
 */
export interface PaymentChunk {
  tx: Uint8Array;
  lines: Uint8Array;
  /** Per payment: end of its row in `tx`, end of its rows in `lines`, its sale_line rows and source lines. */
  txEnd: Uint32Array;
  lineEnd: Uint32Array;
  lineRows: Uint16Array;
  sourceLines: Uint32Array;
  /** Per payment: the dedupe key. */
  canteenIds: Int32Array;
  sources: string[];
  externalIds: string[];
  refunds: OpenRefund[];
  flags: PaymentFlag[];
  rejected: RejectedRecord[];
  /** Source lines of payments repeated inside this chunk: the first one counts, the rest are duplicates. */
  repeatedLines: number;
  /** Payments (groups of lines) given a derived serial number, whether stored, duplicate or refused. */
  derivedSerials: number;
  /** Canteen-day-meals the chunk's payments fall on, as "canteenId|yyyy-mm-dd|meal", and per payment its meal's position. */
  meals: string[];
  mealOf: Uint16Array;
  /** Rollup figures of the meals finished so far, aggregated from the payments as read. */
  rollup: MealDeltaText;
  /** Source records read so far, for progress. */
  recordsRead: number;
}

export interface PaymentChunkRequest {
  read: ReadOptions;
  mapping: ColumnMapping;
  refs: ReferenceData;
  pseudonymSecret: string;
  /** The last service date a sale may have (today plus LARDER_FUTURE_DAYS). */
  latestDate: string;
  batchId: string;
  /** Highest sale_transaction id per canteen when the batch started; the import lock keeps it so. */
  lastIds: [canteenId: number, lastId: number][];
}
