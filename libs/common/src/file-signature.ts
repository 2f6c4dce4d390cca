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

/** The first byte of text that is not blank space, after any UTF-8 byte order mark; undefined when the head holds only blank space. */
export function firstTextCharacter(head: Uint8Array): number | undefined {
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let index = start; index < head.length; index++) if (!BLANK.has(head[index])) return head[index];
  return undefined;
}

/**
 * What a file's first bytes say it is, whatever its name claims: the one rule for the importer and
 * `larder backtest`. Null for binary data of no known kind (a zero byte).
 */
export function sniffFileFormat(head: Uint8Array): FileSignature | null {
  for (const { bytes, format } of SIGNATURES) if (startsWith(head, bytes)) return format;
  if (head.includes(0)) return null;
  const first = firstTextCharacter(head);
  if (first === 0x5b) return 'json';
  if (first === 0x7b) return 'ndjson';
  return 'csv';
}
