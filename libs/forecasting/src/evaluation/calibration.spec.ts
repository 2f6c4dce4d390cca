import { isoWeekday } from '../core/iso-date';
import { createHorizon, createServiceSeries } from '../core/service-series';
import { randomSource, serviceDays } from '../testing/synthetic';
import { autoForecast } from './auto-forecast';
import { computeMetrics } from './metrics';
import { evaluateSeries } from './series-evaluation';

const PROFILE = [300, 340, 360, 320, 250];

function simulate(seed: string, count: number) {
  const random = randomSource(seed);
  const days = serviceDays({ from: '2024-01-01', count });
  // Skewed noise (log-normal) so that symmetric Gaussian intervals would be wrong.
  const values = days.map((day) => PROFILE[isoWeekday(day)] * Math.exp(0.12 * random.normal()));
  return { days, values };
}

describe('quantile calibration from backtest errors', () => {
  it.each(['a', 'b', 'c'])('80%% interval covers about 80%% of out-of-sample days (seed %s)', (seed) => {
    const { days, values } = simulate(`coverage-${seed}`, 700);
    const series = createServiceSeries({ dates: days, values });
    const evaluation = evaluateSeries({ series, candidates: ['median4', 'ets'], leadDays: 7, refitEvery: 7, testStart: 400, levels: [0.1, 0.5, 0.9] });
    const metrics = computeMetrics({ actual: evaluation.actual, point: evaluation.system.point, quantiles: evaluation.system.quantiles });
    expect(metrics.n).toBe(300);
    expect(metrics.coverage80).toBeGreaterThan(0.72);
    expect(metrics.coverage80).toBeLessThan(0.88);
  });

  it('autoForecast quantiles cover about 80% of the following weeks and are never negative', () => {
    const { days, values } = simulate('future', 600);
    const history = 400;
    const series = createServiceSeries({ dates: days.slice(0, history), values: values.slice(0, history) });
    const result = autoForecast({ series, horizon: createHorizon(days.slice(history)), testDays: 120, levels: [0.8] });
    expect(result.calibrated).toBe(true);
    const low = result.forecast.quantiles.get(0.1)!;
    const high = result.forecast.quantiles.get(0.9)!;
    let inside = 0;
    values.slice(history).forEach((value, i) => (inside += value >= low[i] && value <= high[i] ? 1 : 0));
    expect(inside / 200).toBeGreaterThan(0.7);
    expect(inside / 200).toBeLessThan(0.9);
    expect([...result.forecast.quantiles.get(0.8)!].every((value, i) => value >= result.forecast.quantiles.get(0.5)![i])).toBe(true);
  });

  it('clips quantiles of a low-volume dish at zero', () => {
    const random = randomSource('low');
    const days = serviceDays({ from: '2025-01-06', count: 200 });
    const values = days.map(() => (random.uniform() < 0.6 ? 0 : Math.round(1 + 3 * random.uniform())));
    const series = createServiceSeries({ dates: days.slice(0, 180), values: values.slice(0, 180) });
    const result = autoForecast({ series, horizon: createHorizon(days.slice(180)) });
    expect(['median4', 'croston', 'sba', 'tsb']).toContain(result.model);
    for (const quantile of result.forecast.quantiles.values()) for (const value of quantile) expect(value).toBeGreaterThanOrEqual(0);
    expect(result.forecast.quantiles.get(0.1)!.some((value) => value === 0)).toBe(true);
  });
});
