import { formatIsoDate, isoWeekday } from '../core/iso-date';
import { createHorizon, createServiceSeries, Horizon, ServiceSeries } from '../core/service-series';
import { backtestCandidates, backtestModel, planBacktest } from '../evaluation/backtest';
import { randomSource, serviceDays } from '../testing/synthetic';
import { EnsembleModel } from './ensemble.model';
import { BaseForecastModel } from './forecast-model';
import { createModel } from './model-factory';

const WEEKLY = [100, 120, 130, 110, 80];

function noisySeries(count: number): ServiceSeries {
  const days = serviceDays({ from: '2025-01-06', count });
  const random = randomSource('ensemble');
  return createServiceSeries({ dates: days, values: days.map((day) => WEEKLY[isoWeekday(day)] * (1 + 0.15 * random.normal()) + 0.2 * days.indexOf(day)) });
}

/** Forecasts a constant; `fails` makes fitting throw. */
class ConstantModel extends BaseForecastModel {
  readonly name = 'constant';
  constructor(
    private readonly value: number,
    private readonly fails = false,
  ) {
    super();
  }
  insampleResiduals(): Float64Array {
    return Float64Array.of(1, -1);
  }
  protected fitHistory(): void {
    if (this.fails) throw new Error('cannot fit');
  }
  protected predictDays(horizon: Horizon): Float64Array {
    return new Float64Array(horizon.days.length).fill(this.value);
  }
}

describe('ensemble model', () => {
  const series = noisySeries(200);
  const horizon = createHorizon(serviceDays({ from: formatIsoDate(series.days[series.days.length - 1] + 1), count: 5 }));

  it('forecasts the mean of its members', () => {
    const members = ['median4', 'ets', 'regression'].map((name) => createModel(name).fit(series).predictPoint(horizon));
    const point = createModel('ensemble').fit(series).predictPoint(horizon);
    point.forEach((value, i) => expect(value).toBeCloseTo((members[0][i] + members[1][i] + members[2][i]) / 3, 9));
  });

  it('leaves out a member that cannot fit, and fails only when none can', () => {
    expect([...new EnsembleModel([new ConstantModel(10), new ConstantModel(99, true), new ConstantModel(20)]).fit(series).predictPoint(horizon)]).toEqual([15, 15, 15, 15, 15]);
    expect(() => new EnsembleModel([new ConstantModel(1, true)]).fit(series)).toThrow('no member could fit');
  });

  it("backtests as the mean of its members' backtests, each member fitted once", () => {
    const blocks = planBacktest({ days: series.days, testStart: 150, leadDays: 7, refitEvery: 7 });
    const fromMembers = backtestCandidates({ series, blocks, names: ['ensemble', 'median4'] }).get('ensemble')!;
    const direct = backtestModel({ series, blocks, model: createModel('ensemble') });
    expect(fromMembers.length).toBe(direct.length);
    direct.forEach((value, i) => expect(fromMembers[i]).toBeCloseTo(value, 9));
  });
});
