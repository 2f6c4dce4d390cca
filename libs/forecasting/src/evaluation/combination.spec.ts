import { combineForHorizon, combineOnline } from './combination';

const horizonWeights = (params: Parameters<typeof combineForHorizon>[0]) => combineForHorizon(params).horizonWeight;

/** Days 0…n−1 where the global model is exact and the series' own model 20 % high. */
function series(n: number, level: number) {
  const days = Int32Array.from({ length: n }, (_, i) => 20_000 + i);
  const actual = Float64Array.from(days, (_, i) => level * (1 + 0.1 * Math.sin(i)));
  return { days, actual, global: Float64Array.from(actual), local: Float64Array.from(actual, (value) => value * 1.2) };
}

describe('combination of the global model and the series own model', () => {
  const panel = Array.from({ length: 5 }, (_, s) => series(120, 100 + 10 * s));

  it('gives the model that erred least over the window the weight, once its errors are known', () => {
    const { weight } = combineOnline({ series: panel, lead: 7 });
    expect(weight[0][0]).toBe(0.5); // no error known yet
    expect(weight[0][119]).toBe(1);
  });

  it('picks the horizon weight as the backtest would: from the panel, not from the series alone', () => {
    const weights = horizonWeights({ series: panel, lastDays: panel.map((entry) => entry.days[entry.days.length - 1]), lead: 7 });
    expect(weights).toEqual([1, 1, 1, 1, 1]);
  });

  it('combines the backtest days exactly as without the horizon day', () => {
    const noisy = panel.map((entry, s) => ({ ...entry, global: Float64Array.from(entry.global, (value, i) => value * (1 + 0.3 * Math.sin(i * (s + 1)))) }));
    const plain = combineOnline({ series: noisy, lead: 7 });
    const withHorizon = combineForHorizon({ series: noisy, lastDays: noisy.map((entry) => entry.days[119]), lead: 7 });
    expect(withHorizon.point).toEqual(plain.point);
    expect(withHorizon.weight).toEqual(plain.weight);
  });

  it('caps the global model at half for a panel of fewer than four series', () => {
    const small = panel.slice(0, 2);
    expect(horizonWeights({ series: small, lastDays: small.map((entry) => entry.days[119]), lead: 7 })).toEqual([0.5, 0.5]);
  });
});
