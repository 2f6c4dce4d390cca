import iconv from 'iconv-lite';
import { RecordEstimate } from './record-estimate';
import type { FileFormat, TextEncoding } from './record-stream';

/** The estimate of these bytes fed in chunks of this size, as a file's read hands them over (1 MiB there). */
function estimate(bytes: string | Buffer, format: FileFormat, encoding?: TextEncoding, chunk = 1024 * 1024): number | null {
  const counter = RecordEstimate.of(format, encoding);
  if (counter === null) return null;
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  for (let at = 0; at < data.length; at += chunk) counter.add(data.subarray(at, at + chunk));
  return counter.records;
}

describe('RecordEstimate', () => {
  it("counts a CSV's lines less its header, with or without a last newline", () => {
    expect(estimate('date,qty\n2026-01-01,1\n2026-01-02,2\n', 'csv')).toBe(2);
    expect(estimate('date,qty\n2026-01-01,1\n2026-01-02,2', 'csv')).toBe(2);
    expect(estimate('', 'csv')).toBe(0);
  });

  it('counts NDJSON lines across read chunks', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ id: i, note: 'x'.repeat(20) }));
    expect(estimate(lines.join('\n') + '\n', 'ndjson')).toBe(60_000);
  });

  it('counts UTF-16 lines by their two-byte newline, not the 0x0A bytes inside other characters', () => {
    // 上 is U+4E0A and ਊ U+0A0A: each has a 0x0A byte that is no newline
    const text = '\uFEFF菜品,数量\r\n上汤,1\r\nਊ上,2\r\n上上上,3\r\n';
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      expect(estimate(iconv.encode(text, encoding), 'csv', encoding)).toBe(3);
      expect(estimate(iconv.encode(text.trimEnd(), encoding), 'csv', encoding)).toBe(3);
      // chunks of an odd size split every other code unit between two chunks
      expect(estimate(iconv.encode(text, encoding), 'csv', encoding, 3)).toBe(3);
    }
  });

  it('counts UTF-16 and GB18030 lines across read chunks', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `上${i},${'x'.repeat(i % 7)}`);
    const bytes = iconv.encode(`\uFEFFa,b\n${lines.join('\n')}\n`, 'utf16be');
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(estimate(bytes, 'csv', 'utf16be')).toBe(60_000);
    expect(estimate(iconv.encode(lines.join('\n'), 'gb18030'), 'ndjson', 'gb18030')).toBe(60_000);
  });

  it('has no estimate for workbooks, JSON arrays and Arrow', () => {
    for (const format of ['xlsx', 'json', 'arrow-file', 'arrow-stream'] as const) expect(RecordEstimate.of(format)).toBeNull();
  });
});
