import { fitGbm, weightedMedian } from './histogram-gbm';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Friedman #1 (Friedman 1991, the standard boosting test): y = 10 sin(π x1 x2) + 20 (x3 − ½)² + 10 x4 + 5 x5 + N(0, 1), x6…x10 noise. */
function friedman(rows: number, seed: number): { x: Float64Array; y: Float64Array; truth: Float64Array } {
  const next = random(seed);
  const x = new Float64Array(rows * 10);
  const y = new Float64Array(rows);
  const truth = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 10; j++) x[i * 10 + j] = next();
    const v = x.subarray(i * 10, i * 10 + 10);
    truth[i] = 10 * Math.sin(Math.PI * v[0] * v[1]) + 20 * (v[2] - 0.5) ** 2 + 10 * v[3] + 5 * v[4];
    const gaussian = Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
    y[i] = truth[i] + gaussian;
  }
  return { x, y, truth };
}

const mse = (a: Float64Array, b: Float64Array) => a.reduce((sum, v, i) => sum + (v - b[i]) ** 2, 0) / a.length;

describe('histogram gradient boosting', () => {
  it('learns Friedman #1 to within a small multiple of the noise (a linear model leaves ≈ 7)', () => {
    const train = friedman(4000, 7);
    const test = friedman(2000, 11);
    const model = fitGbm({ x: train.x, features: 10, y: train.y }, { loss: 'l2', iterations: 300, learningRate: 0.1, minLeafRows: 20 });
    const error = mse(model.predict(test.x), test.truth);
    // Published boosted trees reach a test MSE of about 1–2 against the noiseless function at this size.
    expect(error).toBeLessThan(2);
  });

  it('keeps the default of an option passed as undefined', () => {
    const train = friedman(600, 5);
    const data = { x: train.x, features: 10, y: train.y };
    const settings = { loss: 'l2' as const, iterations: 20 };
    const defaults = fitGbm(data, settings).predict(train.x);
    expect([...fitGbm(data, { ...settings, minLeafRows: undefined, maxLeaves: undefined }).predict(train.x)]).toEqual([...defaults]);
  });

  it('with the absolute loss, fits the conditional median, not the mean, of skewed noise', () => {
    const next = random(3);
    const rows = 6000;
    const x = new Float64Array(rows);
    const y = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      x[i] = next() < 0.5 ? 0 : 1;
      // Exponential noise: median ln 2 ≈ 0.693, mean 1.
      y[i] = 10 * x[i] - Math.log(1 - next());
    }
    const model = fitGbm({ x, features: 1, y }, { loss: 'l1', iterations: 60, learningRate: 0.2 });
    expect(model.predictRow([0])).toBeCloseTo(Math.LN2, 1);
    expect(model.predictRow([1])).toBeCloseTo(10 + Math.LN2, 1);
  });

  it('finds the best single split that an exhaustive search finds', () => {
    const next = random(5);
    const rows = 500;
    const x = new Float64Array(rows * 2);
    const y = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      x[i * 2] = Math.floor(next() * 40);
      x[i * 2 + 1] = next();
      y[i] = (x[i * 2] > 23 ? 5 : 0) + next();
    }
    const stump = fitGbm({ x, features: 2, y }, { loss: 'l2', iterations: 1, learningRate: 1, maxLeaves: 2, minLeafRows: 1, lambda: 0, rowSubsample: 1 });
    let best = { sse: Number.POSITIVE_INFINITY, threshold: 0, left: 0, right: 0 };
    for (let t = 0; t < 40; t++) {
      const left = [...y].filter((_, i) => x[i * 2] <= t);
      const right = [...y].filter((_, i) => x[i * 2] > t);
      if (left.length === 0 || right.length === 0) continue;
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const sse = [left, right].reduce((sum, part) => sum + part.reduce((s, v) => s + (v - mean(part)) ** 2, 0), 0);
      if (sse < best.sse) best = { sse, threshold: t, left: mean(left), right: mean(right) };
    }
    expect(stump.predictRow([best.threshold, 0.5])).toBeCloseTo(best.left, 9);
    expect(stump.predictRow([best.threshold + 1, 0.5])).toBeCloseTo(best.right, 9);
  });

  it('sends missing values down one side and is deterministic', () => {
    const train = friedman(1000, 13);
    for (let i = 0; i < 1000; i += 7) train.x[i * 10 + 3] = Number.NaN;
    const a = fitGbm({ x: train.x, features: 10, y: train.y }, { iterations: 30 });
    const b = fitGbm({ x: train.x, features: 10, y: train.y }, { iterations: 30 });
    const row = Float64Array.from(train.x.subarray(0, 10));
    row[3] = Number.NaN;
    expect(Number.isFinite(a.predictRow(row))).toBe(true);
    expect(a.predict(train.x)).toEqual(b.predict(train.x));
  });

  it('weighted median takes the weights into account', () => {
    const median = (values: number[], weights: number[]) => weightedMedian(Float64Array.from(values), Float64Array.from(weights));
    expect(median([1, 2, 3], [1, 1, 1])).toBe(2);
    expect(median([1, 2, 3], [1, 1, 5])).toBe(3);
    expect(median([3, 1, 2, 2], [1, 1, 1, 1])).toBe(2);
    // Against sorting, on many random draws with ties.
    const next = random(17);
    for (let trial = 0; trial < 200; trial++) {
      const size = 1 + Math.floor(next() * 40);
      const values = Array.from({ length: size }, () => Math.floor(next() * 10));
      const weights = Array.from({ length: size }, () => 0.1 + next());
      const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
      const total = weights.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      const expected = values[order.find((i) => (cumulative += weights[i]) >= total / 2)!];
      expect(median(values, weights)).toBe(expected);
    }
  });
});
