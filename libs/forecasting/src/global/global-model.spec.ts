import { kept, originMatrix, rowBudget, trainingShare } from './global-model';
import { Timeline } from './panel-features';

function timeline(length: number, level: number): Timeline {
  const days = Int32Array.from({ length }, (_, i) => 19_000 + i);
  const values = Float64Array.from(days, (day) => level * (1 + 0.2 * Math.sin(day)));
  return { days, values, drivers: {} };
}

describe('global model row budget', () => {
  it('keeps the full limit for panels of every real dataset so far (up to 500,000 service days)', () => {
    expect(rowBudget(10_000)).toBe(120_000);
    expect(rowBudget(500_000)).toBe(120_000);
    expect(rowBudget(400_000, 50_000)).toBe(50_000);
  });

  it('falls with the square root of a bigger panel, never under 30,000 rows nor over the limit', () => {
    expect(rowBudget(2_000_000)).toBe(60_000);
    expect(rowBudget(5_200_000)).toBeGreaterThan(30_000);
    expect(rowBudget(5_200_000)).toBeLessThan(40_000);
    expect(rowBudget(100_000_000)).toBe(30_000);
    expect(rowBudget(2_000_000, 20_000)).toBe(20_000);
  });

  it('featurises only the wanted rows: twice the budget, 1.25 times for a big panel', () => {
    const timelines = Array.from({ length: 50 }, (_, s) => timeline(400, 100 + s));
    const share = trainingShare(timelines, 4_000);
    expect(share).toBeCloseTo(0.4, 5);
    // 2,000,000 days: a budget of 60,000 rows, featurised 1.25 times over.
    expect(trainingShare(new Array<Timeline>(4_000).fill(timeline(500, 50)), 120_000)).toBeCloseTo((1.25 * 60_000) / 2_000_000, 8);
    const matrix = originMatrix({ timelines, originOf: (s, day, index) => (kept(s, index, share) ? day - 7 : Number.NaN) });
    expect(matrix.poolDays).toBe(20_000);
    expect(matrix.day.length).toBeGreaterThan(0.35 * 20_000);
    expect(matrix.day.length).toBeLessThan(0.45 * 20_000);
    expect(matrix.x.length).toBe(matrix.day.length * matrix.space.names.length);
    for (let r = 0; r < matrix.day.length; r++) expect(kept(matrix.series[r], matrix.index[r], share)).toBe(true);
  });
});
