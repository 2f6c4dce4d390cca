import { toCsv } from './table';

describe('CSV export', () => {
  it('quotes what needs quoting, keeps numbers raw and starts with a byte-order mark for Excel', () => {
    const csv = toCsv<{ name: string; fen: number | null }>(
      [{ label: '菜品', cell: (row) => row.name }, { label: 'Revenue, ¥', cell: () => 'shown', csv: (row) => (row.fen === null ? null : row.fen / 100) }],
      [{ name: '宫保鸡丁', fen: 123456 }, { name: 'say "hi"\nthere', fen: null }],
    );
    expect(csv).toBe('\ufeff菜品,"Revenue, ¥"\r\n宫保鸡丁,1234.56\r\n"say ""hi""\nthere",\r\n');
  });
});
