import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { TextEncoding } from './record-stream';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A sample cut at an arbitrary byte may end inside a character; drop that partial tail before judging. */
function withoutPartialTail(sample: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, sample.length); back++) {
    const byte = sample[sample.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? sample.subarray(0, sample.length - back) : sample;
    }
    return sample;
  }
  return sample;
}

/**
 * Valid UTF-8 is taken as UTF-8; anything else from a Chinese vendor is GB18030 (a superset of GBK
 * and GB2312), which decodes every byte sequence, so a wrong guess shows as odd characters in the
 * quarantine rather than a crash.
 */
export function detectEncoding(sample: Buffer, complete: boolean): TextEncoding {
  try {
    utf8.decode(complete ? sample : withoutPartialTail(sample));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** A whole small file's bytes as text by the same rule (UTF-8 when valid, else GB18030), BOM removed. */
export function decodeText(bytes: Buffer): string {
  return detectEncoding(bytes, true) === 'utf8' ? bytes.toString('utf8').replace(/^\uFEFF/, '') : iconv.decode(bytes, 'gb18030', { stripBOM: true });
}

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
