import type { FileFormat, TextEncoding } from '../formats/record-stream';
import type { ImportKind } from '../profiles/import-kinds';

export interface RejectionSample {
  line: number;
  field: string | null;
  reason: string;
}

export interface ImportSummary {
  batchId: string;
  kind: ImportKind;
  profile: string;
  fileName: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  /** Source rows stored (inserted, or masters changed). */
  accepted: number;
  rejected: number;
  /** Rows already present (same payment, same natural key, or an unchanged master). */
  duplicates: number;
  /** Rows stored but worth a look (a sale outside meal times, a payment repeated at a seam); listed in quarantine_row too. */
  flagged: number;
  /** The first flagged rows and why. */
  flags: RejectionSample[];
  /** Sentences about the file beyond the counts (serial numbers derived), bilingual. */
  notes: string[];
  seconds: number;
  rejections: RejectionSample[];
}

export interface RollbackSummary {
  batchId: string;
  kind: string;
  removed: Record<string, number>;
}

/** The summary every entry point prints or answers (`--json`, HTTP, inbox reports): first reasons as text. */
export function importSummaryJson(summary: ImportSummary) {
  const { batchId, accepted, rejected, duplicates, seconds, rejections, kind, profile, fileName, flagged, flags, notes } = summary;
  const lines = (samples: RejectionSample[]) => samples.map((sample) => `line ${sample.line}: ${sample.reason}`);
  return { batchId, accepted, rejected, duplicates, seconds, rejections: lines(rejections), kind, profile, fileName, flagged, flags: lines(flags), notes };
}
export type ImportSummaryJson = ReturnType<typeof importSummaryJson>;
