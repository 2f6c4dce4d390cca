import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileError } from '../messages';

/**
 * The file's SHA-256. The same read hands each chunk to `alsoRead` (the row estimate of an import's
 * progress): before its first row is stored, a file is read once, not once per figure.
 */
export async function sha256File(path: string, alsoRead?: (chunk: Buffer) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    alsoRead?.(chunk);
  }
  return hash.digest('hex');
}

/**
 * Puts a stream (an upload, a pulled export) into a temp file so it can be checked like any file:
 * workbooks and Arrow files need random access. The byte limit is enforced while copying.
 */
export async function spoolToTempFile<T>(options: { stream: Readable; fileName: string; maxBytes: number; work: (path: string) => Promise<T> }): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'larder-import-'));
  const path = join(dir, randomUUID());
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(
        bytes > options.maxBytes ? fileError('PAYLOAD_TOO_LARGE', options.fileName, `文件过大：超过 ${options.maxBytes} 字节`, `the file is too large: more than ${options.maxBytes} bytes`) : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(options.stream, limit, createWriteStream(path));
    return await options.work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
