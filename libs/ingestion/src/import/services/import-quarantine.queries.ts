export const QUARANTINE_BATCH_SQL = 'SELECT kind, file_name, status, headers FROM import_batch WHERE id = $1';

/** A batch's refused rows in the order of the file, then its flagged ones (stored, with a warning). */
export const QUARANTINE_ROWS_SQL = `SELECT line, field, reason, severity, raw FROM quarantine_row WHERE batch_id = $1 ORDER BY severity = 'flagged', line, id`;

export interface QuarantineBatchRow {
  kind: string;
  file_name: string;
  status: string;
  headers: string[] | null;
}

export interface QuarantineRow {
  line: number;
  field: string | null;
  reason: string;
  severity: 'rejected' | 'flagged';
  raw: Record<string, unknown>;
}
