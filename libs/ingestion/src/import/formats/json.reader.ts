import type { Readable } from 'node:stream';
import { bilingual, fileError } from '../messages';
import { JsonArraySplitter } from './json-array-splitter';
import { CellValue, RecordStream, SourceRecord, TextEncoding } from './record-stream';
import { openTextStream } from './text-encoding';

/** Longest record (an NDJSON line, a JSON array element) accepted, as for CSV: a runaway one would fill memory. */
export const MAX_JSON_RECORD_CHARS = 1024 * 1024;

/**
 * The text's lines, each at most `max` characters: readline would hold a 560 MB line whole before
 * anything could refuse it. `tooLong(line)` is thrown as soon as a line passes the limit.
 */
async function* boundedLines(text: Readable, max: number, tooLong: (line: number) => Error): AsyncGenerator<string> {
  let pending = '';
  let line = 1;
  for await (const chunk of text) {
    let piece = chunk as string;
    let newline = piece.indexOf('\n');
    while (newline >= 0) {
      const whole = pending + piece.slice(0, newline);
      if (whole.length > max) throw tooLong(line);
      yield whole.endsWith('\r') ? whole.slice(0, -1) : whole;
      line++;
      pending = '';
      piece = piece.slice(newline + 1);
      newline = piece.indexOf('\n');
    }
    pending += piece;
    if (pending.length > max) throw tooLong(line);
  }
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

interface JsonItem {
  line: number;
  object: Record<string, unknown> | null;
  problem?: string;
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // lists such as feedback tags arrive as arrays; the field parsers split them again on ';'
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(';');
  return JSON.stringify(value);
}

/**
 * Where JSON.parse stopped, in words of our own: its message may quote the text around the fault
 * (a card number, say), so only the position is kept.
 */
function whereInvalid(error: unknown): { zh: string; en: string } {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return match ? { zh: `（第 ${Number(match[1]) + 1} 个字符处）`, en: ` at character ${Number(match[1]) + 1}` } : { zh: '', en: '' };
}

function asItem(parsed: unknown, line: number): JsonItem {
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { line, object: parsed as Record<string, unknown> };
  return { line, object: null, problem: bilingual('这条记录不是 JSON 对象', 'the record is not a JSON object') };
}

/** The keys of the first object become the header; later objects are read by the same keys. */
async function toRecordStream(options: { format: 'json' | 'ndjson'; fileName: string; encoding: TextEncoding; items: AsyncIterator<JsonItem> }): Promise<RecordStream> {
  const items: JsonItem[] = [];
  let next = await options.items.next();
  // the header comes from the first real object; defective records before it are kept for the quarantine
  while (!next.done && next.value.object === null) {
    items.push(next.value);
    next = await options.items.next();
  }
  if (next.done) throw fileError('VALIDATION_FAILED', options.fileName, '文件中没有任何 JSON 对象记录', 'the file holds no JSON object records');
  items.push(next.value);
  const headers = Object.keys(next.value.object as Record<string, unknown>);
  const toRecord = (item: JsonItem): SourceRecord => {
    if (item.object === null) return { line: item.line, values: headers.map(() => null), problem: item.problem };
    try {
      return { line: item.line, values: headers.map((header) => toCell((item.object as Record<string, unknown>)[header])) };
    } catch {
      // a value nested thousands of levels deep overflows JSON.stringify: the record, not the file, is at fault
      return { line: item.line, values: headers.map(() => null), problem: bilingual('这条记录的值嵌套过深', 'a value of the record is nested too deeply') };
    }
  };
  async function* records(): AsyncGenerator<SourceRecord> {
    for (const item of items) yield toRecord(item);
    for (let item = await options.items.next(); !item.done; item = await options.items.next()) yield toRecord(item.value);
  }
  const generator = records();
  const close = async () => {
    await generator.return(undefined);
    await options.items.return?.(undefined);
  };
  return { format: options.format, encoding: options.encoding, sheet: null, headers, records: generator, close };
}

export async function readJsonArray(options: { path: string; fileName: string; encoding: TextEncoding }): Promise<RecordStream> {
  const { fileName } = options;
  async function* items(): AsyncGenerator<JsonItem> {
    const splitter = new JsonArraySplitter(MAX_JSON_RECORD_CHARS);
    const text = openTextStream(options);
    try {
      for await (const chunk of text) {
        let elements;
        try {
          elements = splitter.push(chunk as string);
        } catch (error) {
          throw fileError('VALIDATION_FAILED', fileName, `JSON 结构错误：${(error as Error).message}`, `malformed JSON: ${(error as Error).message}`);
        }
        for (const element of elements) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(element.text);
          } catch (error) {
            const where = whereInvalid(error);
            throw fileError('VALIDATION_FAILED', fileName, `第 ${element.line} 行的 JSON 无法解析${where.zh}`, `invalid JSON at line ${element.line}${where.en}`);
          }
          yield asItem(parsed, element.line);
        }
      }
    } finally {
      text.destroy();
    }
    if (!splitter.isComplete) {
      throw fileError(
        'VALIDATION_FAILED',
        fileName,
        `文件被截断：JSON 数组在第 ${splitter.currentLine} 行处没有结束`,
        `the file is truncated: the JSON array is not closed (line ${splitter.currentLine})`,
      );
    }
  }
  return toRecordStream({ format: 'json', fileName, encoding: options.encoding, items: items() });
}

export async function readNdjson(options: { path: string; fileName: string; encoding: TextEncoding }): Promise<RecordStream> {
  const { fileName } = options;
  async function* items(): AsyncGenerator<JsonItem> {
    const text = openTextStream(options);
    const tooLong = (line: number) =>
      fileError('VALIDATION_FAILED', fileName, `第 ${line} 行超过 ${MAX_JSON_RECORD_CHARS} 个字符，不是一条记录`, `line ${line} is longer than ${MAX_JSON_RECORD_CHARS} characters: not one record`);
    const lines = boundedLines(text, MAX_JSON_RECORD_CHARS, tooLong);
    let lineNo = 0;
    let pendingError: { line: number; where: { zh: string; en: string } } | null = null;
    try {
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        if (pendingError) yield { line: pendingError.line, object: null, problem: bilingual(`这一行不是有效的 JSON${pendingError.where.zh}`, `the line is not valid JSON${pendingError.where.en}`) };
        pendingError = null;
        try {
          yield asItem(JSON.parse(line), lineNo);
        } catch (error) {
          // only known bad once the next line arrives: a broken last line means a truncated file
          pendingError = { line: lineNo, where: whereInvalid(error) };
        }
      }
    } finally {
      await lines.return(undefined);
      text.destroy();
    }
    if (pendingError) {
      throw fileError(
        'VALIDATION_FAILED',
        fileName,
        `文件被截断：最后一行（第 ${pendingError.line} 行）不是完整的 JSON`,
        `the file is truncated: its last line (${pendingError.line}) is not complete JSON`,
      );
    }
  }
  return toRecordStream({ format: 'ndjson', fileName, encoding: options.encoding, items: items() });
}
