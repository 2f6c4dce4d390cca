import { Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from './forecast-model';

export type IntermittentMethod = 'croston' | 'sba' | 'tsb';

const SMOOTHING = [0.05, 0.1, 0.2, 0.3];

/**
 * Croston / SBA / TSB for dishes that sell on few service days. Intervals are counted in
 * service days (a closed week is not "no demand"). Forecasts are flat: expected quantity per service day.
 */
export class IntermittentModel extends BaseForecastModel {
  readonly name: IntermittentMethod;
  private level = 0;
  private alpha = 0;
  private beta = 0;

  constructor(method: IntermittentMethod) {
    super();
    this.name = method;
  }

  protected fitHistory(series: ServiceSeries): void {
    const values = series.values;
    let best = Number.POSITIVE_INFINITY;
    for (const alpha of SMOOTHING) {
      const betas = this.name === 'tsb' ? SMOOTHING : [alpha];
      for (const beta of betas) {
        const { level, sse } = this.run({ values, alpha, beta });
        if (sse < best) [best, this.level, this.alpha, this.beta] = [sse, level, alpha, beta];
      }
    }
  }

  protected override updateHistory(series: ServiceSeries): void {
    this.level = this.run({ values: series.values, alpha: this.alpha, beta: this.beta }).level;
  }

  /** One pass of the method: the final per-day forecast and the one-step squared error (residuals filled if given). */
  private run(pass: { values: Float64Array; alpha: number; beta: number; residuals?: Float64Array }): { level: number; sse: number } {
    const { values, alpha, beta, residuals } = pass;
    const first = values.findIndex((value) => value > 0);
    if (first < 0) return { level: 0, sse: 0 };
    const tsb = this.name === 'tsb';
    const bias = this.name === 'sba' ? 1 - alpha / 2 : 1;
    let size = values[first];
    let interval = first + 1;
    let probability = 1 / (first + 1);
    let sinceLast = 1;
    let sse = 0;
    for (let i = first + 1; i < values.length; i++) {
      const error = values[i] - (tsb ? probability * size : (bias * size) / interval);
      sse += error * error;
      if (residuals) residuals[i] = error;
      const demand = values[i] > 0;
      if (tsb) {
        probability += beta * ((demand ? 1 : 0) - probability);
        if (demand) size += alpha * (values[i] - size);
      } else if (demand) {
        size += alpha * (values[i] - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = demand ? 1 : sinceLast + 1;
    }
    return { level: tsb ? probability * size : (bias * size) / interval, sse };
  }

  protected predictDays(horizon: Horizon): Float64Array {
    return new Float64Array(horizon.days.length).fill(this.level);
  }

  insampleResiduals(): Float64Array {
    const residuals = new Float64Array(this.history.values.length);
    this.run({ values: this.history.values, alpha: this.alpha, beta: this.beta, residuals });
    return residuals;
  }
}
