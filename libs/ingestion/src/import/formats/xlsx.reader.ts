import ExcelJS from 'exceljs';
import { LarderError } from '@larder/common';
import { fileError } from '../messages';
import { CellValue, ReadLimits, RecordStream, SourceRecord } from './record-stream';
import { checkDeclaredSizes, openZip, ZipArchive, ZipProblem } from './zip-inspector';

const READ_ENTRIES = /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/;

/** Excel keeps wall-clock times without a zone; ExcelJS hands them over as UTC. Written as local text, the canteen's zone applies. */
function wallClock(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return wallClock(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return String(value);
}

/**
 * A sheet handed over must be read through before asking for the next one: ExcelJS deletes the temp
 * file it spooled the sheet into as soon as it moves on, and an unread sheet would fail on the missing file.
 */
async function drain(worksheet: unknown): Promise<void> {
  const rows = (worksheet as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  while (!(await rows.next()).done) continue;
}

async function inspect(options: { path: string; fileName: string; limits: ReadLimits }): Promise<void> {
  const { path, fileName } = options;
  let archive: ZipArchive | null = null;
  try {
    archive = await openZip(path);
    const { entries } = archive;
    if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
      throw fileError('UNSUPPORTED_FORMAT', fileName, '这是一个 zip 压缩包，但不是 Excel 工作簿', 'this is a zip archive but not an Excel workbook');
    }
    checkDeclaredSizes(entries, options.limits);
    for (const entry of entries.filter((candidate) => READ_ENTRIES.test(candidate.name))) await archive.verify(entry);
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    if (error.kind === 'bomb') {
      throw fileError('PAYLOAD_TOO_LARGE', fileName, `拒绝解压：疑似压缩炸弹或超出大小限制（${error.message}）`, `refused to unpack: a zip bomb or beyond the size limits (${error.message})`);
    }
    throw fileError('VALIDATION_FAILED', fileName, `XLSX 文件被截断或已损坏（${error.message}）`, `the XLSX file is truncated or damaged (${error.message})`);
  } finally {
    archive?.close();
  }
}

export async function readXlsx(options: { path: string; fileName: string; sheet?: string; limits: ReadLimits }): Promise<RecordStream> {
  const { path, fileName } = options;
  await inspect(options);
  const damaged = (error: unknown) =>
    error instanceof LarderError ? error : fileError('VALIDATION_FAILED', fileName, `XLSX 文件已损坏：${(error as Error).message}`, `the XLSX file is damaged: ${(error as Error).message}`);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  let worksheet: ExcelJS.stream.xlsx.WorksheetReader | null = null;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      const candidate = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name: string };
      seen.push(candidate.name);
      if (options.sheet === undefined || candidate.name === options.sheet) {
        worksheet = candidate;
        break;
      }
      await drain(candidate);
    }
  } catch (error) {
    throw damaged(error);
  }
  if (!worksheet) {
    throw fileError('NOT_FOUND', fileName, `没有名为“${options.sheet}”的工作表；现有：${seen.join('、')}`, `no sheet named "${options.sheet}"; the workbook has: ${seen.join(', ')}`);
  }
  const sheetName = (worksheet as unknown as { name: string }).name;
  const rows = (worksheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const nextRow = async () => {
    try {
      return await rows.next();
    } catch (error) {
      throw damaged(error);
    }
  };
  let header = await nextRow();
  while (!header.done && header.value.cellCount === 0) header = await nextRow();
  if (header.done) throw fileError('VALIDATION_FAILED', fileName, `工作表“${sheetName}”是空的`, `sheet "${sheetName}" is empty`);
  const headerValues = header.value.values as ExcelJS.CellValue[];
  const width = headerValues.length - 1;
  const headers = Array.from({ length: width }, (_, index) => String(toCellValue(headerValues[index + 1]) ?? '').trim());

  async function* records(): AsyncGenerator<SourceRecord> {
    for (let row = await nextRow(); !row.done; row = await nextRow()) {
      if (row.value.cellCount === 0) continue;
      const values = row.value.values as ExcelJS.CellValue[];
      yield { line: row.value.number, values: Array.from({ length: width }, (_, index) => toCellValue(values[index + 1])) };
    }
    // the rest of the workbook is read to its end so the zip stream and its temp files are released
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) await drain(next.value);
  }
  const generator = records();
  const close = async () => {
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
    await generator.return(undefined);
  };
  return { format: 'xlsx', encoding: null, sheet: sheetName, headers, records: generator, close };
}
