import { QueryRunner } from 'typeorm';
import { CopyTarget, TableCopier } from '@larder/database';

export interface QuarantineEntry {
  line: number;
  field: string | null;
  reason: string;
  raw: Record<string, unknown>;
}

const TARGET: CopyTarget<QuarantineEntry & { batchId: string; fileName: string }> = {
  table: 'quarantine_row',
  columns: ['batch_id', 'file_name', 'line', 'field', 'reason', 'raw'],
  values: (row) => [row.batchId, row.fileName, row.line, row.field, row.reason, JSON.stringify(row.raw)],
};

/** Refused rows go to quarantine_row through COPY, so a file full of bad rows costs no more than a good one. */
export class QuarantineWriter {
  count = 0;
  readonly first: Omit<QuarantineEntry, 'raw'>[] = [];

  private constructor(
    private readonly copier: TableCopier<QuarantineEntry & { batchId: string; fileName: string }>,
    private readonly batch: { batchId: string; fileName: string },
  ) {}

  static async open(options: { runner: QueryRunner; batchId: string; fileName: string }): Promise<QuarantineWriter> {
    return new QuarantineWriter(await TableCopier.open(options.runner, TARGET), { batchId: options.batchId, fileName: options.fileName });
  }

  get fileName(): string {
    return this.batch.fileName;
  }

  async add(entry: QuarantineEntry): Promise<void> {
    this.count++;
    if (this.first.length < 20) this.first.push({ line: entry.line, field: entry.field, reason: entry.reason });
    await this.copier.add({ ...entry, ...this.batch });
  }

  async flush(): Promise<void> {
    await this.copier.flush();
  }
}
