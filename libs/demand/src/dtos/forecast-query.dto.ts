import { invalidQueryParameter as invalid, parsedQueryParameter, RawQuery, singleQueryParameter as single } from '@larder/common';
import { isMealPeriod, MealPeriod, MEAL_PERIODS, parseIsoDate } from '@larder/domain';
import type { BacktestSummary } from './forecast-run.dto';

const ISO_DATE = { expected: 'a date YYYY-MM-DD', read: parseIsoDate };
const date = (query: RawQuery, name: string): string | undefined => parsedQueryParameter(query, name, ISO_DATE);

/** Validated `GET /api/forecasts` filters. Canteen and dish may be a code or a numeric id. */
export interface ForecastQuery {
  readonly canteen?: string;
  readonly from?: string;
  readonly to?: string;
  readonly meal?: MealPeriod;
  /** A dish code or id; `0` or `covers` selects the covers rows. */
  readonly dish?: string;
  readonly run?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const KNOWN = ['canteen', 'from', 'to', 'meal', 'dish', 'run'];

function code(query: RawQuery, name: string): string | undefined {
  const value = single(query, name);
  if (value !== undefined && !CODE.test(value)) throw invalid(name, `must be a code or a numeric id, got ${JSON.stringify(value)}`);
  return value;
}

/** Checks the query string of `GET /api/forecasts`; every error names its parameter. */
export function parseForecastQuery(query: RawQuery): ForecastQuery {
  const unknown = Object.keys(query).filter((name) => !KNOWN.includes(name));
  if (unknown.length > 0) throw invalid(unknown[0], `is not known (use ${KNOWN.join(', ')})`);
  const meal = single(query, 'meal');
  if (meal !== undefined && !isMealPeriod(meal)) throw invalid('meal', `must be one of ${MEAL_PERIODS.join(', ')}, got ${JSON.stringify(meal)}`);
  const run = single(query, 'run');
  if (run !== undefined && !UUID.test(run)) throw invalid('run', `must be a run id (UUID), got ${JSON.stringify(run)}`);
  const parsed: ForecastQuery = { canteen: code(query, 'canteen'), from: date(query, 'from'), to: date(query, 'to'), meal, dish: code(query, 'dish'), run };
  if (parsed.from && parsed.to && parsed.from > parsed.to) throw invalid('from', `(${parsed.from}) must not be after "to" (${parsed.to})`);
  return parsed;
}

export interface RunsQuery {
  readonly limit: number;
}

/** `GET /api/forecasts/runs?limit=` (1..100, default 20). */
export function parseRunsQuery(query: RawQuery): RunsQuery {
  const raw = single(query, 'limit');
  if (raw === undefined) return { limit: 20 };
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw invalid('limit', `must be a whole number 1-100, got ${JSON.stringify(raw)}`);
  return { limit: Number(raw) };
}

/** One stored forecast as served by the API. */
export interface ForecastView {
  readonly runId: string;
  readonly canteenId: number;
  readonly canteenCode: string;
  readonly serviceDate: string;
  readonly meal: MealPeriod;
  /** 0 for covers. */
  readonly dishId: number;
  readonly dishCode: string | null;
  readonly dishName: string | null;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly quantiles: Record<string, number>;
  readonly model: string;
  readonly backtestWape: number | null;
}

export interface ForecastListing {
  /** The runs the rows come from (by default each canteen's latest done run). */
  readonly runs: readonly { readonly id: string; readonly asOf: string; readonly createdAt: string }[];
  readonly forecasts: readonly ForecastView[];
  readonly meanBacktestWape: BacktestSummary;
}
