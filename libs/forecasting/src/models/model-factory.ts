import { ServiceCalendar } from '../core/service-calendar';
import { CalendarDaysModel } from './calendar-days.model';
import { EnsembleModel } from './ensemble.model';
import { EtsModel } from './ets.model';
import { FallbackModel } from './fallback.model';
import { ForecastModel } from './forecast-model';
import { IntermittentModel } from './intermittent.model';
import { RegressionModel } from './regression.model';
import { SeasonalNaiveModel } from './seasonal-naive.model';
import { WindowModel } from './window.model';

/** `median4`, `mean8` … name the window model with its k. */
export type ModelName = 'seasonalNaive' | 'ets' | 'regression' | 'ensemble' | 'croston' | 'sba' | 'tsb' | `median${number}` | `mean${number}`;

export const MODEL_NAMES: readonly string[] = ['seasonalNaive', 'median4', 'mean4', 'ets', 'regression', 'ensemble', 'croston', 'sba', 'tsb'];

/** The members of `ensemble`: a robust same-weekday rule, exponential smoothing and the calendar/driver regression. */
export const ENSEMBLE_MEMBERS: readonly string[] = ['median4', 'ets', 'regression'];

export interface ModelOptions {
  readonly calendar?: ServiceCalendar;
  /** Regression recency half-life in days. */
  readonly halfLifeDays?: number;
  readonly penalty?: number;
  /** Regression: follow unexplained level shifts by the mean error of the latest N days. */
  readonly recentErrorDays?: number;
}

/** The bare model, without fallback. Throws on an unknown name. */
export function createBareModel(name: string, options: ModelOptions = {}): ForecastModel {
  const window = /^(median|mean)(\d+)?$/.exec(name);
  if (window) return new WindowModel({ statistic: window[1] as 'median' | 'mean', window: window[2] ? Number(window[2]) : 4 });
  switch (name) {
    case 'seasonalNaive':
      return new SeasonalNaiveModel();
    case 'ets':
      return new EtsModel();
    case 'regression':
      return new RegressionModel(options);
    case 'croston':
    case 'sba':
    case 'tsb':
      return new IntermittentModel(name);
    case 'ensemble':
      return new EnsembleModel(ENSEMBLE_MEMBERS.map((member) => createBareModel(member, options)));
    default:
      throw new Error(`unknown model "${name}" (known: ${MODEL_NAMES.join(', ')}, or medianK/meanK)`);
  }
}

/** Minimum service days before a model is worth trying; below it the median-of-4 fallback answers. */
const MIN_HISTORY: Readonly<Record<string, number>> = { ets: 21, regression: 28, croston: 8, sba: 8, tsb: 8 };

/**
 * A model by name, wrapped so that a failure or a short history falls back to median-of-last-4-same-weekdays.
 * With a calendar that names holidays or make-up days, the weekday models hand those days (and the days
 * around holidays) to the calendar regression (`CalendarDaysModel`).
 */
export function createModel(name: string, options: ModelOptions = {}): ForecastModel {
  if (name === 'ensemble') return new EnsembleModel(ENSEMBLE_MEMBERS.map((member) => createModel(member, options)));
  const model = createWeekdayModel(name, options);
  if (name === 'regression' || INTERMITTENT.has(name) || !options.calendar || options.calendar.kinds.size === 0) return model;
  return new CalendarDaysModel({ base: model, regression: createWeekdayModel('regression', options), calendar: options.calendar });
}

const INTERMITTENT = new Set(['croston', 'sba', 'tsb']);

/** True when `createModel(name, options)` is the bare model itself (no fallback, no calendar days): the same forecasts. */
export function isBareModel(name: string, options: ModelOptions = {}): boolean {
  return (name === 'median4' || name === 'seasonalNaive') && (!options.calendar || options.calendar.kinds.size === 0);
}

function createWeekdayModel(name: string, options: ModelOptions): ForecastModel {
  const primary = createBareModel(name, options);
  if (name === 'median4' || name === 'seasonalNaive') return primary;
  return new FallbackModel({ primary, fallback: new WindowModel({ statistic: 'median' }), minHistory: MIN_HISTORY[name] ?? 1 });
}
