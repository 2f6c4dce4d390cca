import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateRecords } from './record-estimate';

describe('estimateRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'larder-estimate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
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

  it('has no estimate for workbooks, JSON arrays and Arrow', async () => {
    const path = file('e.json', '[{"a":1}]');
    for (const format of ['xlsx', 'json', 'arrow-file', 'arrow-stream'] as const) expect(await estimateRecords(path, format)).toBeNull();
  });
});
