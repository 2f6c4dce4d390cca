import { pipeline } from 'node:stream/promises';
import { pipeline as pipeStreams, Readable, Transform, Writable } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';

/**
 * Judges a zip (a workbook) before anything unpacks it for real: yauzl reads the central directory
 * (the table of contents at its end) without inflating anything, so declared sizes can be checked
 * first; then the entries a reader will use are inflated, counting bytes, to catch archives whose
 * declarations lie.
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export class ZipProblem extends Error {
  constructor(
    readonly kind: 'truncated' | 'damaged' | 'bomb',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Inflates one entry, discarding the bytes, and fails as soon as it yields more than it declared. */
  verify(entry: ZipEntry): Promise<void>;
  /** The inflated bytes of a named entry, read through the central directory (so entry order does not matter) and held to its declared size. */
  open(name: string): Promise<Readable>;
  close(): void;
}

function problemOf(error: Error): ZipProblem {
  if (error instanceof ZipProblem) return error;
  const truncated = /end of central directory|past the end|truncated|unexpected EOF|not enough/i.test(error.message);
  return new ZipProblem(truncated ? 'truncated' : 'damaged', error.message);
}

async function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise<Entry[]>((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Passes an entry's bytes on and fails as soon as they come to more than the entry declared. */
function sizeGuard(entry: Entry): Transform {
  let produced = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      done(produced > entry.uncompressedSize ? new ZipProblem('bomb', `entry ${entry.fileName} unpacks to more than the ${entry.uncompressedSize} bytes it declares`) : null, chunk);
    },
  });
}

export async function openZip(path: string): Promise<ZipArchive> {
  let zip: ZipFile;
  let raw: Entry[];
  try {
    // sizes are counted here, with a message of our own; lazy entries keep the directory read in step
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false });
  } catch (error) {
    throw problemOf(error as Error);
  }
  try {
    raw = await listEntries(zip);
  } catch (error) {
    zip.close();
    throw problemOf(error as Error);
  }
  const byName = new Map(raw.map((entry) => [entry.fileName, entry]));
  // pipeline, unlike pipe, hands an inflate error on to whoever reads the guarded stream
  const guarded = async (entry: Entry): Promise<Readable> => pipeStreams(await zip.openReadStreamPromise(entry), sizeGuard(entry), () => undefined);
  return {
    entries: raw.map((entry) => ({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize })),
    close: () => zip.close(),
    open: async (name) => {
      const entry = byName.get(name);
      if (!entry) throw new ZipProblem('damaged', `the archive has no entry ${name}`);
      try {
        return await guarded(entry);
      } catch (error) {
        throw problemOf(error as Error);
      }
    },
    verify: async (wanted) => {
      const entry = byName.get(wanted.name) as Entry;
      try {
        await pipeline(await guarded(entry), new Writable({ write: (_chunk, _encoding, done) => done() }));
      } catch (error) {
        throw error instanceof ZipProblem ? error : new ZipProblem('damaged', `entry ${entry.fileName} cannot be unpacked: ${(error as Error).message}`);
      }
    },
  };
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
