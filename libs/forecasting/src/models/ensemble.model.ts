import { calibrateQuantiles, mergeLevels } from '../core/quantiles';
import { Horizon, ServiceSeries } from '../core/service-series';
import { Forecast, ForecastModel, PredictRequest } from './forecast-model';

/**
 * The equal-weight mean of several models' forecasts (M4's lesson: a plain average of a few
 * different models beats picking one per series on a short error window). A member that cannot
 * fit or forecast a day is left out of that day's mean; with no member left the forecast fails,
 * as a single model's would.
 */
export class EnsembleModel implements ForecastModel {
  readonly name = 'ensemble';
  private fitted: boolean[] = [];

  constructor(private readonly members: readonly ForecastModel[]) {
    if (members.length === 0) throw new Error('ensemble: no members');
  }

  fit(series: ServiceSeries): this {
    this.fitted = this.members.map((member) => attempt(() => member.fit(series)));
    if (!this.fitted.some(Boolean)) throw new Error('ensemble: no member could fit');
    return this;
  }

  update(series: ServiceSeries): this {
    this.fitted = this.members.map((member, m) => attempt(() => (this.fitted[m] ? member.update(series) : member.fit(series))));
    if (!this.fitted.some(Boolean)) throw new Error('ensemble: no member could update');
    return this;
  }

  predictPoint(horizon: Horizon): Float64Array {
    const sum = new Float64Array(horizon.days.length);
    const count = new Int32Array(horizon.days.length);
    this.members.forEach((member, m) => {
      if (!this.fitted[m]) return;
      let point: Float64Array;
      try {
        point = member.predictPoint(horizon);
      } catch {
        return;
      }
      for (let i = 0; i < point.length; i++) {
        if (!Number.isFinite(point[i])) continue;
        sum[i] += point[i];
        count[i]++;
      }
    });
    if (count.some((n) => n === 0)) throw new Error('ensemble: no member forecast some day');
    return sum.map((total, i) => total / count[i]);
  }

  predict(request: PredictRequest): Forecast {
    const point = this.predictPoint(request.horizon);
    return { days: request.horizon.days, point, quantiles: calibrateQuantiles({ point, residuals: this.insampleResiduals(), levels: mergeLevels(request.levels) }) };
  }

  /** The members' in-sample errors averaged day by day over the span they all cover (the latest days). */
  insampleResiduals(): Float64Array {
    const residuals = this.members.filter((_, m) => this.fitted[m]).map((member) => member.insampleResiduals());
    const length = Math.min(...residuals.map((values) => values.length));
    return Float64Array.from({ length }, (_, i) => residuals.reduce((sum, values) => sum + values[values.length - length + i], 0) / residuals.length);
  }
}

function attempt(step: () => unknown): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}
