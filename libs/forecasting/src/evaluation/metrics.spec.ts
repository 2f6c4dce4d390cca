import { bandShare, computeMetrics, pinballLoss, smape } from './metrics';

describe('metrics', () => {
  it('computes the hand-checked values', () => {
    const actual = Float64Array.from([10, 20, 30, 40]);
    const point = Float64Array.from([12, 18, 30, 50]);
    const quantiles = new Map([
      [0.1, Float64Array.from([5, 19, 20, 30])],
      [0.5, point],
      [0.9, Float64Array.from([15, 25, 29, 60])],
    ]);
    const metrics = computeMetrics({ actual, point, quantiles, levels: [0.5], scale: Float64Array.from([2, 2, 2, 2]) });
    expect(metrics.n).toBe(4);
    expect(metrics.mae).toBeCloseTo(14 / 4);
    expect(metrics.wape).toBeCloseTo(14 / 100);
    expect(metrics.bias).toBeCloseTo(10 / 100);
    expect(metrics.overPct).toBeCloseTo(12 / 100);
    expect(metrics.underPct).toBeCloseTo(2 / 100);
    expect(metrics.mase).toBeCloseTo(14 / 8);
    expect(metrics.pinball).toBeCloseTo((0.5 * 14) / 100); // at the median, pinball = WAPE / 2
    expect(metrics.coverage80).toBeCloseTo(3 / 4); // 10, 20 and 40 inside their bands; 30 > 29 is outside
    expect(metrics.tieCoverage80).toBeCloseTo(3 / 4); // no actual equals a quantile: the same
  });

  it('counts an actual equal to several quantiles by the share of their levels inside p10–p90', () => {
    const levels = [0.1, 0.5, 0.8, 0.9];
    // No tie: inside or outside, as the plain coverage.
    expect(bandShare(3, levels, [1, 2, 4, 5])).toBe(1);
    expect(bandShare(0.5, levels, [1, 2, 4, 5])).toBe(0);
    expect(bandShare(6, levels, [1, 2, 4, 5])).toBe(0);
    // Nothing sold, p10 = p50 = p80 = 0 < p90: the PIT lies anywhere in 0–0.9, of which 0.1–0.9 is inside.
    expect(bandShare(0, levels, [0, 0, 0, 1])).toBeCloseTo(0.8 / 0.9, 12);
    // One sold, p90 = 1 above p80 = 0: between 0.8 and 1, half of it inside.
    expect(bandShare(1, levels, [0, 0, 0, 1])).toBeCloseTo(0.5, 12);
    // Every quantile 0 and nothing sold: 0–1, 80 % inside.
    expect(bandShare(0, levels, [0, 0, 0, 0])).toBeCloseTo(0.8, 12);
    // A missing actual or band end counts as outside, as in the plain coverage; a missing inner level is skipped.
    expect(bandShare(Number.NaN, levels, [1, 2, 4, 5])).toBe(0);
    expect(bandShare(3, levels, [Number.NaN, 2, 4, 5])).toBe(0);
    expect(bandShare(3, levels, [1, 2, 4, Number.NaN])).toBe(0);
    expect(bandShare(3, levels, [1, Number.NaN, 4, 5])).toBe(1);
    // Crossed quantiles without a tie: as the plain coverage.
    expect(bandShare(3, levels, [4, 2, 1, 5])).toBe(0);
  });

  it('brings a calibrated forecast of a sparse count to 80 % with ties spread, where the plain coverage says 95 %', () => {
    // A dish that sells nothing on 85 % of days, one on 10 %, two on 5 %: its true p10 = p50 = p80 = 0, p90 = 1.
    const actual = Float64Array.from({ length: 100 }, (_, i) => (i < 85 ? 0 : i < 95 ? 1 : 2));
    const constant = (value: number) => new Float64Array(100).fill(value);
    const quantiles = new Map([
      [0.1, constant(0)],
      [0.5, constant(0)],
      [0.8, constant(0)],
      [0.9, constant(1)],
    ]);
    const metrics = computeMetrics({ actual, point: constant(0), quantiles });
    expect(metrics.coverage80).toBeCloseTo(0.95, 12);
    expect(metrics.tieCoverage80).toBeCloseTo((85 * (0.8 / 0.9) + 10 * 0.5) / 100, 12);
    expect(metrics.tieCoverage80!).toBeGreaterThan(0.78);
    expect(metrics.tieCoverage80!).toBeLessThan(0.82);
  });

  it('pinball loss penalises under-forecasts by the level', () => {
    expect(pinballLoss(10, 8, 0.9)).toBeCloseTo(1.8);
    expect(pinballLoss(10, 12, 0.9)).toBeCloseTo(0.2);
  });

  it('sMAPE averages 2|F−A|/(|F|+|A|) over the days, an exact 0 counting as 0', () => {
    // Days: 2·2/22, 2·2/38, 0, 2·10/90, and F = A = 0 → 0; mean over 5 days.
    const expected = (4 / 22 + 4 / 38 + 0 + 20 / 90 + 0) / 5;
    expect(smape([10, 20, 30, 40, 0], [12, 18, 30, 50, 0])).toBeCloseTo(expected, 12);
    // A forecast of 0 for a sale (or a sale forecast for a 0) is the maximum, 2.
    expect(smape([0, 3], [4, 0])).toBe(2);
    expect(Number.isNaN(smape([], []))).toBe(true);
    expect(() => smape([1], [1, 2])).toThrow('smape');
  });
});
