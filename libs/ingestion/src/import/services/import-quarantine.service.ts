import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { bilingual } from '../messages';
import { QUARANTINE_BATCH_SQL, QUARANTINE_ROWS_SQL, QuarantineBatchRow, QuarantineRow } from './import-quarantine.queries';
import { quarantineCsv } from './quarantine-csv';

export interface QuarantineExport {
  batchId: string;
  kind: string;
  fileName: string;
  /** Rows refused, and rows stored but flagged for a person to check. */
  rows: number;
  flagged: number;
  csv: string;
}

/** Every row a batch refused, not only the first ones its summary shows, to be corrected and imported again; then the rows it flagged. */
@Injectable()
export class ImportQuarantineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(batchId: string): Promise<QuarantineExport> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(batchId);
    const [batch] = uuid ? await query<QuarantineBatchRow>(this.dataSource, QUARANTINE_BATCH_SQL, [batchId]) : [];
    if (!batch) throw new LarderError('NOT_FOUND', bilingual(`没有编号为 ${batchId} 的导入批次`, `no import batch ${batchId}`));
    const rows = await query<QuarantineRow>(this.dataSource, QUARANTINE_ROWS_SQL, [batchId]);
    const flagged = rows.filter((row) => row.severity === 'flagged').length;
    return { batchId, kind: batch.kind, fileName: batch.file_name, rows: rows.length - flagged, flagged, csv: quarantineCsv(rows, batch.headers) };
  }
}
