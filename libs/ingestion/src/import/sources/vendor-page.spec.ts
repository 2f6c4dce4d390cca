import { cutPage, pageSql, WATERMARK_ALIAS } from './vendor-page';

const row = (mark: string, id: string) => ({ id, [WATERMARK_ALIAS]: mark });

describe('vendor pages', () => {
  it('quotes the watermark column and wraps the query', () => {
    expect(pageSql({ query: 'SELECT * FROM t WHERE "交易时间" > $1', watermarkColumn: '交易时间', limit: 10 })).toBe(
      `SELECT src.*, (src."交易时间")::text AS ${WATERMARK_ALIAS} FROM (SELECT * FROM t WHERE "交易时间" > $1) AS src WHERE src."交易时间" IS NOT NULL ORDER BY src."交易时间" LIMIT 10`,
    );
    expect(pageSql({ query: 'q', watermarkColumn: 'a"b', limit: 1 })).toContain('src."a""b"');
  });

  it('keeps a short page whole and marks it the last', () => {
    expect(cutPage([row('1', 'a'), row('2', 'b')], 5)).toMatchObject({ watermark: '2', last: true, tooSmall: false });
    expect(cutPage([], 5)).toMatchObject({ rows: [], watermark: null, last: true });
  });

  it('leaves the rows sharing the last watermark of a full page for the next page', () => {
    const cut = cutPage([row('1', 'a'), row('2', 'b'), row('3', 'c'), row('3', 'd')], 4);
    expect(cut).toMatchObject({ watermark: '2', last: false, tooSmall: false });
    expect(cut.rows.map((kept) => kept.id)).toEqual(['a', 'b']);
  });

  it('asks for a larger page when one watermark fills it', () => {
    expect(cutPage([row('3', 'a'), row('3', 'b')], 2)).toMatchObject({ rows: [], tooSmall: true, last: false });
  });
});
