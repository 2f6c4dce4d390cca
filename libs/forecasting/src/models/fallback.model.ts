import { Horizon, ServiceSeries } from '../core/service-series';
import { Forecast, ForecastModel, PredictRequest } from './forecast-model';

export interface FallbackModelOptions {
  readonly primary: ForecastModel;
  readonly fallback: ForecastModel;
  /** Below this many service days the primary is not even tried. */
  readonly minHistory?: number;
}

/**
 * Uses the primary model, and the fallback when the primary has too little history,
 * fails to fit, or fails to predict (e.g. a driver is missing for the forecast days).
 */
export class FallbackModel implements ForecastModel {
  private readonly primary: ForecastModel;
  private readonly fallback: ForecastModel;
  private readonly minHistory: number;
  private usePrimary = false;
  /** History the fallback has not been fitted on yet: it is only fitted when actually needed. */
  private pendingHistory: ServiceSeries | undefined;
  private fallbackFitted = false;

  constructor(options: FallbackModelOptions) {
    this.primary = options.primary;
    this.fallback = options.fallback;
    this.minHistory = options.minHistory ?? 1;
  }

  get name(): string {
    return this.primary.name;
  }

  /** Name of the model that actually produced the last fit (primary or fallback). */
  get activeName(): string {
    return this.usePrimary ? this.primary.name : this.fallback.name;
  }

  fit(series: ServiceSeries): this {
    this.pendingHistory = series;
    this.fallbackFitted = false;
    this.usePrimary = false;
    if (series.days.length >= this.minHistory) {
      try {
        this.primary.fit(series);
        this.usePrimary = true;
      } catch {
        // Too short, singular or otherwise unusable: the fallback already holds a fit.
      }
    }
    return this;
  }

  update(series: ServiceSeries): this {
    this.pendingHistory = series;
    this.fallbackFitted = false;
    if (this.usePrimary) {
      try {
        this.primary.update(series);
      } catch {
        this.usePrimary = false;
      }
    }
    return this;
  }

  predictPoint(horizon: Horizon): Float64Array {
    if (this.usePrimary) {
      try {
        return this.primary.predictPoint(horizon);
      } catch {
        // e.g. future drivers missing: fall through to the fallback.
      }
    }
    return this.readyFallback().predictPoint(horizon);
  }

  predict(request: PredictRequest): Forecast {
    if (this.usePrimary) {
      try {
        return this.primary.predict(request);
      } catch {
        // See predictPoint.
      }
    }
    return this.readyFallback().predict(request);
  }

  insampleResiduals(): Float64Array {
    return this.usePrimary ? this.primary.insampleResiduals() : this.readyFallback().insampleResiduals();
  }

  private readyFallback(): ForecastModel {
    if (!this.pendingHistory) throw new Error(`${this.name}: predict called before fit`);
    if (!this.fallbackFitted) {
      this.fallback.fit(this.pendingHistory);
      this.fallbackFitted = true;
    }
    return this.fallback;
  }
}
