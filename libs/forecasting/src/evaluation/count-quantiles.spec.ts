import { randomSource } from '../testing/synthetic';
import { ConformalSeries } from './conformal';
import { countQuantiles } from './count-quantiles';

const LEVELS = [0.1, 0.5, 0.8, 0.9];
const DAYS = 400;

/** Gamma–Poisson (negative binomial) counts of mean `mean` and dispersion 1, forecast at their mean. */
function overdispersed(seed: string, mean: number): ConformalSeries {
  const random = randomSource(seed);
  const poisson = (rate: number) => {
    let k = 0;
    for (let product = random.uniform(); product > Math.exp(-rate); product *= random.uniform()) k++;
    return k;
  };
  // An exponential rate (gamma of shape 1) around the mean: dispersion 1.
  const actual = Float64Array.from({ length: DAYS }, () => poisson(-mean * Math.log(1 - random.uniform())));
  return { days: Int32Array.from({ length: DAYS }, (_, i) => 20_000 + i), actual, point: new Float64Array(DAYS).fill(mean) };
}

const fallbackOf = (series: ConformalSeries) => new Map(LEVELS.map((level) => [level, new Float64Array(series.days.length).fill(-1)] as const));

describe('countQuantiles', () => {
  it('reads a low count quantiles off a negative binomial around its forecast, calibrated at every level', () => {
    const series = overdispersed('low', 2);
    const [quantiles] = countQuantiles({ series: [series], lead: 7, levels: LEVELS, fallback: [fallbackOf(series)] });
    // A count's τ-quantile q has P(y < q) ≤ τ ≤ P(y ≤ q): checked on the days after the first 100.
    for (const level of LEVELS) {
      const values = quantiles.get(level)!;
      let below = 0;
      let atMost = 0;
      for (let i = 100; i < DAYS; i++) {
        below += series.actual[i] < values[i] ? 1 : 0;
        atMost += series.actual[i] <= values[i] ? 1 : 0;
      }
      expect(below / (DAYS - 100)).toBeLessThan(level + 0.05);
      expect(atMost / (DAYS - 100)).toBeGreaterThan(level - 0.05);
    }
    for (const values of quantiles.values()) expect(values.subarray(100).every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    // The geometric quantiles of mean 2 (dispersion 1): p50 = 1, p90 = 5, give or take the estimate.
    expect(quantiles.get(0.5)![300]).toBe(1);
    expect(Math.abs(quantiles.get(0.9)![300] - 5)).toBeLessThanOrEqual(1);
  });

  it('moves a forecast that sits below the sales (a median-like point of a sparse item) up by its mean error', () => {
    const series = { ...overdispersed('biased', 2), point: new Float64Array(DAYS).fill(0.5) };
    const [quantiles] = countQuantiles({ series: [series], lead: 7, levels: LEVELS, fallback: [fallbackOf(series)] });
    expect(quantiles.get(0.5)![300]).toBe(1);
    expect(Math.abs(quantiles.get(0.9)![300] - 5)).toBeLessThanOrEqual(1);
  });

  it('keeps the fallback of a large series, of a series of fractions and of days with no level known yet', () => {
    const large = overdispersed('large', 40);
    const fractional = { ...overdispersed('fractions', 2), actual: overdispersed('fractions', 2).actual.map((value) => value + 0.5) };
    const low = overdispersed('low', 2);
    const series = [large, fractional, low];
    const quantiles = countQuantiles({ series, lead: 7, levels: LEVELS, fallback: series.map(fallbackOf) });
    const untouched = (values: Float64Array) => values.every((value) => value === -1);
    expect(untouched(quantiles[0].get(0.9)!.subarray(35))).toBe(true);
    expect(untouched(quantiles[1].get(0.9)!)).toBe(true);
    expect(untouched(quantiles[2].get(0.9)!.subarray(0, 7))).toBe(true);
    expect(quantiles[2].get(0.9)![30]).not.toBe(-1);
  });
});
