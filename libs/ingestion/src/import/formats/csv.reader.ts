import { parse, CsvError, Info } from 'csv-parse';
import { fileError } from '../messages';
import { RecordStream, SourceRecord, TextEncoding } from './record-stream';
import { openTextStream } from './text-encoding';

/** Longest single record accepted: an unclosed quote would otherwise swallow the rest of the file. */
const MAX_RECORD_CHARS = 1024 * 1024;

/** Picks the separator that the header line uses most: vendors export with commas, tabs or semicolons. */
export function detectDelimiter(headerLine: string): string {
  const counts = [',', '\t', ';', '|'].map((delimiter) => ({ delimiter, count: headerLine.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ',';
}

function describeCsvError(fileName: string, error: CsvError) {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
    return fileError('VALIDATION_FAILED', fileName, `文件被截断或引号未闭合（第 ${error.lines ?? '?'} 行附近）`, `the file is truncated or a quote is never closed (near line ${error.lines ?? '?'})`);
  }
  return fileError('VALIDATION_FAILED', fileName, `CSV 格式错误（第 ${error.lines ?? '?'} 行）：${error.message}`, `malformed CSV at line ${error.lines ?? '?'}: ${error.message}`);
}

interface ParsedRow {
  record: string[];
  info: Info;
}

export async function readCsv(options: { path: string; fileName: string; encoding: TextEncoding; headerSample: string }): Promise<RecordStream> {
  const { fileName } = options;
  const firstLine = options.headerSample.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const parser = openTextStream(options).pipe(
    parse({ delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_CHARS }),
  );
  const iterator: AsyncIterator<ParsedRow> = parser[Symbol.asyncIterator]();
  const next = async (): Promise<IteratorResult<ParsedRow>> => {
    try {
      return await iterator.next();
    } catch (error) {
      throw error instanceof CsvError ? describeCsvError(fileName, error) : error;
    }
  };
  const first = await next();
  if (first.done) throw fileError('VALIDATION_FAILED', fileName, '文件没有表头行', 'the file has no header line');
  const headers = first.value.record.map((header) => header.trim());

  async function* records(): AsyncGenerator<SourceRecord> {
    try {
      for (let row = await next(); !row.done; row = await next()) {
        yield { line: row.value.info.lines, values: row.value.record };
      }
    } finally {
      parser.destroy();
    }
  }
  const generator = records();
  const close = async () => {
    parser.destroy();
    await generator.return(undefined);
  };
  return { format: 'csv', encoding: options.encoding, sheet: null, headers, records: generator, close };
}
