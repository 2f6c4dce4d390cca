import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { LarderError } from '@larder/common';
import { openRecordStream } from './open-record-stream';
import { JsonArraySplitter } from './json-array-splitter';
import { RecordStream } from './record-stream';
import { openZip } from './zip-inspector';

const dir = mkdtempSync(join(tmpdir(), 'larder-readers-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function all(stream: RecordStream) {
  const rows = [];
  for await (const record of stream.records) rows.push(record);
  return rows;
}
async function read(name: string, content: string | Buffer, options: { sheet?: string; limits?: object } = {}) {
  const stream = await openRecordStream({ path: file(name, content), fileName: name, ...options });
  return { stream, rows: await all(stream) };
}
async function failure(name: string, content: string | Buffer, options: { limits?: object } = {}): Promise<LarderError> {
  try {
    await read(name, content, options);
  } catch (error) {
    expect(error).toBeInstanceOf(LarderError);
    return error as LarderError;
  }
  throw new Error('expected the file to be refused');
}

/** A zip with stored sizes of our choosing, to build hostile archives. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const packed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of an archive, to store them again in another order or with other names. */
async function partsOf(archive: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const opened = await openZip(file('parts-of.xlsx', archive));
  const parts: { name: string; data: Buffer }[] = [];
  for (const { name } of opened.entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of await opened.open(name)) chunks.push(chunk as Buffer);
    parts.push({ name, data: Buffer.concat(chunks) });
  }
  opened.close();
  return parts;
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['这张表不是数据']);
  const sheet = book.addWorksheet('流水');
  sheet.addRow(['交易流水号', '交易时间', '消费金额']);
  sheet.addRow(['T1', new Date(Date.UTC(2026, 10, 25, 12, 3, 0)), 12.5]);
  sheet.addRow([]);
  sheet.addRow(['T2', '2026-11-25 12:05:00', { formula: '1+1', result: 2 }]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What the workbook's 流水 sheet reads as: a date cell as wall-clock text, a formula as its result. */
const PAYMENT_ROWS = [
  { line: 2, values: ['T1', '2026-11-25 12:03:00', 12.5] },
  { line: 4, values: ['T2', '2026-11-25 12:05:00', 2] },
];

/** A part with its text edited, the others as they were. */
function edited(parts: { name: string; data: Buffer }[], name: string, edit: (text: string) => string) {
  return parts.map((part) => (part.name === name ? { ...part, data: Buffer.from(edit(part.data.toString())) } : part));
}

describe('readers', () => {
  it('read UTF-8 CSV with and without a BOM, keeping physical line numbers', async () => {
    for (const bom of ['', '\uFEFF']) {
      const { stream, rows } = await read(`a${bom.length}.csv`, `${bom}交易流水号,菜品名称\nT1,"红烧肉, 大份"\n\nT2,"多行\n备注"\nT3,青菜\n`);
      expect(stream.encoding).toBe('utf8');
      expect(stream.headers).toEqual(['交易流水号', '菜品名称']);
      expect(rows.map((row) => row.values)).toEqual([
        ['T1', '红烧肉, 大份'],
        ['T2', '多行\n备注'],
        ['T3', '青菜'],
      ]);
      expect(rows.map((row) => row.line)).toEqual([2, 5, 6]);
    }
  });

  it('detect GB18030/GBK CSV and read it, or honour --encoding', async () => {
    const text = '交易流水号\t食堂\t餐别\nT1\t一食堂\t午餐\n';
    const { stream, rows } = await read('gbk.csv', iconv.encode(text, 'gbk'));
    expect(stream.encoding).toBe('gb18030');
    expect(stream.headers).toEqual(['交易流水号', '食堂', '餐别']);
    expect(rows[0].values).toEqual(['T1', '一食堂', '午餐']);
    const forced = await openRecordStream({ path: file('forced.csv', iconv.encode(text, 'gb18030')), fileName: 'forced.csv', encoding: 'gb18030' });
    expect(forced.headers[0]).toBe('交易流水号');
  });

  it('read Excel\'s "Unicode Text" export: UTF-16 with a BOM, tab-separated, as the importer streams it', async () => {
    // Over one read chunk (1 MiB), so that the decoder carries text across a chunk boundary.
    const dishes = ['红烧肉', '麻婆豆腐', '清炒时蔬', '宫保鸡丁', '𠮷野家'];
    const lines = Array.from({ length: 40_000 }, (_, index) => `D${index}\t${dishes[index % dishes.length]}\t${(index % 9) + 1}2.5`);
    const text = `\uFEFF菜品编号\t菜品名称\t售价\r\n${lines.join('\r\n')}\r\n`;
    const littleEndian = Buffer.from(text, 'utf16le');
    const bigEndian = Buffer.from(littleEndian).swap16();
    for (const [name, bytes, encoding] of [
      ['unicode-le.txt', littleEndian, 'utf16le'],
      ['unicode-be.csv', bigEndian, 'utf16be'],
    ] as const) {
      const { stream, rows } = await read(name, bytes);
      expect(stream.encoding).toBe(encoding);
      expect(stream.headers).toEqual(['菜品编号', '菜品名称', '售价']);
      expect(rows).toHaveLength(40_000);
      expect(rows.slice(0, 5).map((row) => row.values)).toEqual(dishes.map((dish, index) => [`D${index}`, dish, `${index + 1}2.5`]));
      expect(rows.every((row, index) => row.values[1] === dishes[index % dishes.length])).toBe(true);
      expect(rows[39_999].line).toBe(40_001);
    }
  });

  it('read the first or a named XLSX sheet, dates as wall-clock text', async () => {
    const book = await workbook();
    const first = await read('book.xlsx', book);
    expect(first.stream.sheet).toBe('说明');
    const named = await read('book2.xlsx', book, { sheet: '流水' });
    expect(named.stream.headers).toEqual(['交易流水号', '交易时间', '消费金额']);
    expect(named.rows).toEqual(PAYMENT_ROWS);
    const missing = await failure('book3.xlsx', book, { sheet: 'nope' } as object);
    expect(missing.message).toMatch(/流水/);
  });

  it('find the header below an export title, and mark its total row, in XLSX and in CSV', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('消费明细');
    sheet.addRow(['车辆段职工食堂消费明细报表 2026-11-23 至 2026-11-29']);
    sheet.mergeCells('A1:C1');
    sheet.addRow([]);
    sheet.addRow(['导出时间：2026-11-30 08:00']);
    sheet.addRow(['交易流水号', '菜品名称', '消费金额']);
    sheet.addRow(['T1', '红烧肉', 18]);
    sheet.addRow(['T2', '米饭', 1]);
    sheet.addRow(['合计', null, 19]);
    const xlsx = await read('titled.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(xlsx.stream.headers).toEqual(['交易流水号', '菜品名称', '消费金额']);
    expect(xlsx.rows.map((row) => [row.line, row.values])).toEqual([
      [5, ['T1', '红烧肉', 18]],
      [6, ['T2', '米饭', 1]],
      [7, ['合计', null, 19]],
    ]);
    expect(xlsx.rows.map((row) => row.problem === undefined)).toEqual([true, true, false]);
    expect(xlsx.rows[2].problem).toMatch(/合计行.*total row/);

    const text = '车辆段职工食堂消费明细报表,,\r\n\r\n交易流水号,菜品名称,消费金额\r\nT1,红烧肉,"¥1,018.00"\r\n\r\n"合计：2笔",,"¥1,019.00"\r\n';
    for (const [name, bytes] of [
      ['titled.csv', Buffer.from(text)],
      ['titled-gbk.csv', iconv.encode(text.replace(/¥/g, '￥'), 'gbk')],
    ] as const) {
      const csv = await read(name, bytes);
      expect(csv.stream.headers).toEqual(['交易流水号', '菜品名称', '消费金额']);
      expect(csv.rows.map((row) => row.line)).toEqual([4, 6]);
      expect(csv.rows[0].values).toEqual(['T1', '红烧肉', expect.stringMatching(/^[¥￥]1,018\.00$/)]);
      expect(csv.rows[0].problem).toBeUndefined();
      expect(csv.rows[1].problem).toMatch(/合计行（“合计：2笔”）/);
    }
    // a file whose rows have one cell each keeps its first row as the header, as before
    const single = await read('single.csv', '菜品名称\n红烧肉\n');
    expect(single.stream.headers).toEqual(['菜品名称']);
    expect(single.rows.map((row) => row.values)).toEqual([['红烧肉']]);
  });

  it("read a workbook whatever order its parts are stored in, finding sheets by the workbook's relationships", async () => {
    const parts = await partsOf(await workbook());
    const workbookPart = parts.filter((part) => part.name === 'xl/workbook.xml');
    const others = parts.filter((part) => part.name !== 'xl/workbook.xml');
    const orders = { written: parts, reversed: [...parts].reverse(), workbookFirst: [...workbookPart, ...others], workbookLast: [...others, ...workbookPart] };
    for (const [order, stored] of Object.entries(orders)) {
      const first = await read(`${order}.xlsx`, zip(stored));
      expect([order, first.stream.sheet, first.rows]).toEqual([order, '说明', []]);
      const named = await read(`${order}-named.xlsx`, zip(stored), { sheet: '流水' });
      expect([order, named.rows]).toEqual([order, PAYMENT_ROWS]);
    }
    // the first tab's relationship now points at the second part: the tab, not the file name, decides
    const swapped = parts.map((part) =>
      part.name === 'xl/_rels/workbook.xml.rels'
        ? {
            ...part,
            data: Buffer.from(
              part.data.toString().replace('worksheets/sheet1.xml', 'worksheets/SWAP').replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml').replace('worksheets/SWAP', 'worksheets/sheet2.xml'),
            ),
          }
        : part,
    );
    const first = await read('swapped.xlsx', zip(swapped));
    expect([first.stream.sheet, first.stream.headers]).toEqual(['说明', ['交易流水号', '交易时间', '消费金额']]);
  });

  it('take the first visible worksheet, passing over hidden tabs and chart sheets; a hidden sheet is still read by name', async () => {
    let parts = await partsOf(await workbook());
    parts = edited(parts, 'xl/workbook.xml', (text) =>
      text.replace('<sheets>', '<sheets><sheet sheetId="9" name="图表" r:id="rId99"/>').replace('name="说明" state="visible"', 'name="说明" state="hidden"'),
    );
    parts = edited(parts, 'xl/_rels/workbook.xml.rels', (text) =>
      text.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    const chart =
      '<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>';
    parts.push({ name: 'xl/chartsheets/sheet1.xml', data: Buffer.from(chart) });
    const first = await read('tabs.xlsx', zip(parts));
    expect([first.stream.sheet, first.rows]).toEqual(['流水', PAYMENT_ROWS]);
    const hidden = await read('tabs-hidden.xlsx', zip(parts), { sheet: '说明' });
    expect([hidden.stream.sheet, hidden.stream.headers]).toEqual(['说明', ['这张表不是数据']]);
    const missing = await failure('tabs-chart.xlsx', zip(parts), { sheet: '图表' } as object);
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', expect.stringMatching(/the workbook has: 说明, 流水）$/)]);
  });

  it('leave no file open after a workbook is read to the end or closed after its header', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('流水');
    sheet.addRow(['交易流水号', '消费金额']);
    for (let row = 1; row <= 20_000; row++) sheet.addRow([`T${row}`, row / 100]);
    const path = file('long.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const before = openFiles();
    for (let round = 0; round < 3; round++) {
      const whole = await openRecordStream({ path, fileName: 'long.xlsx' });
      expect((await all(whole)).length).toBe(20_000);
      const headerOnly = await openRecordStream({ path, fileName: 'long.xlsx' });
      expect(headerOnly.headers).toEqual(['交易流水号', '消费金额']);
      await headerOnly.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBe(before);
  });

  it('read a JSON array and NDJSON, reporting a broken NDJSON line as a defective record', async () => {
    const json = await read('a.json', '[\n {"id": "T1", "tags": ["咸", "凉"], "n": 1},\n {"id": "T2, ]", "n": null}\n]');
    expect(json.stream.format).toBe('json');
    expect(json.rows).toEqual([
      { line: 2, values: ['T1', '咸;凉', 1] },
      { line: 3, values: ['T2, ]', null, null] },
    ]);
    const ndjson = await read('a.ndjson', '{"id":"T1"}\n{"id":\n[1]\n{"id":"T3"}\n');
    expect(ndjson.rows.map((row) => [row.line, row.values, Boolean(row.problem)])).toEqual([
      [1, ['T1'], false],
      [2, [null], true],
      [3, [null], true],
      [4, ['T3'], false],
    ]);
  });

  it('read Arrow IPC files and streams', async () => {
    const table = tableFromArrays({ external_id: ['T1', 'T2'], amount: Float64Array.from([12.5, 3]) });
    for (const [name, format] of [
      ['a.arrow', 'file'],
      ['a.arrows', 'stream'],
    ] as const) {
      const { stream, rows } = await read(name, Buffer.from(tableToIPC(table, format)));
      expect(stream.format).toBe(`arrow-${format}`);
      expect(stream.headers).toEqual(['external_id', 'amount']);
      expect(rows.map((row) => row.values)).toEqual([
        ['T1', 12.5],
        ['T2', 3],
      ]);
    }
  });

  it('split JSON arrays across arbitrary chunk boundaries', () => {
    const text = '[{"a":"x\\"]"},{"b":[1,{"c":2}]}, 3 ]';
    for (let cut = 1; cut < text.length; cut++) {
      const splitter = new JsonArraySplitter();
      const parts = [...splitter.push(text.slice(0, cut)), ...splitter.push(text.slice(cut))].map((element) => JSON.parse(element.text));
      expect(parts).toEqual([{ a: 'x"]' }, { b: [1, { c: 2 }] }, 3]);
      expect(splitter.isComplete).toBe(true);
    }
  });

  describe('refuse hostile or broken files with one clear error', () => {
    it('empty and blank files', async () => {
      expect((await failure('empty.csv', '')).message).toMatch(/空/);
      expect((await failure('blank.csv', '\n\n  \n')).message).toMatch(/blank/);
    });

    it('files that are not what their name claims', async () => {
      expect((await failure('fake.xlsx', 'a,b\n1,2\n')).message).toMatch(/claims to be XLSX but its content is CSV/);
      expect((await failure('fake.csv', await workbook())).message).toMatch(/claims to be CSV but its content is XLSX/);
      expect((await failure('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).message).toMatch(/\.xls/);
      expect((await failure('noise.csv', Buffer.from([1, 0, 2, 0, 3]))).code).toBe('UNSUPPORTED_FORMAT');
      expect((await failure('notbook.xlsx', zip([{ name: 'hello.txt', data: Buffer.from('hi') }]))).message).toMatch(/not an Excel workbook/);
    });

    it('truncated XLSX, JSON, NDJSON, CSV and Arrow files', async () => {
      const book = await workbook();
      expect((await failure('cut.xlsx', book.subarray(0, Math.floor(book.length * 0.7)))).message).toMatch(/truncated or damaged/);
      expect((await failure('cut.json', '[{"a":1},{"a":')).message).toMatch(/truncated/);
      expect((await failure('cut.ndjson', '{"a":1}\n{"a":2')).message).toMatch(/truncated/);
      expect((await failure('cut.csv', 'a,b\n1,"unterminated\n')).message).toMatch(/truncated/);
      const arrow = Buffer.from(tableToIPC(tableFromArrays({ a: Float64Array.from({ length: 1000 }, (_, i) => i) }), 'stream'));
      expect((await failure('cut.arrows', arrow.subarray(0, arrow.length - 3000))).message).toMatch(/Arrow/);
    });

    it('zip bombs: by declared ratio, by declared total, and by lying about the size', async () => {
      const zeros = Buffer.alloc(30 * 1024 * 1024);
      const base = [{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }];
      expect((await failure('ratio.xlsx', zip([...base, { name: 'xl/worksheets/sheet1.xml', data: zeros }]))).message).toMatch(/zip bomb/);
      const total = await failure('total.xlsx', zip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'.repeat(2000)) }]), { limits: { maxUnpackedBytes: 1000 } });
      expect(total.code).toBe('PAYLOAD_TOO_LARGE');
      const liar = await failure('liar.xlsx', zip([...base, { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1000 }]));
      expect(liar.message).toMatch(/more than the 1000 bytes it declares/);
      const parts = await partsOf(await workbook());
      const lyingStyles = parts.map((part) => (part.name === 'xl/styles.xml' ? { ...part, declaredSize: 10 } : part));
      expect((await failure('styles-liar.xlsx', zip(lyingStyles))).code).toBe('PAYLOAD_TOO_LARGE');
      // a sheet stored under a name of its own is not judged beforehand, so it is held to its size as it is read
      const elsewhere = parts.map((part) => {
        if (part.name === 'xl/worksheets/sheet1.xml') return { ...part, name: 'xl/worksheets/intro.xml', declaredSize: 10 };
        if (part.name === 'xl/_rels/workbook.xml.rels') return { ...part, data: Buffer.from(part.data.toString().replace('worksheets/sheet1.xml', 'worksheets/intro.xml')) };
        return part;
      });
      const midRead = await failure('sheet-liar.xlsx', zip(elsewhere));
      expect([midRead.code, midRead.message]).toEqual(['PAYLOAD_TOO_LARGE', expect.stringMatching(/intro\.xml unpacks to more than the 10 bytes/)]);
    });

    it('files beyond the size limit', async () => {
      const error = await failure('big.csv', 'a,b\n1,2\n', { limits: { maxFileBytes: 4 } });
      expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });
});
