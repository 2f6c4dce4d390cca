import { sqlNumber } from './sql-values';

describe('sqlNumber', () => {
  it('reads int8 and numeric text, numbers and NULL as 0', () => {
    expect(sqlNumber('9007199254740')).toBe(9_007_199_254_740);
    expect(sqlNumber('12.50')).toBe(12.5);
    expect(sqlNumber(7)).toBe(7);
    expect(sqlNumber(null)).toBe(0);
    expect(sqlNumber(undefined)).toBe(0);
  });
});
