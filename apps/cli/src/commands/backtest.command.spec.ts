import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LarderError } from '@larder/common';
import { dayKind, parseIsoDate } from '@larder/forecasting';
import { backtestCalendar, backtestCommand } from './backtest.command';

describe('larder backtest --calendar', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'larder-calendar-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

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
    const output: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (output.push(String(chunk)), true));
    try {
      await backtestCommand().parseAsync(['--input', input, '--calendar', calendarFile, '--test-days', '10', '--json'], { from: 'user' });
    } finally {
      write.mockRestore();
    }
    const result = JSON.parse(output.join(''));
    expect(result.system.n).toBe(10);
    expect(result.baselines.median4.n).toBe(10);
  });
});
