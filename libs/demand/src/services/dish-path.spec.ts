import { chooseDishPath, dishModelLabel, PathRecord } from './dish-path';

const record = (actual: number, topDown: number, bottomUp: number): PathRecord => ({ actual, points: { 'top-down': topDown, 'bottom-up': bottomUp, mean: (topDown + bottomUp) / 2 } });

describe('chooseDishPath', () => {
  it('takes the path with the least absolute error summed over the record', () => {
    expect(chooseDishPath([record(10, 20, 11), record(30, 20, 29)])).toBe('bottom-up');
    expect(chooseDishPath([record(10, 14, 6), record(30, 34, 26)])).toBe('mean');
    expect(chooseDishPath([record(10, 11, 20), record(30, 29, 20)])).toBe('top-down');
  });

  it("keeps the share model's split on a tie and without a record", () => {
    expect(chooseDishPath([record(10, 12, 12), record(20, 19, 19)])).toBe('top-down');
    expect(chooseDishPath([])).toBe('top-down');
  });
});

describe('dishModelLabel', () => {
  it('names the path that served', () => {
    expect(dishModelLabel('regression', 'top-down')).toBe('regression+shares');
    expect(dishModelLabel('regression', 'bottom-up')).toBe('own series');
    expect(dishModelLabel('regression', 'mean')).toBe('mean(regression+shares, own series)');
  });
});

describe('chooseDishPath on a record both paths split all but exactly', () => {
  it('keeps the split when the other paths are better by less than 0.01 point of WAPE', () => {
    expect(chooseDishPath([record(10_000, 10_000.5, 10_000.1)])).toBe('top-down');
    expect(chooseDishPath([record(10_000, 10_003, 10_000)])).toBe('bottom-up');
  });
});
