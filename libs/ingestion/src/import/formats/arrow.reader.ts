import { open } from 'node:fs/promises';
import { DataType, Field, RecordBatchReader, Timestamp } from 'apache-arrow';
import { fileError } from '../messages';
import { CellValue, FileFormat, RecordStream, SourceRecord } from './record-stream';

type Converter = (value: unknown) => CellValue;

function isoWallClock(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** A timestamp with a zone is an instant; one without is a wall-clock time in the canteen's zone, as pandas writes local times. */
function converterFor(field: Field): Converter {
  const type = field.type;
  if (DataType.isTimestamp(type)) {
    const zoned = Boolean((type as Timestamp).timezone);
    return (value) => {
      if (value === null || value === undefined) return null;
      const ms = value instanceof Date ? value.getTime() : Number(value);
      return zoned ? new Date(ms).toISOString() : isoWallClock(ms);
    };
  }
  if (DataType.isDate(type)) {
    return (value) => (value === null || value === undefined ? null : new Date(value instanceof Date ? value.getTime() : Number(value)).toISOString().slice(0, 10));
  }
  return (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (value instanceof Date) return value.toISOString();
    if (typeof (value as { toArray?: unknown }).toArray === 'function') return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray(), String).join(';');
    return String(value);
  };
}

export async function readArrow(options: { path: string; fileName: string; format: FileFormat }): Promise<RecordStream> {
  const { fileName } = options;
  const damaged = (error: unknown) =>
    fileError('VALIDATION_FAILED', fileName, `Arrow 文件被截断或已损坏：${(error as Error).message}`, `the Arrow file is truncated or damaged: ${(error as Error).message}`);
  const handle = await open(options.path, 'r');
  let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>;
  try {
    reader = await RecordBatchReader.from(handle);
    await reader.open();
  } catch (error) {
    await handle.close();
    throw damaged(error);
  }
  const fields = reader.schema.fields;
  const headers = fields.map((field) => field.name);
  const converters = fields.map(converterFor);

  async function* records(): AsyncGenerator<SourceRecord> {
    let line = 0;
    try {
      for await (const batch of reader) {
        const columns = fields.map((_, index) => batch.getChildAt(index));
        for (let row = 0; row < batch.numRows; row++) {
          line++;
          yield { line, values: columns.map((column, index) => converters[index](column?.get(row))) };
        }
      }
    } catch (error) {
      throw damaged(error);
    } finally {
      await closeOnce();
    }
  }
  let closed = false;
  const closeOnce = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const generator = records();
  const close = async () => {
    await generator.return(undefined);
    await closeOnce();
  };
  return { format: options.format, encoding: null, sheet: null, headers, records: generator, close };
}
