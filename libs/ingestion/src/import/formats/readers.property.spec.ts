import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { LarderError } from '@larder/common';
import { openRecordStream } from './open-record-stream';
import { CellValue, SourceRecord } from './record-stream';

// Files are written and read for every run: few runs, one fixed seed.
fc.configureGlobal({ seed: 20261125, numRuns: 40 });

const dir = mkdtempSync(join(tmpdir(), 'larder-readers-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

async function readAll(name: string, bytes: Buffer): Promise<{ headers: string[]; encoding: string | null; rows: SourceRecord[] }> {
  const path = join(dir, `${fileNo++}-${name}`);
  writeFileSync(path, bytes);
  const stream = await openRecordStream({ path, fileName: name });
  const rows: SourceRecord[] = [];
  try {
    for await (const record of stream.records) rows.push(record);
  } finally {
    await stream.close();
  }
  return { headers: stream.headers, encoding: stream.encoding, rows };
}

/** Cell text made of the pieces that break naive readers: quotes, separators, line breaks, Chinese, currency signs. */
const cellText = fc.string({
  unit: fc.constantFrom('红烧肉', '鱼香肉丝', '米饭', '，', '、', ',', ';', '"', "'", '\n', '\r\n', ' ', 'a', 'Z', '0', '9', '.', '¥', '￥', '-', '（大份）', '#'),
  maxLength: 12,
});
const HEADERS = ['交易流水号', '菜品名称', '备注'];

describe('CSV reader (properties)', () => {
  it('reads back exactly what a quoting CSV writer wrote, in UTF-8 (with or without BOM) and GB18030', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('utf8', 'utf8-bom', 'gb18030'),
        fc.constantFrom('\n', '\r\n'),
        async (cells, encoding, eol) => {
          const rows = cells.map(([name, note], index) => [`T${index}`, name, note]);
          const text = stringify([HEADERS, ...rows], { record_delimiter: eol === '\n' ? 'unix' : 'windows' });
          const bytes = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
          const read = await readAll('payments.csv', bytes);
          expect(read.encoding).toBe(encoding === 'gb18030' ? 'gb18030' : 'utf8');
          expect(read.headers).toEqual(HEADERS);
          expect(read.rows.map((row) => row.values)).toEqual(rows);
          // line numbers point at the physical line a person finds the record on, ascending
          for (let index = 1; index < read.rows.length; index++) expect(read.rows[index].line).toBeGreaterThan(read.rows[index - 1].line);
        },
      ),
    );
  });
});

const jsonValue: fc.Arbitrary<CellValue> = fc.oneof(cellText, fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const jsonRecord = fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), dish: jsonValue, amount: jsonValue, ok: jsonValue });

describe('JSON and NDJSON readers (properties)', () => {
  it('read back every object, in key order of the first, whatever the layout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonRecord, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('ndjson', 'json'),
        fc.constantFrom(0, 2),
        fc.constantFrom('utf8', 'gb18030'),
        async (objects, format, indent, encoding) => {
          const text = format === 'json' ? JSON.stringify(objects, null, indent) : objects.map((object) => JSON.stringify(object)).join(indent === 0 ? '\n' : '\r\n\n');
          const bytes = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
          const read = await readAll(`sales.${format}`, bytes);
          expect(read.headers).toEqual(['id', 'dish', 'amount', 'ok']);
          // JSON.stringify writes -0 as 0
          expect(read.rows.map((row) => row.values)).toEqual(objects.map((object) => [object.id, object.dish, object.amount, object.ok].map((value) => (Object.is(value, -0) ? 0 : value))));
          expect(read.rows.every((row) => row.problem === undefined)).toBe(true);
        },
      ),
    );
  });
});

describe('any file at all (properties)', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 400 }).map((array) => Buffer.from(array)),
    fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '\n', '\\', 'a', '1', ' ', '红', 'null', 'true'), minLength: 1, maxLength: 80 }).map((text) => Buffer.from(text)),
    fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'x', '中', '\t', ';'), minLength: 1, maxLength: 80 }).map((text) => iconv.encode(text, 'gb18030')),
  );

  it('is either read as records (defects noted per record) or refused with one clear LarderError', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('upload.csv', 'upload.json', 'upload.ndjson', 'upload.txt'), async (content, name) => {
        let read: Awaited<ReturnType<typeof readAll>> | null = null;
        try {
          read = await readAll(name, content);
        } catch (error) {
          expect(error).toBeInstanceOf(LarderError);
          expect((error as LarderError).message).toContain(name);
          return;
        }
        for (const row of read.rows) {
          expect(Array.isArray(row.values)).toBe(true);
          // a CSV row may be ragged; a JSON record is laid on the header of the first object
          if (!name.endsWith('.csv') && !name.endsWith('.txt')) expect(row.values).toHaveLength(read.headers.length);
          if (row.problem !== undefined) expect(row.problem.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
