import { ValueType } from 'exceljs';
import type { Cell, Font, Row, Worksheet } from 'exceljs';
import { CellInput, columnLetter, FORMATS, isFormula, isText } from './cells';
import { a4PageSetup, BODY_FONT_SIZE, reportFont, textWidth, WorkbookWriter, wrappedRowHeight } from './print-setup';

export type { WorkbookWriter } from './print-setup';

export interface ColumnSpec {
  header: string;
  width: number;
  /** Number format for numbers, dates and formulas; text cells are always in Text format. */
  format?: string;
}

export interface SheetFrame {
  name: string;
  title: string;
  subtitle: string;
  columns: ColumnSpec[];
  /** False for a sheet without a table (charts): no header row and no filter. */
  table?: boolean;
  /** Printed on one page, width and height (a one-page summary). */
  onePage?: boolean;
  /** Page header left and right, page footer left; page numbers are added on the right of the footer. */
  pageHeader: { left: string; right: string };
  pageFooter: { left: string; pageOf: string };
}

/** note: a remark in grey italics; paragraph: body text; both wrapped across the table's width. */
export type RowStyle = 'plain' | 'total' | 'note' | 'section' | 'paragraph';

const HEADER_ROW = 3;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const BORDER = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const GREY = { argb: 'FF595959' };

