import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from '@larder/common';

/** The file as a stream of decoded text, BOM removed (GB18030 and UTF-16 decoded by iconv-lite, a character split across chunks kept whole). */
export function openTextStream(options: { path: string; encoding: TextEncoding }): Readable {
  const bytes = createReadStream(options.path, { highWaterMark: 1024 * 1024 });
  if (options.encoding === 'utf8') return bytes.setEncoding('utf8').pipe(stripBom());
  return bytes.pipe(iconv.decodeStream(options.encoding, { stripBOM: true }) as unknown as Transform);
}

/** The first bytes of a file as text, BOM removed, for a look at its header line. */
export function decodeSample(head: Buffer, encoding: TextEncoding): string {
  return encoding === 'utf8' ? head.toString('utf8').replace(/^\uFEFF/, '') : iconv.decode(head, encoding, { stripBOM: true });
}

function stripBom(): Transform {
  let first = true;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _encoding, done) {
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      done(null, chunk);
    },
  });
}
