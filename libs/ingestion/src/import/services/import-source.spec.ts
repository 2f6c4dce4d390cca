import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from './import-source';

describe('sha256File', () => {
  const dir = mkdtempSync(join(tmpdir(), 'larder-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands every byte of the file, in order, to the reader that shares its one pass', async () => {
    // larger than one read chunk (1 MiB), so the bytes come in several
    const bytes = Buffer.from(Array.from({ length: 150_000 }, (_, i) => `2026-01-01,${i},上汤\n`).join(''));
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const path = join(dir, 'a.csv');
    writeFileSync(path, bytes);
    const seen: Buffer[] = [];
    const checksum = await sha256File(path, (chunk) => seen.push(Buffer.from(chunk)));
    expect(checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(seen.length).toBeGreaterThan(1);
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
  });
});