/** The width a header's longest word of narrow characters needs in bold, with the cell's padding (wide characters wrap anywhere). */
function headerWordWidth(header: string): number {
  const words = header.split(/[\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/u);
  return Math.max(0, ...words.map((word) => Math.ceil(textWidth(word) * 1.1) + 1));
}

/** Text in a page header or footer: & starts a code there, so a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * One printable table on a streamed worksheet: title and subtitle rows, a frozen header row with an
 * autofilter, the page setup every report shares (print-setup.ts), title rows repeated on every
 * printed page. Rows are written and committed in order, so memory stays bounded however long the
 * sheet is.
 */
export class ReportSheet {
  private nextRow = FIRST_DATA_ROW;
  private lastTableRow = HEADER_ROW;
  private tableOpen = true;

  private constructor(
    readonly worksheet: Worksheet,
    private readonly columns: ColumnSpec[],
    private readonly hasTable: boolean,
  ) {}

  static open(workbook: WorkbookWriter, given: SheetFrame): ReportSheet {
    const hasTable = given.table !== false;
    // A header wraps between words, never inside one: "Participation" is not printed as "Participa / tion".
    const frame = hasTable ? { ...given, columns: given.columns.map((column) => ({ ...column, width: Math.max(column.width, headerWordWidth(column.header)) })) } : given;
    const width = frame.columns.reduce((sum, column) => sum + column.width, 0);
    const worksheet = workbook.addWorksheet(frame.name.slice(0, 31), {
      views: hasTable ? [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: `A${FIRST_DATA_ROW}` }] : [],
      pageSetup: a4PageSetup(width, hasTable ? HEADER_ROW : null, { onePage: frame.onePage === true }),
      headerFooter: {
        oddHeader: `&L${headerText(frame.pageHeader.left)}&R${headerText(frame.pageHeader.right)}`,
        oddFooter: `&L${headerText(frame.pageFooter.left)}&R${headerText(frame.pageFooter.pageOf).replace('{page}', '&P').replace('{pages}', '&N')}`,
      },
    });
    worksheet.columns = frame.columns.map((column) => ({ width: column.width }));
    const sheet = new ReportSheet(worksheet, frame.columns, hasTable);
    sheet.spanning(1, frame.title, reportFont({ bold: true, size: 14 }), 22);
    sheet.spanning(2, frame.subtitle, reportFont({ italic: true, color: GREY }), 15);
    if (!hasTable) {
      sheet.tableOpen = false;
      return sheet;
    }
    const header = worksheet.getRow(HEADER_ROW);
    frame.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = column.header;
      cell.font = reportFont({ bold: true });
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
    });
    // Bold headers are a little wider than body text; the tallest one sets the row.
    header.height = Math.max(32, ...frame.columns.map((column) => wrappedRowHeight(column.header, column.width * 0.9)));
    header.commit();
    return sheet;
  }

  get firstDataRow(): number {
    return FIRST_DATA_ROW;
  }

  /** The row number the next add() writes. */
  get currentRow(): number {
    return this.nextRow;
  }

  /** A1 reference of a column in a row, 1-based column. */
  ref(column: number, row: number): string {
    return `${columnLetter(column)}${row}`;
  }

  sum(column: number, fromRow: number, toRow: number): string {
    return toRow < fromRow ? '0' : `SUM(${this.ref(column, fromRow)}:${this.ref(column, toRow)})`;
  }

  /**
   * Writes a table row; returns its row number. Rows written after endTable() are outside the autofilter.
   * `formats`: number formats of this row's cells where they differ from their column's.
   */
  add(values: CellInput[], style: RowStyle = 'plain', formats: (string | undefined)[] = []): number {
    const number = this.nextRow++;
    const row = this.worksheet.getRow(number);
    values.forEach((value, index) => this.write(row.getCell(index + 1), value, formats[index] ?? this.columns[index]?.format));
    if (style !== 'note' && style !== 'paragraph') this.growForWrappedText(row, values);
    if (style === 'total' || style === 'section') {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = reportFont({ bold: true });
        if (style === 'total') cell.border = { top: BORDER, bottom: { style: 'double', color: { argb: 'FF7F7F7F' } } };
      });
    }
    if (style === 'note' || style === 'paragraph') {
      this.wrapAcross(row, number, style === 'note' ? reportFont({ italic: true, color: GREY }) : reportFont());
    }
    row.commit();
    if (this.tableOpen) this.lastTableRow = number;
    return number;
  }

  /**
   * A label and its text, the text across every other column (a form's "Supplier: …" line under a
   * table), wrapped with the height it needs there rather than squeezed into one narrow column.
   */
  term(label: string, value: string): number {
    const number = this.nextRow++;
    const row = this.worksheet.getRow(number);
    this.write(row.getCell(1), label, undefined);
    this.write(row.getCell(2), { text: value }, undefined);
    const width = this.columns.slice(1).reduce((sum, column) => sum + column.width, 0);
    if (this.columns.length > 2) this.worksheet.mergeCells(number, 2, number, this.columns.length);
    for (const index of [1, 2]) row.getCell(index).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(wrappedRowHeight(label, this.columns[0]?.width ?? width), wrappedRowHeight(value, width));
    row.commit();
    return number;
  }

  /** The workbook's style index for a number format, for rows written as raw XML. */
  styleId(numFmt: string, kind: 'number' | 'text'): number {
    const writer = this.worksheet as unknown as { workbook: { styles: { addStyleModel(model: object, type: number): number } } };
    return writer.workbook.styles.addStyleModel({ numFmt }, kind === 'number' ? ValueType.Number : ValueType.String);
  }

  /**
   * The fast path of long detail sheets: rows already rendered as sheet XML (see rawRowXml), written
   * straight to the sheet's stream after the rows committed so far.
   */
  writeRawRows(xml: string, rows: number): void {
    const writer = this.worksheet as unknown as { stream: { write(text: string): void }; _rowZero: number; startedData: boolean };
    if (!writer.startedData) throw new Error('write the header before raw rows');
    writer.stream.write(xml);
    this.nextRow += rows;
    writer._rowZero = this.nextRow;
    if (this.tableOpen) this.lastTableRow = this.nextRow - 1;
  }

  /**
   * Waits while the zip behind this sheet holds more than a few megabytes not yet compressed:
   * exceljs's streaming writer does not push back on its own, so a fast producer would otherwise
   * pile up the whole sheet in memory.
   */
  async drain(limitBytes = 8 * 1024 * 1024): Promise<void> {
    type Buffered = { writableLength?: number; _writableState?: { length: number }; _readableState?: { length: number } };
    const stream = (this.worksheet as unknown as { stream: { pipes?: Buffered[]; buffers?: unknown[] } }).stream;
    // The sheet is piped into the zip through a PassThrough (readable-stream) whose buffers grow while deflate lags.
    const held = (pipe: Buffered) => (pipe.writableLength ?? pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
    const backlog = () => (stream.pipes?.length ? Math.max(...stream.pipes.map(held)) : (stream.buffers?.length ?? 0) * 65536);
    for (let waited = 0; backlog() > limitBytes && waited < 60_000; waited += 2) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Ends the filterable table (before totals and notes). */
  endTable(): void {
    this.tableOpen = false;
  }

  note(text: string): number {
    this.endTable();
    return this.add([text], 'note');
  }

  blank(): void {
    this.endTable();
    this.nextRow += 1;
  }

  finish(): void {
    if (this.hasTable) {
      this.worksheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(this.lastTableRow, HEADER_ROW), column: this.columns.length } };
    }
    (this.worksheet as unknown as { commit(): void }).commit();
  }

  /** A title row: one cell across the table, wrapped, so a long title stays inside the printed page. */
  private spanning(rowNumber: number, text: string, font: Partial<Font>, minHeight: number): void {
    const row = this.worksheet.getRow(rowNumber);
    row.getCell(1).value = text;
    this.wrapAcross(row, rowNumber, font);
    row.height = Math.max(minHeight, row.height ?? 0);
    row.commit();
  }

  /** The first cell's text wrapped across every column of the sheet, with the height it needs. */
  private wrapAcross(row: Row, rowNumber: number, font: Partial<Font>): void {
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
    const text = typeof cell.value === 'string' ? cell.value : '';
    const width = this.columns.reduce((sum, column) => sum + column.width, 0);
    const scale = (font.size ?? BODY_FONT_SIZE) / BODY_FONT_SIZE;
    if (this.columns.length > 1) this.worksheet.mergeCells(rowNumber, 1, rowNumber, this.columns.length);
    row.height = wrappedRowHeight(text, width / scale) * scale;
  }

  /**
   * Text cells wrap, and the row is given the height of its most wrapped cell: LibreOffice keeps a
   * streamed row at one line's height unless told, which printed only the last line of a long name
   * (two canteens both read "Canteen"). Every cell of a grown row sits at the top, beside the name.
   */
  private growForWrappedText(row: Row, values: CellInput[]): void {
    let height = 0;
    values.forEach((value, index) => {
      const width = this.columns[index]?.width;
      if (width === undefined || !(typeof value === 'string' || isText(value))) return;
      const text = typeof value === 'string' ? value : value.text;
      row.getCell(index + 1).alignment = { wrapText: true, vertical: 'top' };
      height = Math.max(height, wrappedRowHeight(text, width));
    });
    if (height <= wrappedRowHeight('', 1)) return;
    row.height = height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { ...cell.alignment, vertical: 'top' };
    });
  }

  private write(cell: Cell, value: CellInput, format: string | undefined): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'string' || isText(value)) {
      // Never a formula: a string cell in Text format, whatever it starts with.
      cell.value = typeof value === 'string' ? value : value.text;
      cell.numFmt = FORMATS.text;
      return;
    }
    if (isFormula(value)) {
      cell.value = { formula: value.formula, result: value.result ?? undefined } as Cell['value'];
    } else {
      cell.value = value;
    }
    if (format) cell.numFmt = format;
    else if (value instanceof Date) cell.numFmt = FORMATS.date;
  }
}

export type { Row };

/** A cell of a raw row: a number (with a style index) or text, always an inline string, never a formula. */
export type RawCell = { n: number; s: number } | { t: string; s: number } | null;

const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\r': '&#13;' };

function xmlText(text: string): string {
  // Characters XML cannot carry are dropped; a carriage return is kept as a character reference.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"\r]/g, (c) => XML_ESCAPES[c]);
}

const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));

/** One row of sheet XML; the caller guarantees at most 26 columns. */
export function rawRowXml(rowNumber: number, cells: RawCell[]): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    if (cell === null) continue;
    const ref = `${LETTERS[i]}${rowNumber}`;
    xml += 'n' in cell ? `<c r="${ref}" s="${cell.s}"><v>${cell.n}</v></c>` : `<c r="${ref}" s="${cell.s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell.t)}</t></is></c>`;
  }
  return `${xml}</row>`;
}
