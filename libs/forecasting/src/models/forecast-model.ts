import { calibrateQuantiles, mergeLevels, QuantileMap } from '../core/quantiles';
import { Horizon, ServiceSeries } from '../core/service-series';

export interface Forecast {
  readonly days: Int32Array;
  readonly point: Float64Array;
  /** Always holds 0.1, 0.5 and 0.9 plus every requested level. */
  readonly quantiles: QuantileMap;
}

export interface PredictRequest {
  readonly horizon: Horizon;
  /** Extra quantile levels (probabilities), e.g. [0.8, 0.95]. */
  readonly levels?: readonly number[];
}

/** statsforecast-style model: fit on service-day history, then predict the caller's future service days. */
export interface ForecastModel {
  readonly name: string;
  fit(series: ServiceSeries): this;
  /**
   * Hands the fitted model newer history (the fitted history plus later days) without
   * re-estimating its parameters: forecasts then start from the latest data, as between two refits.
   */
  update(series: ServiceSeries): this;
  /** Point forecasts only: cheap, used inside backtests. */
  predictPoint(horizon: Horizon): Float64Array;
  predict(request: PredictRequest): Forecast;
  /** Errors (actual − fitted) of the model on its own history, for uncalibrated quantiles. */
  insampleResiduals(): Float64Array;
}

/** Shared plumbing: history checks, non-negative points, in-sample residual quantiles. */
export abstract class BaseForecastModel implements ForecastModel {
  abstract readonly name: string;
  private fittedHistory: ServiceSeries | undefined;

  protected get history(): ServiceSeries {
    if (!this.fittedHistory) throw new Error(`${this.name}: predict called before fit`);
    return this.fittedHistory;
  }

  fit(series: ServiceSeries): this {
    if (series.days.length === 0) throw new Error(`${this.name}: no history to fit`);
    this.fittedHistory = series;
    this.fitHistory(series);
    return this;
  }

  update(series: ServiceSeries): this {
    if (!this.fittedHistory) return this.fit(series);
    if (series.days.length === 0) throw new Error(`${this.name}: no history to update with`);
    this.fittedHistory = series;
    this.updateHistory(series);
    return this;
  }

  /** Default: parameter-free models simply re-read the history. */
  protected updateHistory(series: ServiceSeries): void {
    this.fitHistory(series);
  }

  predictPoint(horizon: Horizon): Float64Array {
    const point = this.predictDays(horizon);
    for (let i = 0; i < point.length; i++) {
      if (!Number.isFinite(point[i])) throw new Error(`${this.name}: non-finite forecast`);
      if (point[i] < 0) point[i] = 0;
    }
    return point;
  }

  predict(request: PredictRequest): Forecast {
    const point = this.predictPoint(request.horizon);
    const quantiles = calibrateQuantiles({ point, residuals: this.insampleResiduals(), levels: mergeLevels(request.levels) });
    return { days: request.horizon.days, point, quantiles };
  }

  abstract insampleResiduals(): Float64Array;
  protected abstract fitHistory(series: ServiceSeries): void;
  protected abstract predictDays(horizon: Horizon): Float64Array;
}
