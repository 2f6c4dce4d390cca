import ExcelJS from 'exceljs';
import { LarderError } from '@larder/common';
import { fileError } from '../messages';
import { CellValue, ReadLimits, RecordStream, SourceRecord } from './record-stream';
import { filledCells, TITLE_ROWS_LOOKED_AT, totalRowProblem } from './sheet-layout';
import { WorkbookSheet, XlsxWorkbook } from './xlsx-workbook';
import { checkDeclaredSizes, openZip, ZipArchive, ZipProblem } from './zip-inspector';

/** the parts a read unpacks, each inflated once beforehand to judge it; a sheet elsewhere is held to its declared size as it is read */
const READ_ENTRIES = /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml|_rels\/workbook\.xml\.rels)$/;

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

/** Judges the archive before anything is unpacked for real and hands it over open, or throws one clear error. */
async function inspect(options: { path: string; fileName: string; limits: ReadLimits }): Promise<ZipArchive> {
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
    return archive;
  } catch (error) {
    archive?.close();
    throw error instanceof ZipProblem ? zipFailure(fileName, error) : error;
  }
}

function zipFailure(fileName: string, problem: ZipProblem): LarderError {
  if (problem.kind === 'bomb') {
    return fileError('PAYLOAD_TOO_LARGE', fileName, `拒绝解压：疑似压缩炸弹或超出大小限制（${problem.message}）`, `refused to unpack: a zip bomb or beyond the size limits (${problem.message})`);
  }
  return fileError('VALIDATION_FAILED', fileName, `XLSX 文件被截断或已损坏（${problem.message}）`, `the XLSX file is truncated or damaged (${problem.message})`);
}

/** The sheet asked for by name, or else the first tab a person sees. */
function chooseSheet(options: { sheets: WorkbookSheet[]; wanted?: string; fileName: string }): WorkbookSheet {
  const { sheets, wanted, fileName } = options;
  const sheet = wanted === undefined ? sheets.find((candidate) => candidate.visible) : sheets.find((candidate) => candidate.name === wanted);
  if (sheet) return sheet;
  if (wanted === undefined) throw fileError('VALIDATION_FAILED', fileName, '工作簿里没有可见的工作表', 'the workbook has no visible worksheet');
  const names = sheets.map((candidate) => candidate.name);
  throw fileError('NOT_FOUND', fileName, `没有名为“${wanted}”的工作表；现有：${names.join('、')}`, `no sheet named "${wanted}"; the workbook has: ${names.join(', ')}`);
}

export async function readXlsx(options: { path: string; fileName: string; sheet?: string; limits: ReadLimits }): Promise<RecordStream> {
  const { fileName } = options;
  const archive = await inspect(options);
  const damaged = (error: unknown) =>
    error instanceof LarderError
      ? error
      : error instanceof ZipProblem
        ? zipFailure(fileName, error)
        : fileError('VALIDATION_FAILED', fileName, `XLSX 文件已损坏：${(error as Error).message}`, `the XLSX file is damaged: ${(error as Error).message}`);

  let workbook: XlsxWorkbook;
  let sheet: WorkbookSheet;
  let sheetRows: Awaited<ReturnType<XlsxWorkbook['rows']>>;
  try {
    workbook = await XlsxWorkbook.open(archive);
    sheet = chooseSheet({ sheets: workbook.sheets, wanted: options.sheet, fileName });
    sheetRows = await workbook.rows(sheet);
  } catch (error) {
    archive.close();
    throw damaged(error);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    sheetRows.stop();
    workbook.close();
  };
  const nextRow = async () => {
    try {
      return await sheetRows.rows.next();
    } catch (error) {
      release();
      throw damaged(error);
    }
  };
  type SheetRow = { number: number; cells: ExcelJS.CellValue[] };
  const rowOf = (row: { number: number; values: unknown }): SheetRow => ({ number: row.number, cells: row.values as ExcelJS.CellValue[] });
  const cellValues = (cells: ExcelJS.CellValue[], width: number) => Array.from({ length: width }, (_, index) => toCellValue(cells[index + 1]));
  // A title above the table (消费明细报表 …) is no header: the first row of two or more filled cells is (sheet-layout.ts).
  const leading: SheetRow[] = [];
  let header: SheetRow | null = null;
  while (header === null && leading.length < TITLE_ROWS_LOOKED_AT) {
    const row = await nextRow();
    if (row.done) break;
    if (row.value.cellCount === 0) continue;
    const read = rowOf(row.value);
    if (filledCells(cellValues(read.cells, read.cells.length)) >= 2) header = read;
    else leading.push(read);
  }
  // no row of two cells near the top: the first row is the header as before, the others stay records
  if (header === null) header = leading.shift() ?? null;
  else leading.length = 0;
  if (header === null) {
    release();
    throw fileError('VALIDATION_FAILED', fileName, `工作表“${sheet.name}”是空的`, `sheet "${sheet.name}" is empty`);
  }
  const width = header.cells.length - 1;
  const headers = cellValues(header.cells, width).map((value) => String(value ?? '').trim());
  const record = (row: SheetRow): SourceRecord => {
    const values = cellValues(row.cells, width);
    const problem = totalRowProblem(values);
    return problem === undefined ? { line: row.number, values } : { line: row.number, values, problem };
  };

  async function* records(): AsyncGenerator<SourceRecord> {
    try {
      for (const row of leading) yield record(row);
      for (let row = await nextRow(); !row.done; row = await nextRow()) {
        if (row.value.cellCount === 0) continue;
        yield record(rowOf(row.value));
      }
    } finally {
      release();
    }
  }
  const generator = records();
  const close = async () => {
    release();
    await generator.return(undefined);
  };
  return { format: 'xlsx', encoding: null, sheet: sheet.name, headers, records: generator, close };
}
