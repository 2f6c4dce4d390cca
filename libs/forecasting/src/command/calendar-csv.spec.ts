import { dayKind } from '../core/service-calendar';
import { parseIsoDate } from '../core/iso-date';
import { calendarFromRows, parseCalendarCsv } from './calendar-csv';

const GOOD = [
  'date,kind,name',
  '2026-10-01,holiday,National Day',
  '2026-10-02,holiday,',
  '2026-09-27,makeup_workday,',
  '2026-07-06,school_holiday,summer',
  '2026-07-07,school_holiday,summer',
  '2026-07-08,school_holiday,summer',
  '2026-07-10,school_holiday,summer',
  '2026-06-20,event,Kieler Woche',
  '2026-06-21,EVENT,Kieler Woche',
  '2026-03-05,closure,',
  '2026-03-06,closure,',
  '2026-10-01,closure,', // a holiday may also be a closure day
].join('\n');

describe('calendar file', () => {
  it('reads date,kind[,name] rows and keeps their names', () => {
    const rows = parseCalendarCsv(GOOD);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ date: '2026-10-01', kind: 'holiday', name: 'National Day' });
    expect(rows[1]).toEqual({ date: '2026-10-02', kind: 'holiday' });
    expect(rows[8]).toEqual({ date: '2026-06-21', kind: 'event', name: 'Kieler Woche' });
  });

  it('accepts a file without the name column, with a BOM and blank lines', () => {
    expect(parseCalendarCsv('\uFEFFdate,kind\n2026-05-01,holiday\n\n2026-05-09,makeup_workday\n')).toEqual([
      { date: '2026-05-01', kind: 'holiday' },
      { date: '2026-05-09', kind: 'makeup_workday' },
    ]);
  });

  it('accepts semicolons, capitalised headers, CRLF and the empty rows a sheet saves below its data', () => {
    expect(parseCalendarCsv('Date;Kind;Name\r\n2026-05-01;holiday;Labour Day\r\n;;\r\n')).toEqual([{ date: '2026-05-01', kind: 'holiday', name: 'Labour Day' }]);
  });

  it('reads year-first dates in the spellings spreadsheets use, as ISO dates', () => {
    expect(parseCalendarCsv('date,kind\n2026/5/1,holiday\n2026-05-09 00:00:00,makeup_workday\n').map((row) => row.date)).toEqual(['2026-05-01', '2026-05-09']);
  });

  it('maps holidays and make-up days to day kinds and the other kinds to periods, consecutive days forming one', () => {
    const calendar = calendarFromRows(parseCalendarCsv(GOOD));
    expect(dayKind(calendar, parseIsoDate('2026-10-01'))).toBe('holiday');
    expect(dayKind(calendar, parseIsoDate('2026-09-27'))).toBe('makeup_workday');
    expect(dayKind(calendar, parseIsoDate('2026-07-06'))).toBe('workday'); // a school holiday is not a public holiday
    const periods = calendar.periods.map((period) => ({ name: period.name, from: period.from, to: period.to }));
    expect(periods).toEqual(
      expect.arrayContaining([
        { name: 'school_holiday:summer', from: parseIsoDate('2026-07-06'), to: parseIsoDate('2026-07-08') },
        { name: 'school_holiday:summer', from: parseIsoDate('2026-07-10'), to: parseIsoDate('2026-07-10') },
        { name: 'event:Kieler Woche', from: parseIsoDate('2026-06-20'), to: parseIsoDate('2026-06-21') },
        { name: 'closure', from: parseIsoDate('2026-03-05'), to: parseIsoDate('2026-03-06') },
        { name: 'closure', from: parseIsoDate('2026-10-01'), to: parseIsoDate('2026-10-01') },
      ]),
    );
    expect(periods).toHaveLength(5);
  });

  it.each([
    ['an unknown kind, naming the line', 'date,kind\n2026-01-01,holiday\n2026-01-02,strike\n', 'line 3: unknown kind "strike" (known: holiday, makeup_workday, closure, school_holiday, event)'],
    ['an empty kind', 'date,kind\n2026-01-01,\n', 'line 2: unknown kind ""'],
    ['a bad date', 'date,kind\n2026-02-30,holiday\n', 'line 2: column date: invalid date "2026-02-30"'],
    ['a date in another format', 'date,kind\n01.10.2026,holiday\n', 'line 2: column date: invalid date "01.10.2026"'],
    ['a missing date column', 'day,kind\n2026-01-01,holiday\n', 'missing column date'],
    ['a missing kind column', 'date,name\n2026-01-01,New Year\n', 'missing column kind'],
    ['an unknown column', 'date,kind,note\n2026-01-01,holiday,x\n', 'unknown column(s) note'],
    ['no rows', 'date,kind\n', 'no rows'],
    ['a day both holiday and make-up day', 'date,kind\n2026-01-01,holiday\n2026-01-01,makeup_workday\n', 'line 3: 2026-01-01 is both holiday (line 2) and makeup_workday'],
    ['the same row twice', 'date,kind,name\n2026-07-01,event,fair\n2026-07-01,event,fair\n', 'line 3: 2026-07-01 event (fair) is listed twice (also line 2)'],
    ['a broken quote', 'date,kind,name\n2026-07-01,event,"fair\n', 'bad calendar file'],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseCalendarCsv(text)).toThrow(message);
  });
});
