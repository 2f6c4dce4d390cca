import { parseIsoDate } from '../core/iso-date';
import { lastServed, medianOfServings } from './baselines';

/** A dish's service days (the days it was on the menu) with the portions taken. */
function history(entries: readonly (readonly [string, number])[]) {
  return { days: Int32Array.from(entries, ([date]) => parseIsoDate(date)), values: Float64Array.from(entries, ([, value]) => value) };
}

describe('dish baselines', () => {
  // On the menu on these days only (a rotating menu): the gaps are days it was not offered.
  const dish = history([
    ['2026-03-02', 10], // Mon
    ['2026-03-03', 0], // Tue: offered, nobody took it
    ['2026-03-05', 14], // Thu
    ['2026-03-09', 6], // Mon
    ['2026-03-12', 20], // Thu
    ['2026-03-16', 8], // Mon (target, index 5)
    ['2026-03-23', 12], // Mon (target, index 6)
  ]);

  it('lastServed takes the last serving dated at least `lead` days before the target, any weekday', () => {
    // Target 03-16: lead 7 → origin 03-09 → 6; lead 5 → origin 03-11 → still 6; lead 4 → origin 03-12 → 20 (a Thursday).
    expect([...lastServed(dish, [5], 7)]).toEqual([6]);
    expect([...lastServed(dish, [5], 5)]).toEqual([6]);
    expect([...lastServed(dish, [5], 4)]).toEqual([20]);
    // Lead 13 → origin 03-03: the serving nobody took counts as a serving of 0.
    expect([...lastServed(dish, [5], 13)]).toEqual([0]);
    // Lead 14 → origin 03-02: 10. Several targets at once.
    expect([...lastServed(dish, [5], 14)]).toEqual([10]);
    expect([...lastServed(dish, [6, 5], 7)]).toEqual([8, 6]);
  });

  it('lastServed is NaN when the dish had not been served by the origin', () => {
    expect(Number.isNaN(lastServed(dish, [1], 2)[0])).toBe(true); // target 03-03, origin 03-01
    expect([...lastServed(dish, [1], 1)]).toEqual([10]); // origin 03-02: that day's serving counts
  });

  it('medianOfServings is the median of the last k servings before the origin', () => {
    // Target 03-23, lead 7 → origin 03-16: servings 8, 20, 6, 14 → median (8 + 14) / 2 = 11.
    expect([...medianOfServings(dish, [6], 7)]).toEqual([11]);
    // k = 3: 8, 20, 6 → 8. Target 03-16, lead 10 → origin 03-06: 14, 0, 10 (fewer than 4) → 10.
    expect([...medianOfServings(dish, [6], 7, 3)]).toEqual([8]);
    expect([...medianOfServings(dish, [5], 10)]).toEqual([10]);
    // Target 03-16, lead 4 → origin 03-12: 20, 6, 14, 0 → (6 + 14) / 2 = 10.
    expect([...medianOfServings(dish, [5], 4)]).toEqual([10]);
    expect(Number.isNaN(medianOfServings(dish, [0], 1)[0])).toBe(true);
  });

  it('refuses a bad lead, k or target', () => {
    expect(() => lastServed(dish, [5], -1)).toThrow('lead must be');
    expect(() => medianOfServings(dish, [5], 7, 0)).toThrow('k must be');
    expect(() => lastServed(dish, [7], 7)).toThrow('outside the series');
  });
});
