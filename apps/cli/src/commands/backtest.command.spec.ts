import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LarderError } from '@larder/common';
import { dayKind, parseIsoDate } from '@larder/forecasting';
import iconv from 'iconv-lite';
import { backtestCalendar, backtestCommand } from './backtest.command';

describe('larder backtest --calendar', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'larder-calendar-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /** What `larder backtest … --json` prints for these arguments. */
  async function backtestJson(args: string[]) {
    const output: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (output.push(String(chunk)), true));
    try {
      await backtestCommand().parseAsync([...args, '--json', '--no-progress'], { from: 'user' });
    } finally {
      write.mockRestore();
    }
    return JSON.parse(output.join(''));
  }

  it('takes china, none or a calendar file', () => {
    expect(dayKind(backtestCalendar('china')!, parseIsoDate('2025-10-01'))).toBe('holiday');
    expect(backtestCalendar('none')).toBeUndefined();
    const own = backtestCalendar(file('own.csv', 'date,kind,name\n2026-05-01,holiday,\n2026-07-06,school_holiday,summer\n'))!;
    expect(dayKind(own, parseIsoDate('2026-05-01'))).toBe('holiday');
    expect(dayKind(own, parseIsoDate('2025-10-01'))).toBe('workday'); // not China's calendar
    expect(own.periods.map((period) => period.name)).toEqual(['school_holiday:summer']);
  });

  it('names the file and the line of a bad calendar, and a file it cannot read', () => {
    const bad = file('bad.csv', 'date,kind\n2026-05-01,holiday\n2026-05-02,strike\n');
    expect(() => backtestCalendar(bad)).toThrow(
      new LarderError('VALIDATION_FAILED', `--calendar ${bad}: bad calendar file line 3: unknown kind "strike" (known: holiday, makeup_workday, closure, school_holiday, event)`),
    );
    const missing = join(dir, 'missing.csv');
    expect(() => backtestCalendar(missing)).toThrow(LarderError);
    expect(() => backtestCalendar(missing)).toThrow(`cannot read ${missing}`);
  });

  it('runs the backtest with the canteen calendar file', async () => {
    // Six weeks of a Mon–Fri canteen with a closure and a holiday; covers drop on a school-holiday week.
    const rows = ['date,canteen,meal,item,quantity'];
    const calendar = ['date,kind,name', '2026-03-20,holiday,spring day', '2026-03-30,school_holiday,easter', '2026-03-31,school_holiday,easter'];
    for (let day = parseIsoDate('2026-02-02'); day <= parseIsoDate('2026-04-10'); day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const weekday = (new Date(date).getUTCDay() + 6) % 7;
      if (weekday >= 5 || date === '2026-03-20') continue;
      rows.push(`${date},C1,lunch,*,${(date >= '2026-03-30' && date <= '2026-03-31' ? 120 : 200) + weekday * 10}`);
    }
    const input = file('history.csv', rows.join('\n'));
    const calendarFile = file('calendar.csv', calendar.join('\n'));
    const result = await backtestJson(['--input', input, '--calendar', calendarFile, '--test-days', '10']);
    expect(result.system.n).toBe(10);
    expect(result.baselines.median4.n).toBe(10);
  });

  it.each([
    [['--lead-days', '0'], '--lead-days must be at least 1, got 0'],
    [['--test-days', '0'], '--test-days must be at least 1, got 0'],
    [['--refit-every', '-7'], '--refit-every must be at least 1, got -7'],
    [['--test-from', '2026/3/2'], '--test-from must be a date YYYY-MM-DD, got "2026/3/2"'],
  ])('names the flag of a bad value %j', async (args, message) => {
    const command = backtestCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
    await expect(command.parseAsync(['--input', 'history.csv', ...args], { from: 'user' })).rejects.toThrow(message);
  });

  it('says to save a workbook as CSV rather than read its bytes as a header', async () => {
    const workbook = file('history.xlsx', Buffer.from('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml', 'latin1'));
    await expect(backtestCommand().parseAsync(['--input', workbook, '--calendar', 'none'], { from: 'user' })).rejects.toThrow(
      new LarderError('UNSUPPORTED_FORMAT', `--input ${workbook} is an Excel workbook, not a CSV: save the sheet as CSV (UTF-8) and pass that file`),
    );
    expect(() => backtestCalendar(workbook)).toThrow(`--calendar ${workbook} is an Excel workbook, not a CSV`);
    const legacy = file('history.xls', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'));
    expect(() => backtestCalendar(legacy)).toThrow(`--calendar ${legacy} is an Excel workbook, not a CSV`);
  });

  it('knows other binary files by the importer’s rule, rather than read their bytes as a header', async () => {
    const arrow = file('history.arrow', Buffer.concat([Buffer.from('ARROW1\0\0', 'latin1'), Buffer.alloc(16)]));
    await expect(backtestCommand().parseAsync(['--input', arrow, '--calendar', 'none'], { from: 'user' })).rejects.toThrow(
      new LarderError('UNSUPPORTED_FORMAT', `--input ${arrow} is an Arrow IPC file, not a CSV: pass the history as a CSV text file`),
    );
    const binary = file('calendar.bin', Buffer.from([0x64, 0x61, 0x74, 0x65, 0x00, 0x01, 0x02]));
    expect(() => backtestCalendar(binary)).toThrow(`--calendar ${binary} is binary data, not a CSV`);
  });

  it('reads a history saved as Excel\'s "Unicode Text": UTF-16 with a BOM, tab-separated', async () => {
    const rows = ['date\tcanteen\tmeal\titem\tquantity'];
    for (let day = parseIsoDate('2026-02-02'); day < parseIsoDate('2026-04-06'); day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      rows.push(`${date}\t一食堂\t午餐\t红烧肉\t${120 + (day % 7) * 5}`, `${date}\t一食堂\t午餐\t麻婆豆腐\t${80 + (day % 5) * 4}`);
    }
    const littleEndian = Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf16le');
    const result = await backtestJson(['--input', file('history-unicode.txt', littleEndian), '--calendar', 'none', '--test-days', '5']);
    expect(result.system.n).toBe(10);
    const calendar = backtestCalendar(file('calendar-unicode.txt', Buffer.from('\uFEFFdate\tkind\tname\r\n2026-01-26\tschool_holiday\t寒假\r\n', 'utf16le').swap16()))!;
    expect(calendar.periods.map((period) => period.name)).toEqual(['school_holiday:寒假']);
  });

  it('reads a GBK calendar file as the canteen systems export them', () => {
    const calendar = backtestCalendar(file('calendar-gbk.csv', iconv.encode('date,kind,name\n2026-01-26,school_holiday,寒假\n2026-07-06,school_holiday,暑假\n', 'gbk')))!;
    expect(calendar.periods.map((period) => period.name)).toEqual(['school_holiday:寒假', 'school_holiday:暑假']);
  });

  it('reads a GBK history, keeping dishes apart that UTF-8 would garble alike', async () => {
    // Read as UTF-8, 包子 and 饺子 both turn into four replacement characters: one series with duplicate days.
    const rows = ['date,canteen,meal,item,quantity'];
    for (let day = parseIsoDate('2026-02-02'); day < parseIsoDate('2026-04-06'); day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      rows.push(`${date},一食堂,早餐,包子,${120 + (day % 7) * 5}`, `${date},一食堂,早餐,饺子,${80 + (day % 5) * 4}`);
    }
    const result = await backtestJson(['--input', file('history-gbk.csv', iconv.encode(rows.join('\n'), 'gbk')), '--calendar', 'none', '--test-days', '5']);
    expect(result.system.n).toBe(10);
  });
});
