import { DataSource, QueryRunner } from 'typeorm';
import { query, TableCopier } from '@larder/database';
import { TableTarget } from './table-targets';

export interface WriteCounts {
  accepted: number;
  duplicates: number;
}

interface Column {
  property: string;
  name: string;
  nullable: boolean;
}

const STAGE = 'larder_stage';
const CHUNK_ROWS = 50_000;
const q = (name: string) => `"${name}"`;

/**
 * Writes one kind's rows: COPY into a temporary staging table shaped like the target, then merge
 * chunk by chunk with set-based SQL (update changed masters, insert new rows, count the rest as
 * duplicates). Works the same on both engines and never holds more than a chunk in memory.
 */
export class TableWriter {
  private staged = 0;
  private readonly counts: WriteCounts = { accepted: 0, duplicates: 0 };
  private copier!: TableCopier<{ row: Record<string, unknown>; line: number }>;
  private readonly table: string;
  private readonly columns: Column[];
  private readonly copied: Column[];

  private readonly target: TableTarget;

  private constructor(
    private readonly options: { runner: QueryRunner; target: TableTarget; batchId: string; sourceIds: boolean },
    dataSource: DataSource,
  ) {
    const { target, sourceIds } = options;
    this.target = sourceIds && target.sourceIdKey ? { ...target, key: target.sourceIdKey, assignId: undefined } : target;
    const metadata = dataSource.getMetadata(options.target.entity);
    this.table = metadata.tableName;
    this.columns = metadata.columns.map((column) => ({ property: column.propertyName, name: column.databaseName, nullable: column.isNullable }));
    this.copied = this.columns.filter((column) => column.property !== 'batchId' && !(this.target.assignId && column.property === 'id'));
  }

  static async open(options: { runner: QueryRunner; target: TableTarget; batchId: string; sourceIds: boolean }): Promise<TableWriter> {
    const writer = new TableWriter(options, options.runner.connection);
    await options.runner.query(`CREATE TEMP TABLE ${STAGE} ON COMMIT DROP AS SELECT * FROM ${q(writer.table)} WITH NO DATA`);
    await options.runner.query(`ALTER TABLE ${STAGE} ADD COLUMN _line integer`);
    writer.copier = await TableCopier.open(options.runner, {
      table: STAGE,
      columns: [...writer.copied.map((column) => column.name), '_line'],
      values: ({ row, line }) => [...writer.copied.map((column) => row[column.property] as never), line],
    });
    return writer;
  }

  async add(row: Record<string, unknown>, line: number): Promise<void> {
    await this.copier.add({ row, line });
    if (++this.staged >= CHUNK_ROWS) await this.merge();
  }

  async finish(): Promise<WriteCounts> {
    await this.merge();
    await this.options.runner.query(`DROP TABLE ${STAGE}`);
    return this.counts;
  }

  private keyMatch(): string {
    const byProperty = new Map(this.columns.map((column) => [column.property, column]));
    return this.target.key
      .map((property) => byProperty.get(property) as Column)
      .map((column) => (column.nullable ? `COALESCE(t.${q(column.name)}::text, '') = COALESCE(s.${q(column.name)}::text, '')` : `t.${q(column.name)} = s.${q(column.name)}`))
      .join(' AND ');
  }

  private async count(sql: string, parameters: unknown[] = []): Promise<number> {
    const [row] = await query<{ n: number }>(this.options.runner, sql, parameters);
    return row.n;
  }

  private async merge(): Promise<void> {
    await this.copier.flush();
    if (this.staged === 0) return;
    this.staged = 0;
    const { batchId } = this.options;
    const target = this.target;
    const match = this.keyMatch();
    const keyColumns = this.columns.filter((column) => target.key.includes(column.property)).map((column) => `s.${q(column.name)}`);
    const inFile = await this.count(
      `WITH d AS (DELETE FROM ${STAGE} s USING (SELECT ctid AS c, row_number() OVER (PARTITION BY ${keyColumns.join(', ')} ORDER BY _line) AS n FROM ${STAGE} s) x
       WHERE s.ctid = x.c AND x.n > 1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    );
    const existing = await this.count(`SELECT count(*)::int AS n FROM ${STAGE} s WHERE EXISTS (SELECT 1 FROM ${q(this.table)} t WHERE ${match})`);
    let updated = 0;
    if (target.mode === 'upsert' && existing > 0) {
      const changing = this.copied.filter((column) => !target.key.includes(column.property) && column.property !== 'id');
      if (changing.length > 0) {
        const list = (alias: string) => changing.map((column) => `${alias}.${q(column.name)}`).join(', ');
        updated = await this.count(
          `WITH u AS (UPDATE ${q(this.table)} t SET ${changing.map((column) => `${q(column.name)} = s.${q(column.name)}`).join(', ')}
           FROM ${STAGE} s WHERE ${match} AND ROW(${list('t')}) IS DISTINCT FROM ROW(${list('s')}) RETURNING 1) SELECT count(*)::int AS n FROM u`,
        );
      }
    }
    const insertColumns = this.copied.map((column) => column.name);
    const selectValues = this.copied.map((column) => `s.${q(column.name)}`);
    if (target.assignId === 'global') {
      insertColumns.push('id');
      selectValues.push(`(SELECT COALESCE(max(id), 0) FROM ${q(this.table)}) + row_number() OVER (ORDER BY s._line)`);
    } else if (target.assignId === 'canteenId') {
      insertColumns.push('id');
      selectValues.push(`COALESCE((SELECT max(m.id) FROM ${q(this.table)} m WHERE m.canteen_id = s.canteen_id), 0) + row_number() OVER (PARTITION BY s.canteen_id ORDER BY s._line)`);
    }
    const parameters: unknown[] = [];
    if (target.batched) {
      insertColumns.push('batch_id');
      selectValues.push('$1::uuid');
      parameters.push(batchId);
    }
    const inserted = await this.count(
      `WITH i AS (INSERT INTO ${q(this.table)} (${insertColumns.map(q).join(', ')})
       SELECT ${selectValues.join(', ')} FROM ${STAGE} s WHERE NOT EXISTS (SELECT 1 FROM ${q(this.table)} t WHERE ${match}) RETURNING 1)
       SELECT count(*)::int AS n FROM i`,
      parameters,
    );
    await this.options.runner.query(`TRUNCATE ${STAGE}`);
    this.counts.accepted += inserted + updated;
    this.counts.duplicates += inFile + existing - updated;
  }
}
