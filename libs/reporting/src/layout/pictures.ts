import type { Worksheet } from 'exceljs';
import type { WorkbookWriter } from './report-sheet';

/** A PNG placed with its top-left corner at a cell (0-based column and row), at its own size. */
export interface Picture {
  png: Buffer;
  column: number;
  row: number;
  widthPx: number;
  heightPx: number;
  description: string;
}

const EMU_PER_PX = 9525;
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The parts of exceljs's streaming writer this file extends; exceljs 4 streams cells but not drawings. */
interface WriterInternals {
  zip: { append(data: string | Buffer, options: { name: string }): void };
  getImage(id: number): { name: string };
  addContentTypes(): Promise<void>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown[];
}

interface SheetInternals {
  _sheetRelsWriter: { addRelationship(relation: { Target: string; Type: string }): string };
  _writeRowBreaks(): void;
  stream: { write(text: string): void };
}

const drawingsOf = new WeakMap<object, string[]>();

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

function anchorXml(picture: Picture, index: number): string {
  const cx = picture.widthPx * EMU_PER_PX;
  const cy = picture.heightPx * EMU_PER_PX;
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${picture.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(picture.description)}"/>` +
    `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${index + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

/**
 * Embeds pictures in a sheet of exceljs's streaming writer: adds the images as media, writes a
 * drawing part with its relationships, links it from the sheet and declares it in the content
 * types. Call before the sheet is committed.
 */
export function addPictures(workbook: WorkbookWriter, worksheet: Worksheet, pictures: Picture[]): void {
  if (pictures.length === 0) return;
  const writer = workbook as unknown as WriterInternals;
  const sheet = worksheet as unknown as SheetInternals;
  const drawings = drawingsOf.get(workbook) ?? [];
  if (!drawingsOf.has(workbook)) {
    drawingsOf.set(workbook, drawings);
    // The streaming writer lists no drawings in [Content_Types].xml; add ours.
    writer.addContentTypes = function addContentTypes(this: WriterInternals) {
      const ContentTypesXform = require('exceljs/lib/xlsx/xform/core/content-types-xform') as new () => { toXml(model: object): string };
      const model = {
        worksheets: this._worksheets.filter(Boolean),
        sharedStrings: this.sharedStrings,
        commentRefs: this.commentRefs,
        media: this.media,
        drawings: drawings.map((name) => ({ name })),
      };
      this.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
      return Promise.resolve();
    };
  }
  const name = `drawing${drawings.length + 1}`;
  drawings.push(name);
  const imageRels = pictures.map((picture, index) => {
    const imageId = workbook.addImage({ buffer: picture.png as unknown as ArrayBuffer, extension: 'png' });
    return `<Relationship Id="rId${index + 1}" Type="${IMAGE_REL}" Target="../media/${writer.getImage(imageId).name}"/>`;
  });
  writer.zip.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      pictures.map(anchorXml).join('') +
      '</xdr:wsDr>',
    { name: `xl/drawings/${name}.xml` },
  );
  writer.zip.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + imageRels.join('') + '</Relationships>',
    { name: `xl/drawings/_rels/${name}.xml.rels` },
  );
  const relationId = sheet._sheetRelsWriter.addRelationship({ Target: `../drawings/${name}.xml`, Type: DRAWING_REL });
  const writeRowBreaks = sheet._writeRowBreaks.bind(sheet);
  // <drawing> belongs after the header/footer and row breaks and before any legacy drawing.
  sheet._writeRowBreaks = () => {
    writeRowBreaks();
    sheet.stream.write(`<drawing r:id="${relationId}"/>`);
  };
}
