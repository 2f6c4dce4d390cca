import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { estimateRecords } from './record-estimate';

describe('estimateRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'larder-estimate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("counts a CSV's lines less its header, with or without a last newline", async () => {
    expect(await estimateRecords(file('a.csv', 'date,qty\n2026-01-01,1\n2026-01-02,2\n'), 'csv')).toBe(2);
    expect(await estimateRecords(file('b.csv', 'date,qty\n2026-01-01,1\n2026-01-02,2'), 'csv')).toBe(2);
    expect(await estimateRecords(file('c.csv', ''), 'csv')).toBe(0);
  });

  it('counts NDJSON lines across read chunks', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ id: i, note: 'x'.repeat(20) }));
    expect(await estimateRecords(file('d.ndjson', lines.join('\n') + '\n'), 'ndjson')).toBe(60_000);
  });

  it('counts UTF-16 lines by their two-byte newline, not the 0x0A bytes inside other characters', async () => {
    // 上 is U+4E0A and ਊ U+0A0A: each has a 0x0A byte that is no newline
    const text = '\uFEFF菜品,数量\r\n上汤,1\r\nਊ上,2\r\n上上上,3\r\n';
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const path = file(`f-${encoding}.csv`, iconv.encode(text, encoding));
      expect(await estimateRecords(path, 'csv', encoding)).toBe(3);
      expect(await estimateRecords(file(`g-${encoding}.csv`, iconv.encode(text.trimEnd(), encoding)), 'csv', encoding)).toBe(3);
    }
  });

  it('counts UTF-16 and GB18030 lines across read chunks', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `上${i},${'x'.repeat(i % 7)}`);
    const bytes = iconv.encode(`\uFEFFa,b\n${lines.join('\n')}\n`, 'utf16be');
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(await estimateRecords(file('h.csv', bytes), 'csv', 'utf16be')).toBe(60_000);
    expect(await estimateRecords(file('i.ndjson', iconv.encode(lines.join('\n'), 'gb18030')), 'ndjson', 'gb18030')).toBe(60_000);
  });

  it('has no estimate for workbooks, JSON arrays and Arrow', async () => {
    const path = file('e.json', '[{"a":1}]');
    for (const format of ['xlsx', 'json', 'arrow-file', 'arrow-stream'] as const) expect(await estimateRecords(path, format)).toBeNull();
  });
});
