import { posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ZipArchive } from './zip-inspector';

/**
 * ExcelJS's streaming reader walks the zip once in stored order, and that pass does not reliably deliver
 * the last entry (exceljs#3064). ExcelJS itself stores xl/workbook.xml last, so a read now and then failed
 * with "reading 'sheets'" on a sound file. Larder reads each part through the central directory instead
 * and hands it to the reader's own part parsers in the order they depend on one another: relationships,
 * workbook, shared strings, styles, then the one sheet wanted. Those parsers are not ExcelJS's public API;
 * the version is pinned by the lock and the readers' tests exercise every one of them.
 */
interface WorkbookParts {
  model?: { sheets?: { name: string; rId: string; id: number; state?: string }[] };
  workbookRels?: { Id: string; Type?: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

export interface WorkbookSheet {
  name: string;
  /** the sheet's part inside the archive, e.g. xl/worksheets/sheet2.xml */
  part: string;
  /** false for a tab hidden in Excel: a person calling a sheet "the first" means the first they see */
  visible: boolean;
}

const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** Chart, dialog and macro sheets are tabs too, but hold no rows. */
const WORKSHEET_TYPE = /\/relationships\/worksheet$/;

function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
}

export class XlsxWorkbook {
  private constructor(
    private readonly archive: ZipArchive,
    private readonly parts: WorkbookParts,
    /** in the workbook's tab order, which is what a person calls the first sheet */
    readonly sheets: WorkbookSheet[],
  ) {}

  static async open(archive: ZipArchive): Promise<XlsxWorkbook> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    const parts = reader as unknown as WorkbookParts;
    const names = new Set(archive.entries.map((entry) => entry.name));
    // A zip stream not read to its end keeps the file open after the archive is closed; whether
    // ExcelJS's parsers read a part to its end is theirs to decide, so each part is destroyed once parsed.
    const parse = async (name: string, parser: (entry: Readable) => Promise<void>) => {
      if (!names.has(name)) return;
      const entry = await archive.open(name);
      try {
        await parser(entry);
      } finally {
        entry.destroy();
      }
    };
    await parse(WORKBOOK_RELS, (entry) => parts._parseRels(entry));
    await parse(WORKBOOK, (entry) => parts._parseWorkbook(entry));
    await parse(SHARED_STRINGS, async (entry) => {
      // the strings are cached on the reader as they are parsed; in that mode the generator yields nothing
      const strings = parts._parseSharedStrings(entry);
      while (!(await strings.next()).done) continue;
    });
    await parse(STYLES, (entry) => parts._parseStyles(entry));
    const worksheets = (parts.workbookRels ?? []).filter((rel) => WORKSHEET_TYPE.test(rel.Type ?? ''));
    const targets = new Map(worksheets.map((rel) => [rel.Id, partOf(rel.Target)]));
    const sheets = (parts.model?.sheets ?? []).flatMap((sheet) => {
      const part = targets.get(sheet.rId);
      return part ? [{ name: sheet.name, part, visible: sheet.state === undefined || sheet.state === 'visible' }] : [];
    });
    return new XlsxWorkbook(archive, parts, sheets);
  }

  async rows(sheet: WorkbookSheet): Promise<{ rows: AsyncIterator<ExcelJS.Row>; stop(): void }> {
    const bytes = await this.archive.open(sheet.part);
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheet.part)?.[1] ?? '0';
    const [{ value: worksheet }] = [...this.parts._parseWorksheet(bytes, sheetNo)];
    return { rows: (worksheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator](), stop: () => bytes.destroy() };
  }

  close(): void {
    this.archive.close();
  }
}
