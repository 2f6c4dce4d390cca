import type { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import type { Font, PageSetup } from 'exceljs';

/**
 * How every Larder workbook prints: one font family, A4 in the orientation its columns need,
 * fitted to one page wide, title and header rows repeated on each page. Every sheet of every
 * report takes its page setup from here.
 */

/** A font that has every Chinese character a canteen or dish name may use (CI installs fonts-noto-cjk). */
export const REPORT_FONT_NAME = 'Noto Sans CJK SC';
export const BODY_FONT_SIZE = 10;

/** Usable widths of A4 inside the margins, in spreadsheet column-width units of the body font. */
export const A4_COLUMN_UNITS = { portrait: 92, landscape: 136 } as const;

const LINE_HEIGHT_POINTS = 14;

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

export function reportFont(extra: Partial<Font> = {}): Partial<Font> {
  return { name: REPORT_FONT_NAME, family: 2, size: BODY_FONT_SIZE, ...extra };
}

/**
 * A streaming workbook whose default font (the "Normal" style, which also sets the unit of the
 * column widths) is the report font: cells without a font of their own print in it too.
 */
export function createReportWorkbook(output: Writable, options: { fastZip?: boolean; generatedAt: Date }): WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    ...(options.fastZip ? { zip: { zlib: { level: 1 } } } : {}),
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  workbook.creator = 'Larder';
  workbook.created = options.generatedAt;
  // The first font added becomes font 0, the default every style starts from.
  (workbook as unknown as { styles: { _addFont(font: Partial<Font>): number } }).styles._addFont(reportFont());
  return workbook;
}

export function orientationFor(totalWidth: number): 'portrait' | 'landscape' {
  return totalWidth <= A4_COLUMN_UNITS.portrait ? 'portrait' : 'landscape';
}

/**
 * A4, fitted to one page wide (as many pages down as it takes, or one with `onePage`), rows
 * 1..repeatRows on every page.
 */
export function a4PageSetup(totalWidth: number, repeatRows: number | null, options: { onePage?: boolean } = {}): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation: orientationFor(totalWidth),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: options.onePage ? 1 : 0,
    horizontalCentered: true,
    ...(repeatRows === null ? {} : { printTitlesRow: `1:${repeatRows}` }),
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of a text in column-width units: CJK and other wide characters take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE_CHAR.test(char) ? 2 : 1;
  return width;
}

/**
 * Lines a text takes when wrapped at this many units, as a spreadsheet wraps it: at spaces, between
 * any two wide (CJK) characters, and inside a word only when the word alone is wider than the line.
 */
export function wrappedLineCount(text: string, units: number): number {
  const limit = Math.max(1, units);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // Words of narrow characters (with their trailing space) and single wide characters.
    const pieces = paragraph.match(/[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+\s*|\s+|./gu) ?? [];
    let used = 0;
    lines += 1;
    for (const piece of pieces) {
      const width = textWidth(piece.trimEnd());
      if (used > 0 && used + width > limit) {
        lines += 1;
        used = 0;
      }
      if (width > limit && !WIDE_CHAR.test(piece)) {
        lines += Math.ceil(width / limit) - 1;
        used = width % limit;
      } else {
        used += textWidth(piece);
      }
    }
  }
  return lines;
}

/** The height a wrapped text needs in a cell of this width: readers do not grow merged rows themselves. */
export function wrappedRowHeight(text: string, width: number): number {
  return wrappedLineCount(text, width - 2) * LINE_HEIGHT_POINTS + 2;
}
