import { byteOrderMark } from './text-encoding';

/**
 * The kinds of file that a file's first bytes can show: a zip (an .xlsx workbook), an OLE compound
 * file (a legacy .xls workbook), an Arrow IPC file or stream, and text — JSON (an array), NDJSON
 * (an object first) or else CSV.
 */
export type FileSignature = 'xlsx' | 'xls' | 'arrow-file' | 'arrow-stream' | 'json' | 'ndjson' | 'csv';

const SIGNATURES: readonly { bytes: readonly number[]; format: FileSignature }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'xlsx' }, // PK\3\4
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], format: 'xls' }, // an OLE compound file's first four bytes
  { bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], format: 'arrow-file' }, // ARROW1
  { bytes: [0xff, 0xff, 0xff, 0xff], format: 'arrow-stream' }, // a message's continuation marker
];

const startsWith = (head: Uint8Array, bytes: readonly number[]) => head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The first character of text that is not blank space, after any byte order mark: a UTF-16 code
 * unit, or the byte of an ASCII-compatible encoding (UTF-8, GB18030); undefined when the head holds
 * only blank space.
 */
export function firstTextCharacter(head: Uint8Array): number | undefined {
  const mark = byteOrderMark(head);
  if (mark === 'utf16le' || mark === 'utf16be') {
    for (let index = 2; index + 1 < head.length; index += 2) {
      const unit = mark === 'utf16le' ? head[index] | (head[index + 1] << 8) : (head[index] << 8) | head[index + 1];
      if (!BLANK.has(unit)) return unit;
    }
    return undefined;
  }
  const start = mark === 'utf8' ? 3 : 0;
  for (let index = start; index < head.length; index++) if (!BLANK.has(head[index])) return head[index];
  return undefined;
}

/**
 * What a file's first bytes say it is, whatever its name claims: the one rule for the importer and
 * `larder backtest`. Null for binary data of no known kind (a zero byte in text that is not UTF-16).
 */
export function sniffFileFormat(head: Uint8Array): FileSignature | null {
  for (const { bytes, format } of SIGNATURES) if (startsWith(head, bytes)) return format;
  const mark = byteOrderMark(head);
  if (mark !== 'utf16le' && mark !== 'utf16be' && head.includes(0)) return null;
  const first = firstTextCharacter(head);
  if (first === 0x5b) return 'json';
  if (first === 0x7b) return 'ndjson';
  return 'csv';
}
