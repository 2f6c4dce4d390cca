import { momentDispersion, negativeBinomialQuantile } from './negative-binomial';

const LEVELS = [0.1, 0.5, 0.8, 0.9, 0.99];
const quantiles = (mean: number, dispersion: number) => LEVELS.map((level) => negativeBinomialQuantile(mean, dispersion, level));

describe('negativeBinomialQuantile', () => {
  it('gives the Poisson quantiles at dispersion 0 (CDF of Poisson(1): 0.368, 0.736, 0.920, 0.981, 0.996)', () => {
    expect(quantiles(1, 0)).toEqual([0, 1, 2, 2, 4]);
  });

  it('gives the geometric quantiles at dispersion 1 (mean 2: CDF 1 − (2/3)^(k+1))', () => {
    expect(quantiles(2, 1)).toEqual([0, 1, 3, 5, 11]);
  });

  it('matches R qnbinom / scipy nbinom.ppf', () => {
    // qnbinom(c(.1,.5,.8,.9,.99), size = r, mu = μ) for (μ, r) = (3, 0.5), (0.4, 2), (10, 4)
    expect(quantiles(3, 2)).toEqual([0, 1, 5, 9, 21]);
    expect(quantiles(0.4, 0.5)).toEqual([0, 0, 1, 1, 3]);
    expect(quantiles(10, 0.25)).toEqual([3, 9, 14, 18, 28]);
  });

  it('is 0 for a mean of 0 and never decreases with the level', () => {
    expect(quantiles(0, 3)).toEqual([0, 0, 0, 0, 0]);
    const ladder = Array.from({ length: 99 }, (_, k) => negativeBinomialQuantile(0.7, 1.5, (k + 1) / 100));
    expect(ladder).toEqual([...ladder].sort((a, b) => a - b));
  });
});

describe('momentDispersion', () => {
  it('reads the excess of the squared errors over a Poisson spread per squared mean, never below 0', () => {
    expect(momentDispersion(8, 4)).toBe(2);
    expect(momentDispersion(-3, 4)).toBe(0);
    expect(momentDispersion(5, 0)).toBe(0);
  });
});
