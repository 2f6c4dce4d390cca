import { choiceWape, chooseDishPath, DatedPathRecord, dishModelLabel, PathRecord } from './dish-path';

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

describe('choiceWape', () => {
  const dated = (day: number, actual: number, topDown: number, bottomUp: number, ownSeries = true): DatedPathRecord => ({ ...record(actual, topDown, bottomUp), day, ownSeries });

  it('serves each day by the path the record known lead days before it chooses, the split while there is none', () => {
    // Day 0 and day 3 have no record 7 days old: the split (errors 10 and 10); day 7 knows day 0, where
    // the own series erred 1, and takes it (error 1); day 14 knows days 0–7 (error 2).
    const window = [dated(0, 10, 20, 11), dated(3, 10, 20, 11), dated(7, 10, 20, 9), dated(14, 10, 20, 12)];
    expect(choiceWape(window, 7)).toBeCloseTo((10 + 10 + 1 + 2) / 40, 10);
  });

  it('counts a dish without its own forecast as the split on every path, and leaves it out of the choice', () => {
    const window = [dated(0, 10, 20, 11), dated(7, 10, 20, 9), dated(7, 30, 10, 10, false)];
    expect(choiceWape(window, 7)).toBeCloseTo((10 + 1 + 20) / 50, 10);
    expect(choiceWape([], 7)).toBeNull();
  });
});
