import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * Reads a zip's central directory (the table of contents at its end) without unpacking anything,
 * so a workbook's declared sizes can be judged before a single byte is inflated; then inflates the
 * entries a reader will use, counting bytes, to catch archives whose declarations lie.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipProblem extends Error {
  constructor(readonly kind: 'truncated' | 'damaged' | 'zip64' | 'bomb', message: string) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let index = tailLength - EOCD_MIN; index >= 0; index--) {
      if (tail.readUInt32LE(index) === EOCD_SIGNATURE) {
        eocd = index;
        break;
      }
    }
    if (eocd < 0) throw new ZipProblem('truncated', 'the zip table of contents is missing');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) throw new ZipProblem('zip64', 'the archive uses ZIP64 (over 4 GB or 65,535 entries)');
    if (directoryOffset + directorySize > size) throw new ZipProblem('truncated', 'the zip table of contents points past the end of the file');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    return parseDirectory(directory, count);
  } finally {
    await handle.close();
  }
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new ZipProblem('damaged', 'the zip table of contents is damaged');
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      method: directory.readUInt16LE(offset + 10),
      compressedSize: directory.readUInt32LE(offset + 20),
      uncompressedSize: directory.readUInt32LE(offset + 24),
      localHeaderOffset: directory.readUInt32LE(offset + 42),
      name: directory.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipProblem('zip64', `entry ${entry.name} uses ZIP64 sizes`);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Judges the declared sizes: total unpacked size and, for entries of any size, the compression ratio. */
export function checkDeclaredSizes(entries: ZipEntry[], limits: { maxUnpackedBytes: number; maxCompressionRatio: number }): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw new ZipProblem('bomb', `entry ${entry.name} claims to unpack ${Math.round(ratio)} times larger than it is stored (limit ${limits.maxCompressionRatio})`);
    }
  }
  if (total > limits.maxUnpackedBytes) throw new ZipProblem('bomb', `the archive claims to unpack to ${total} bytes (limit ${limits.maxUnpackedBytes})`);
}

/** Inflates one entry, discarding the bytes, and fails as soon as it yields more than it declared. */
export async function verifyEntry(path: string, entry: ZipEntry): Promise<void> {
  const handle = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await handle.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipProblem('damaged', `entry ${entry.name} is not where the table of contents says`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  let produced = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      done(produced > entry.uncompressedSize ? new ZipProblem('bomb', `entry ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`) : null);
    },
  });
  try {
    if (entry.method === 0) await pipeline(raw, counter);
    else if (entry.method === 8) await pipeline(raw, createInflateRaw(), counter);
    else throw new ZipProblem('damaged', `entry ${entry.name} uses an unsupported compression method ${entry.method}`);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem('damaged', `entry ${entry.name} cannot be unpacked: ${(error as Error).message}`);
  }
}
