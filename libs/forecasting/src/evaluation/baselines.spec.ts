import { parseIsoDate } from '../core/iso-date';
import { lastServed, medianOfServings } from './baselines';

/** A dish served on the given dates with the given quantities (0 = offered, none sold). */
function history(entries: readonly (readonly [string, number])[]) {
  return { days: Int32Array.from(entries, ([date]) => parseIsoDate(date)), values: Float64Array.from(entries, ([, value]) => value) };
}

describe('dish baselines', () => {
  const dish = history([
    ['2026-03-02', 10], // Mon
    ['2026-03-03', 0], // Tue: offered, none sold: not a serving
    ['2026-03-05', 14], // Thu
    ['2026-03-09', 6], // Mon
    ['2026-03-12', 20], // Thu
    ['2026-03-16', 8], // Mon (target, index 5)
    ['2026-03-23', 12], // Mon (target, index 6)
  ]);

  it('lastServed takes the last serving at least `lead` days before the target, skipping days without a sale', () => {
    // Target 2026-03-16, lead 7 → origin 03-09: the serving on 03-09 (6). Lead 5 → origin 03-11: still 03-09.
    expect([...lastServed(dish, [5], 7)]).toEqual([6]);
    expect([...lastServed(dish, [5], 5)]).toEqual([6]);
    // Lead 4 → origin 03-12: the Thursday serving (20). Lead 14 → origin 03-02: 10.
    expect([...lastServed(dish, [5], 4)]).toEqual([20]);
    expect([...lastServed(dish, [5], 14)]).toEqual([10]);
    // Target 03-23, lead 18 → origin 03-05: 14; the 0 on 03-03 is skipped only when it is the latest day.
    expect([...lastServed(dish, [6], 18)]).toEqual([14]);
    expect([...lastServed(dish, [6, 5], 7)]).toEqual([8, 6]);
  });

  it('lastServed is NaN when the dish had not been served by the origin', () => {
    const fresh = history([['2026-03-02', 0], ['2026-03-03', 5], ['2026-03-10', 7]]);
    // Target 03-03, lead 1 → origin 03-02: only a day without a sale before it.
    expect(Number.isNaN(lastServed(fresh, [1], 1)[0])).toBe(true);
    // Target 03-10, lead 7 → origin 03-03: the serving on the origin day itself counts.
    expect([...lastServed(fresh, [2], 7)]).toEqual([5]);
  });

  it('medianOfServings is the median of the last k servings of any weekday before the origin', () => {
    // Target 03-23, lead 7 → origin 03-16: servings 8, 20, 6, 14 (the 0 is skipped) → median (8+14)/2 = 11.
    expect([...medianOfServings(dish, [6], 7)]).toEqual([11]);
    // k = 3: 8, 20, 6 → 8. Fewer servings than k: target 03-16, lead 10 → origin 03-06: 14, 10 → 12.
    expect([...medianOfServings(dish, [6], 7, 3)]).toEqual([8]);
    expect([...medianOfServings(dish, [5], 10)]).toEqual([12]);
    expect(Number.isNaN(medianOfServings(dish, [0], 1)[0])).toBe(true);
  });

  it('refuses a bad lead, k or target', () => {
    expect(() => lastServed(dish, [5], -1)).toThrow('lead must be');
    expect(() => medianOfServings(dish, [5], 7, 0)).toThrow('k must be');
    expect(() => lastServed(dish, [7], 7)).toThrow('outside the series');
  });
});
