/** The text encodings Larder reads: UTF-8, and GB18030 (a superset of GBK and GB2312) from Chinese vendors. */
export const TEXT_ENCODINGS = ['utf8', 'gb18030'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** A sample cut at an arbitrary byte may end inside a character; drop that partial tail before judging. */
function withoutPartialTail(sample: Uint8Array): Uint8Array {
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
 * Valid UTF-8 is taken as UTF-8; anything else from a Chinese vendor is GB18030, which decodes
 * every byte sequence, so a wrong guess shows as odd characters rather than a crash.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  try {
    utf8.decode(complete ? sample : withoutPartialTail(sample));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** A whole small file's bytes as text by the same rule (UTF-8 when valid, else GB18030), BOM removed. */
export function decodeText(bytes: Uint8Array): string {
  return (detectEncoding(bytes, true) === 'utf8' ? utf8 : gb18030).decode(bytes).replace(/^\uFEFF/, '');
}
