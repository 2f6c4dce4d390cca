import { formatIsoDate } from '../core/iso-date';
import { parseLarderCsv } from './larder-csv';

const ROWS = [
  ['2026-01-05', 'C1', 'lunch', '*', '200'],
  ['2026-01-06', 'C1', 'lunch', '*', '210'],
  ['2026-01-05', 'C1', 'lunch', 'mapo tofu', '40'],
];

/** What a reader needs of a parse: each series' key, dates and quantities. */
function summary(text: string) {
  return parseLarderCsv(text).series.map(({ key, series }) => ({ ...key, days: Array.from(series.days, formatIsoDate), values: Array.from(series.values) }));
}

const EXPECTED = summary(['date,canteen,meal,item,quantity', ...ROWS.map((row) => row.join(','))].join('\n'));

describe('larder backtest CSV as spreadsheets save it', () => {
  it.each([
    ['semicolons', ['date;canteen;meal;item;quantity', ...ROWS.map((row) => row.join(';'))].join('\n')],
    ['tabs and CRLF', ['date\tcanteen\tmeal\titem\tquantity', ...ROWS.map((row) => row.join('\t'))].join('\r\n') + '\r\n'],
    ['capitalised headers with spaces', ['Date, Canteen, Meal, Item, Quantity', ...ROWS.map((row) => row.join(','))].join('\n')],
    ['quoted cells and columns in another order', ['"quantity","item","date","meal","canteen"', ...ROWS.map(([d, c, m, i, q]) => `"${q}","${i}","${d}","${m}","${c}"`)].join('\n')],
    [
      'blank lines and the empty rows a sheet saves below its data',
      ['date,canteen,meal,item,quantity', ROWS[0].join(','), '', ...ROWS.slice(1).map((row) => row.join(',')), ',,,,', ' , , , , ', ''].join('\n'),
    ],
  ])('reads %s', (_, text) => {
    expect(summary(text)).toEqual(EXPECTED);
  });

  it.each([
    ['2026/1/5', '2026/1/6'],
    ['2026-01-05 00:00:00', '2026-01-06 00:00:00'],
    ['2026-01-05T00:00:00', '2026-01-06T00:00:00'],
    ['2026.01.05', '2026.1.6'],
    ['2026年1月5日', '20260106'],
  ])('reads year-first dates such as %s', (first, second) => {
    const spelled = { '2026-01-05': first, '2026-01-06': second } as Record<string, string>;
    expect(summary(['date,canteen,meal,item,quantity', ...ROWS.map(([date, ...rest]) => [spelled[date], ...rest].join(','))].join('\n'))).toEqual(EXPECTED);
  });

  it.each([
    ['05.01.2026', 'line 2: column date: invalid date "05.01.2026" (expected year first: YYYY-MM-DD, YYYY/M/D or YYYY-MM-DD hh:mm:ss)'],
    ['01/05/2026', 'line 2: column date: invalid date "01/05/2026" (expected year first'],
    ['46027', 'line 2: column date: invalid date "46027" (expected year first'],
    ['2026/2/30', 'line 2: column date: invalid date "2026/2/30" (no such calendar day)'],
  ])('refuses the day- or month-first or impossible date %s, naming the line', (date, message) => {
    expect(() => parseLarderCsv(`date,canteen,meal,item,quantity\n${date},C1,lunch,*,3`)).toThrow(message);
  });

  it('takes a planned column blank throughout as no plan', () => {
    const text = ['date,canteen,meal,item,quantity,planned', ...ROWS.map((row) => `${row.join(',')},`)].join('\n');
    expect(parseLarderCsv(text).hasPlanned).toBe(false);
    expect(parseLarderCsv(text.replace('2026-01-06,C1,lunch,*,210,', '2026-01-06,C1,lunch,*,210,220')).hasPlanned).toBe(true);
  });

  it.each([
    ['"12,5"', 'line 2: column quantity is not a number: "12,5" (write decimals with a point: 12.5)'],
    ['"1,23.4"', 'line 2: column quantity is not a number: "1,23.4" (a comma may only separate thousands, in groups of three: 1,234.5)'],
    ['3,fresh', 'line 2: column note is not a number: "fresh" (every column besides date, canteen, meal, item, quantity, planned is a numeric driver: remove column note or give it numbers)'],
    ['0x10', 'line 2: column quantity is not a number: "0x10"'],
  ])('says how to write the cell %s', (cells, message) => {
    expect(() => parseLarderCsv(`date,canteen,meal,item,quantity,note\n2026-01-05,C1,lunch,*,${cells.includes('fresh') ? cells : `${cells},1`}`)).toThrow(message);
  });

  it('reads decimal notation: 12.5, .5, 1e3, +4', () => {
    const text = ['date,canteen,meal,item,quantity', '2026-01-05,C1,lunch,*,12.5', '2026-01-06,C1,lunch,*,.5', '2026-01-07,C1,lunch,*,1e3', '2026-01-08,C1,lunch,*,+4'].join('\n');
    expect(Array.from(parseLarderCsv(text).series[0].series.values)).toEqual([12.5, 0.5, 1000, 4]);
  });

  it('reads thousands separators as the importer does: 1,234 and 1,234.5', () => {
    const text = ['date,canteen,meal,item,quantity,planned,price', '2026-01-05,C1,lunch,*,"1,234","1,300","-1,050.5"', '2026-01-06,C1,lunch,*,"1,234.5",,12'].join('\n');
    const [parsed] = parseLarderCsv(text).series;
    expect(Array.from(parsed.series.values)).toEqual([1234, 1234.5]);
    expect(Array.from(parsed.planned)).toEqual([1300, Number.NaN]);
    expect(Array.from(parsed.series.drivers.price)).toEqual([-1050.5, 12]);
  });

  it('names an empty or missing date cell', () => {
    expect(() => parseLarderCsv('canteen,meal,item,quantity,date\nC1,lunch,*,3,2026-01-05\nC1,lunch,*,4')).toThrow('bad CSV line 3: column date is empty');
  });

  it('names the date of a duplicate row', () => {
    expect(() => parseLarderCsv('date,canteen,meal,item,quantity\n2026/1/5,C1,lunch,*,3\n2026-01-05,C1,lunch,,4')).toThrow('line 3: duplicate row for C1/lunch/* on 2026-01-05 (also line 2)');
  });

  it('leaves out the unnamed column of a separator at the end of each line', () => {
    const text = ['date,canteen,meal,item,quantity,', ...ROWS.map((row) => `${row.join(',')},`)].join('\n');
    expect(summary(text)).toEqual(EXPECTED);
    expect(parseLarderCsv(text).driverNames).toEqual([]);
  });

  it('refuses a column name given twice rather than pick one', () => {
    expect(() => parseLarderCsv('date,canteen,meal,item,quantity,Quantity\n2026-01-05,C1,lunch,*,3,5')).toThrow(
      'bad CSV: column quantity appears twice in the header (header: date,canteen,meal,item,quantity,quantity)',
    );
  });

  it('names the header it found when the required columns are missing', () => {
    expect(() => parseLarderCsv('day|canteen|meal|item|qty\n2026-01-05|C1|lunch|*|3')).toThrow('bad CSV: missing column(s) date, quantity (header: day,canteen,meal,item,qty)');
  });
});
