import { encodeCopyRow, encodeCopyValue } from './copy-encoding';

describe('COPY text encoding', () => {
  it('writes null as \\N and escapes the characters COPY treats specially', () => {
    expect(encodeCopyValue(null)).toBe('\\N');
    expect(encodeCopyValue('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });

  it('writes Chinese text, numbers, booleans and dates unchanged in meaning', () => {
    expect(encodeCopyRow(['红烧肉', 1850, true, new Date('2026-11-25T04:00:00Z')])).toBe('红烧肉\t1850\tt\t2026-11-25T04:00:00.000Z\n');
  });

  it('writes arrays as PostgreSQL array literals with quotes escaped', () => {
    expect(encodeCopyValue(['太咸', 'say "hi"'])).toBe('{"太咸","say \\\\"hi\\\\""}');
    expect(encodeCopyValue([1, 3, 5])).toBe('{1,3,5}');
  });

  it('refuses numbers a database cannot store', () => {
    expect(() => encodeCopyValue(Number.NaN)).toThrow(/non-finite/);
  });
});
