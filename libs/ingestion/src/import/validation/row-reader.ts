import type { CellValue, SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';
import { KIND_FIELDS } from '../profiles/import-kinds';
import type { ColumnMapping } from '../profiles/mapping-profile';
import { FieldProblem, parseCode, textOf } from './field-values';

/** Why a row was refused: the column a person sees in the file, and a sentence about it. */
export class RowRejection extends Error {
  constructor(
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Reads logical fields of one record through a column mapping; every failure becomes a RowRejection
 * that names the file's column. Records arrive through the PersonalDataGuard, so personal fields
 * hold pseudonyms; even those are never repeated in a reason.
 */
export class RowReader {
  private record: SourceRecord = { line: 0, values: [] };
  private readonly sensitive: Set<string>;

  constructor(
    readonly mapping: ColumnMapping,
    readonly headers: string[],
  ) {
    this.sensitive = new Set(
      Object.entries(KIND_FIELDS[mapping.kind])
        .filter(([, spec]) => spec.sensitive)
        .map(([field]) => field),
    );
  }

  load(record: SourceRecord): this {
    this.record = record;
    return this;
  }

  get line(): number {
    return this.record.line;
  }

  column(field: string): string {
    const index = this.mapping.columns[field];
    return index === undefined ? field : this.headers[index];
  }

  /** The trimmed cell, or null when the column is absent or the cell empty. */
  value(field: string): CellValue {
    const index = this.mapping.columns[field];
    if (index === undefined) return null;
    const value = this.record.values[index] ?? null;
    return typeof value === 'string' ? textOf(value) : value;
  }

  has(field: string): boolean {
    return this.value(field) !== null;
  }

  fail(field: string | null, zh: string, en: string): never {
    const column = field === null ? null : this.column(field);
    throw new RowRejection(column, column === null ? bilingual(zh, en) : bilingual(`列“${column}”：${zh}`, `column ${column}: ${en}`));
  }

  required<T>(field: string, parse: (value: CellValue) => T): T {
    const value = this.value(field);
    if (value === null) this.fail(field, '缺少必填值', 'a value is required');
    return this.parse(field, value, parse);
  }

  optional<T>(field: string, parse: (value: CellValue) => T): T | null {
    const value = this.value(field);
    return value === null ? null : this.parse(field, value, parse);
  }

  text(field: string): string {
    return this.required(field, (value) => String(value));
  }

  optionalText(field: string): string | null {
    return this.optional(field, (value) => String(value));
  }

  code<T extends string>(field: string, options: { allowed: readonly T[]; synonyms: Record<string, T>; what: [string, string]; advice?: Record<string, [string, string]> }): T {
    return this.required(field, (value) => parseCode(value, options, this.mapping.profile.values?.[field]));
  }

  optionalCode<T extends string>(field: string, options: { allowed: readonly T[]; synonyms: Record<string, T>; what: [string, string]; advice?: Record<string, [string, string]> }): T | null {
    return this.optional(field, (value) => parseCode(value, options, this.mapping.profile.values?.[field]));
  }

  /** A master named by code (or unambiguous name) that must already exist. */
  ref<T>(field: string, options: { in: Map<string, T>; what: [string, string] }): T {
    return this.required(field, (value) => this.lookup(value, options));
  }

  optionalRef<T>(field: string, options: { in: Map<string, T>; what: [string, string] }): T | null {
    return this.optional(field, (value) => this.lookup(value, options));
  }

  private lookup<T>(value: CellValue, options: { in: Map<string, T>; what: [string, string] }): T {
    const found = options.in.get(String(value).trim());
    if (found === undefined) {
      throw new FieldProblem(`未知的${options.what[0]}“${String(value).slice(0, 60)}”，请先导入相应的主数据`, `unknown ${options.what[1]} "${String(value).slice(0, 60)}"; import it first`);
    }
    return found;
  }

  private parse<T>(field: string, value: CellValue, parse: (value: CellValue) => T): T {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      if (this.sensitive.has(field)) this.fail(field, '值无效（出于隐私不显示）', 'invalid value (not shown, for privacy)');
      return this.fail(field, error.zh, error.en);
    }
  }
}
