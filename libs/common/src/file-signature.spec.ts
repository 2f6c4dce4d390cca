import { firstTextCharacter, sniffFileFormat } from './file-signature';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

describe('what a file’s first bytes say it is', () => {
  it('knows workbooks, Arrow files and streams by their signatures, whatever follows', () => {
    expect(sniffFileFormat(bytes('PK', [3, 4, 20, 0, 6, 0], '[Content_Types].xml'))).toBe('xlsx');
    expect(sniffFileFormat(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    expect(sniffFileFormat(bytes('ARROW1', [0, 0]))).toBe('arrow-file');
    expect(sniffFileFormat(bytes([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0]))).toBe('arrow-stream');
  });

  it('tells JSON, NDJSON and CSV text apart by the first character that is not blank, after a BOM', () => {
    expect(sniffFileFormat(bytes(' \r\n[{"a":1}]'))).toBe('json');
    expect(sniffFileFormat(bytes([0xef, 0xbb, 0xbf], '{"a":1}\n{"a":2}'))).toBe('ndjson');
    expect(sniffFileFormat(bytes('日期,数量\n2026-01-05,3'))).toBe('csv');
    expect(firstTextCharacter(bytes([0xef, 0xbb, 0xbf], ' \t\r\n'))).toBeUndefined();
  });

  it('calls text with a zero byte binary data of no known kind, unless it is UTF-16 with its byte order mark', () => {
    expect(sniffFileFormat(bytes([0x00, 0x01, 0x02, 0xff]))).toBeNull();
    const unicodeText = Buffer.from('\uFEFF菜品名称\t售价\r\n红烧肉\t12.5\r\n', 'utf16le');
    expect(sniffFileFormat(unicodeText)).toBe('csv');
    expect(sniffFileFormat(Buffer.from(unicodeText).swap16())).toBe('csv');
    expect(sniffFileFormat(Buffer.from('\uFEFF \r\n[{"a":1}]', 'utf16le'))).toBe('json');
    expect(firstTextCharacter(Buffer.from('\uFEFF \t\r\n', 'utf16le'))).toBeUndefined();
  });
});
