import { parse, CsvError, Info } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { detectDelimiter } from '@larder/domain';
import { fileError } from '../messages';
import { RecordStream, SourceRecord, TextEncoding } from './record-stream';
import { headerRowIndex, TITLE_ROWS_LOOKED_AT, totalRowProblem } from './sheet-layout';
import { openTextStream } from './text-encoding';

/** Longest single record accepted: an unclosed quote would otherwise swallow the rest of the file. */
const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * The parser's own messages quote the cell they stopped at, which may be a card number: say what
 * is wrong and where (line and column header) in words of our own, never the value.
 */
function describeCsvError(fileName: string, error: CsvError, headers: string[] | null) {
  const line = error.lines ?? '?';
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
    return fileError('VALIDATION_FAILED', fileName, `文件被截断或引号未闭合（第 ${line} 行附近）`, `the file is truncated or a quote is never closed (near line ${line})`);
  }
  const index = typeof error.column === 'number' ? error.column : null;
  const header = index === null ? null : headers === null ? `第 ${index + 1} 列` : (headers[index] ?? `第 ${index + 1} 列`);
  const column = index === null ? null : headers === null ? `column ${index + 1}` : (headers[index] ?? `column ${index + 1}`);
  const where = { zh: `第 ${line} 行${header === null ? '' : `“${header}”列`}`, en: `line ${line}${column === null ? '' : `, column ${column}`}` };
  const problem: Record<string, [string, string]> = {
    INVALID_OPENING_QUOTE: ['值的中间出现了引号，应整体加引号并把引号写成两个', 'a quote inside an unquoted value; quote the whole value and double the quote'],
    CSV_INVALID_CLOSING_QUOTE: ['引号后面紧跟了其他字符', 'a closing quote is followed by other characters'],
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: ['引号后面紧跟了其他字符', 'a closing quote is followed by other characters'],
  };
  const [zh, en] = problem[error.code] ?? [`CSV 格式错误（${error.code}）`, `malformed CSV (${error.code})`];
  return fileError('VALIDATION_FAILED', fileName, `${where.zh}：${zh}（为保护隐私不显示该值）`, `malformed CSV at ${where.en}: ${en} (the value is not shown, for privacy)`);
}

function sampleHeaders(firstLine: string, delimiter: string): string[] | null {
  try {
    const [row] = parseSync(firstLine, { delimiter, relax_column_count: true }) as string[][];
    return row ? row.map((header) => header.trim()) : null;
  } catch {
    return null;
  }
}

interface ParsedRow {
  record: string[];
  info: Info;
}

/** The header line among the sample's first lines (a title or a blank line may stand above it) and its delimiter. */
function findHeaderLine(sample: string): { lineNumber: number; text: string; delimiter: string } {
  // the sample's last line may be cut off; it is only looked at when the file is shorter than the lookahead
  const lines = sample.replace(/^\uFEFF/, '').split(/\r?\n/, TITLE_ROWS_LOOKED_AT);
  const cells = lines.map((line) => sampleHeaders(line, detectDelimiter(line)) ?? []);
  const index = headerRowIndex(cells);
  const text = lines[index] ?? '';
  return { lineNumber: index + 1, text, delimiter: detectDelimiter(text) };
}

export async function readCsv(options: { path: string; fileName: string; encoding: TextEncoding; headerSample: string }): Promise<RecordStream> {
  const { fileName } = options;
  const { lineNumber, text: firstLine, delimiter } = findHeaderLine(options.headerSample);
  const parser = openTextStream(options).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_CHARS, from_line: lineNumber }));
  const iterator: AsyncIterator<ParsedRow> = parser[Symbol.asyncIterator]();
  // A fault in a small file surfaces before its header row is handed out: name columns from the sample.
  let headers: string[] | null = sampleHeaders(firstLine, delimiter);
  const next = async (): Promise<IteratorResult<ParsedRow>> => {
    try {
      return await iterator.next();
    } catch (error) {
      throw error instanceof CsvError ? describeCsvError(fileName, error, headers) : error;
    }
  };
  const first = await next();
  if (first.done) throw fileError('VALIDATION_FAILED', fileName, '文件没有表头行', 'the file has no header line');
  const names = first.value.record.map((header) => header.trim());
  headers = names;

  async function* records(): AsyncGenerator<SourceRecord> {
    try {
      for (let row = await next(); !row.done; row = await next()) {
        const problem = totalRowProblem(row.value.record);
        yield problem === undefined ? { line: row.value.info.lines, values: row.value.record } : { line: row.value.info.lines, values: row.value.record, problem };
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
  return { format: 'csv', encoding: options.encoding, sheet: null, headers: names, records: generator, close };
}
