import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from '@larder/common';

/** The file as a stream of decoded text, BOM removed. */
export function openTextStream(options: { path: string; encoding: TextEncoding }): Readable {
  const bytes = createReadStream(options.path, { highWaterMark: 1024 * 1024 });
  if (options.encoding === 'utf8') return bytes.setEncoding('utf8').pipe(stripBom());
  return bytes.pipe(iconv.decodeStream('gb18030', { stripBOM: true }) as unknown as Transform);
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
