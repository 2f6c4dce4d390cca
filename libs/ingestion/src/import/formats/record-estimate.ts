import type { FileFormat, TextEncoding } from './record-stream';

const NEWLINE = 0x0a;

/**
 * Counts a file's newlines in its encoding. In UTF-8 and GB18030 the byte 0x0A is never part of
 * another character; in UTF-16 a newline is the code unit 0x000A, two bytes, and any character
 * may have a 0x0A byte (U+0A00–U+0AFF, or 上 U+4E0A), so only whole aligned units count.
 */
class NewlineCounter {
  lines = 0;
  endsWithNewline = true;
  /** The odd byte of a UTF-16 chunk, to pair with the next chunk's first. */
  private carry: Buffer | null = null;

  constructor(private readonly encoding: TextEncoding) {}

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.encoding !== 'utf16le' && this.encoding !== 'utf16be') {
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) this.lines++;
      this.endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
      return;
    }
    const data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const even = data.length - (data.length % 2);
    this.carry = even < data.length ? data.subarray(even) : null;
    if (even === 0) return;
    // the newline's 0x0A is the low byte: first of the unit in little-endian, second in big-endian
    const [low, high] = this.encoding === 'utf16le' ? [0, 1] : [1, 0];
    for (let at = data.indexOf(NEWLINE); at !== -1 && at < even; at = data.indexOf(NEWLINE, at + 1)) {
      if (at % 2 === low && data[at - low + high] === 0) this.lines++;
    }
    this.endsWithNewline = data[even - 2 + low] === NEWLINE && data[even - 2 + high] === 0;
  }
}

/**
 * About how many records a file holds, for an import's progress: its lines for the line-based
 * formats (less the header of a CSV; a quoted value spanning lines or a blank line makes it an
 * estimate). It counts the bytes it is fed rather than reading the file itself, so the one read
 * that hashes the file also gives the estimate.
 */
export class RecordEstimate {
  private readonly counter: NewlineCounter;

  private constructor(
    private readonly format: 'csv' | 'ndjson',
    encoding: TextEncoding,
  ) {
    this.counter = new NewlineCounter(encoding);
  }

  /** Null for the formats without a cheap count: workbooks, JSON arrays and Arrow. */
  static of(format: FileFormat, encoding: TextEncoding = 'utf8'): RecordEstimate | null {
    return format === 'csv' || format === 'ndjson' ? new RecordEstimate(format, encoding) : null;
  }

  /** The file's next bytes, in order. */
  add(chunk: Buffer): void {
    this.counter.add(chunk);
  }

  /** The estimate once every byte was added. */
  get records(): number {
    const lines = this.counter.lines + (this.counter.endsWithNewline ? 0 : 1);
    return Math.max(0, this.format === 'csv' ? lines - 1 : lines);
  }
}
