import { quantileOfSorted } from '../core/quantiles';
import { randomSource } from '../testing/synthetic';
import { DatedErrors, LatestErrors, PooledWindow } from './error-windows';

/** What the window stands for: the errors of (origin − windowDays, origin] sorted, read at evenly spaced levels. */
function bySorting(bySeries: readonly DatedErrors[], origin: number, windowDays: number, points: number): Float64Array {
  const values: number[] = [];
  for (const { days, errors } of bySeries) days.forEach((day, k) => day > origin - windowDays && day <= origin && values.push(errors[k]));
  const sorted = Float64Array.from(values).sort();
  if (sorted.length <= points) return sorted;
  return Float64Array.from({ length: points }, (_, k) => quantileOfSorted(sorted, k / (points - 1)));
}

/** Series with gaps (closed days), a late start, and errors that tie often (whole-number sales over small forecasts). */
function panel(seed: string, count: number): DatedErrors[] {
  const random = randomSource(seed);
  return Array.from({ length: count }, (_, s) => {
    const days: number[] = [];
    const errors: number[] = [];
    for (let day = 1_000 + s * 9; day < 1_300; day++) {
      if (random.uniform() < 0.3) continue;
      days.push(day);
      errors.push(s % 3 === 0 ? Math.round(random.normal() * 2) / 4 : random.normal() * 0.2);
    }
    return { days: Int32Array.from(days), errors: Float64Array.from(errors) };
  });
}

describe('PooledWindow', () => {
  const series = panel('pooled', 12);

  it('gives the sorted window’s quantiles at any origin, in any order', () => {
    const window = new PooledWindow(series, 56, 41);
    const random = randomSource('origins');
    const origins = [1_299, 1_000, 1_120, 1_121, 1_180, 1_100, 990, 1_400, 1_250, 1_040];
    for (let k = 0; k < 30; k++) origins.push(980 + Math.floor(random.uniform() * 340));
    for (const origin of origins) expect(Array.from(window.at(origin))).toEqual(Array.from(bySorting(series, origin, 56, 41)));
  });

  it('returns every error of a small window, sorted, and nothing for an empty one', () => {
    const window = new PooledWindow(series, 3, 201);
    expect(Array.from(window.at(1_150))).toEqual(Array.from(bySorting(series, 1_150, 3, 201)));
    expect(window.at(900)).toHaveLength(0);
    expect(new PooledWindow([], 56, 201).at(1_000)).toHaveLength(0);
  });

  it('orders −0 before +0 as a typed array’s sort does', () => {
    const window = new PooledWindow([{ days: Int32Array.from([1, 2, 3]), errors: Float64Array.from([0, -0, 0]) }], 56, 201);
    expect(Array.from(window.at(3), (value) => Object.is(value, -0))).toEqual([true, false, false]);
  });
});

describe('LatestErrors', () => {
  it('gives the latest errors up to an origin sorted, stepping or starting afresh', () => {
    const [dated] = panel('latest', 4).filter((_, s) => s % 3 === 0);
    const latest = new LatestErrors(dated, 40);
    const bySlicing = (origin: number) => {
      const end = dated.days.filter((day) => day <= origin).length;
      return Array.from(dated.errors.slice(Math.max(0, end - 40), end).sort());
    };
    const origins = [990, 1_010, 1_011, 1_012, 1_030, 1_031, 1_090, 1_091, 1_092, 1_100, 1_150, 1_060, 1_061, 1_299];
    for (const origin of origins) expect(Array.from(latest.at(origin))).toEqual(bySlicing(origin));
  });

  it('never changes an array it returned', () => {
    const latest = new LatestErrors({ days: Int32Array.from([1, 2, 3, 4]), errors: Float64Array.from([3, 1, 2, 0]) }, 2);
    const first = latest.at(2);
    latest.at(3);
    latest.at(4);
    expect(Array.from(first)).toEqual([1, 3]);
  });
});
