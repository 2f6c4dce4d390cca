import { toCsv } from './table';

describe('CSV export', () => {
  it('quotes what needs quoting, keeps numbers raw and starts with a byte-order mark for Excel', () => {
    const csv = toCsv<{ name: string; fen: number | null }>(
      [
        { label: '菜品', cell: (row) => row.name },
        { label: 'Revenue, ¥', cell: () => 'shown', csv: (row) => (row.fen === null ? null : row.fen / 100) },
      ],
      [
        { name: '宫保鸡丁', fen: 123456 },
        { name: 'say "hi"\nthere', fen: null },
      ],
    );
    expect(csv).toBe('\ufeff菜品,"Revenue, ¥"\r\n宫保鸡丁,1234.56\r\n"say ""hi""\nthere",\r\n');
  });

  it('keeps imported text that starts like a formula from running in a spreadsheet, numbers untouched', () => {
    const csv = toCsv<{ name: string; change: string; fen: number }>(
      [
        { label: 'dish', cell: (row) => row.name },
        { label: 'change', cell: (row) => row.change },
        { label: 'fen', cell: () => '', csv: (row) => row.fen },
      ],
      [
        { name: '=HYPERLINK("http://x","点我")', change: '-12.5%', fen: -300 },
        { name: '+1+cmd|calc', change: '+3', fen: 0 },
        { name: '@SUM(A1)', change: '-', fen: 1 },
      ],
    );
    expect(csv.split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""http://x"",""点我"")",-12.5%,-300`, "'+1+cmd|calc,+3,0", "'@SUM(A1),'-,1"]);
  });
});
