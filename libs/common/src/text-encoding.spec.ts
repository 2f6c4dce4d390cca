import { decodeText, detectEncoding } from './text-encoding';

describe('text encodings of the files people bring', () => {
  const text = '菜品名称\t售价\r\n红烧肉\t12.5\r\n';

  it('knows UTF-16 by its byte order mark, as Excel saves "Unicode Text", and decodes it without the mark', () => {
    const littleEndian = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const bigEndian = Buffer.from(littleEndian).swap16();
    expect([detectEncoding(littleEndian, true), detectEncoding(bigEndian, false)]).toEqual(['utf16le', 'utf16be']);
    expect(decodeText(littleEndian)).toBe(text);
    expect(decodeText(bigEndian)).toBe(text);
  });

  it('takes valid UTF-8 as UTF-8 and anything else as GB18030, a BOM removed', () => {
    expect(detectEncoding(Buffer.from(text), true)).toBe('utf8');
    expect(decodeText(Buffer.from(`\uFEFF${text}`))).toBe(text);
    // the same text as a GBK export writes it
    const gbk = Uint8Array.from([
      0xb2, 0xcb, 0xc6, 0xb7, 0xc3, 0xfb, 0xb3, 0xc6, 0x09, 0xca, 0xdb, 0xbc, 0xdb, 0x0d, 0x0a, 0xba, 0xec, 0xc9, 0xd5, 0xc8, 0xe2, 0x09, 0x31, 0x32, 0x2e, 0x35, 0x0d, 0x0a,
    ]);
    expect(detectEncoding(gbk, true)).toBe('gb18030');
    expect(decodeText(gbk)).toBe(text);
  });
});
