/**
 * The text encodings Larder reads: UTF-8; GB18030 (a superset of GBK and GB2312) from Chinese
 * vendors; UTF-16, little- or big-endian, as Excel's "Unicode Text" (tab-separated) saves a sheet.
 */
export const TEXT_ENCODINGS = ['utf8', 'gb18030', 'utf16le', 'utf16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const utf8 = new TextDecoder('utf-8', { fatal: true });
const DECODERS: Record<TextEncoding, { decode(bytes: Uint8Array): string }> = {
  utf8,
  gb18030: new TextDecoder('gb18030'),
  utf16le: new TextDecoder('utf-16le'),
  utf16be: new TextDecoder('utf-16be'),
};

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

/** The encoding a byte order mark at the start names (EF BB BF, FF FE, FE FF), or null without one. */
export function byteOrderMark(bytes: Uint8Array): 'utf8' | 'utf16le' | 'utf16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  return null;
}

/**
 * UTF-16 is known by its byte order mark (FF FE little-endian, FE FF big-endian: neither opens
 * valid UTF-8 or GB18030 text). Otherwise valid UTF-8 is taken as UTF-8, and anything else from a
 * Chinese vendor is GB18030, which decodes every byte sequence, so a wrong guess shows as odd
 * characters rather than a crash.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  const mark = byteOrderMark(sample);
  if (mark === 'utf16le' || mark === 'utf16be') return mark;
  try {
    utf8.decode(complete ? sample : withoutPartialTail(sample));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** A whole small file's bytes as text by the same rule, BOM removed. */
export function decodeText(bytes: Uint8Array): string {
  return DECODERS[detectEncoding(bytes, true)].decode(bytes).replace(/^\uFEFF/, '');
}
