import type { MealPeriod, ProgressListener } from '@larder/domain';

/** What `ForecastRunService.run` is asked to do; every field is optional. */
export interface ForecastRunRequest {
  /** Last day of history the run may see (default: yesterday in the configured time zone). */
  readonly asOf?: string;
  /** Calendar days after asOf to forecast (default 28). */
  readonly horizonDays?: number;
  /** Restrict the run to these canteens (default: every canteen). */
  readonly canteenIds?: readonly number[];
  /** …or these canteens by code (or id as text); an unknown one is a validation error. */
  readonly canteenCodes?: readonly string[];
  readonly trigger?: 'manual' | 'schedule' | 'startup';
  /** The canteens the caller may forecast (a manager's own): others are refused, and "all" means these. */
  readonly allowedCanteenIds?: readonly number[];
  /** How far the run is: canteens read, series forecast, then storing. */
  readonly onProgress?: ProgressListener;
}

/** One canteen × meal that could not be forecast; the run carries on without it. */
export interface FailedSeries {
  readonly canteenId: number;
  readonly canteenCode: string;
  readonly meal: MealPeriod;
  readonly error: string;
}

/** Unweighted means over series of the backtest WAPE (fractions, 0.089 = 8.9 %). */
export interface BacktestSummary {
  readonly covers: number | null;
  readonly dishes: number | null;
}

export interface BaselineSummary {
  /** Covers: the weekly naive and the median of the last 4 same weekdays (backtest candidates). */
  readonly covers: { readonly seasonalNaive: number | null; readonly median4: number | null };
  /** Dishes: the dish's quantity the last time it was served, and the median of its last 4 servings. */
  readonly dishes: { readonly lastServed: number | null; readonly median4: number | null };
}

export interface ForecastRunSummary {
  readonly runId: string;
  readonly asOf: string;
  readonly horizonDays: number;
  readonly status: 'done' | 'failed';
  /** Canteen × meal series forecast successfully. */
  readonly series: number;
  /** Forecast rows stored (covers and dishes). */
  readonly forecasts: number;
  readonly failed: readonly FailedSeries[];
  readonly seconds: number;
  readonly meanBacktestWape: BacktestSummary;
  readonly baselineWape: BaselineSummary;
  /** Models chosen for the covers series, with counts. */
  readonly models: Readonly<Record<string, number>>;
}

/** A stored run as listed by `GET /api/forecasts/runs`. */
export interface ForecastRunInfo {
  readonly id: string;
  readonly createdAt: string;
  readonly asOf: string;
  readonly horizonDays: number;
  readonly status: 'running' | 'done' | 'failed';
  readonly counts: { readonly series: number; readonly covers: number; readonly dishes: number; readonly failed: number };
  readonly meanBacktestWape: BacktestSummary;
  readonly failed: readonly FailedSeries[];
}
