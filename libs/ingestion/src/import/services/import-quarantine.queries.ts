export const QUARANTINE_BATCH_SQL = 'SELECT kind, file_name, status FROM import_batch WHERE id = $1';

/** A batch's refused rows in the order of the file (flagged rows were accepted, with a warning). */
export const QUARANTINE_ROWS_SQL = `SELECT line, field, reason, raw FROM quarantine_row WHERE batch_id = $1 AND severity = 'rejected' ORDER BY line, id`;

export interface QuarantineBatchRow {
  kind: string;
  file_name: string;
  status: string;
}

export interface QuarantineRow {
  line: number;
  field: string | null;
  reason: string;
  raw: Record<string, unknown>;
}
