import type { DashboardMeal, DashboardPageId } from './contract';
import { DASHBOARD_PAGE_ORDER } from './contract';
import { isAdminPage, SUBSCRIPTIONS_PAGE, type AdminPageId } from './admin-pages';

/** Everything a view depends on lives in the URL, so a copied link opens the same view. */
export interface ViewState {
  page: DashboardPageId | AdminPageId | typeof SUBSCRIPTIONS_PAGE;
  from: string | null;
  to: string | null;
  canteens: number[];
  meal: DashboardMeal | null;
  /** Dishes: the dish page; Demand: the dish the forecast is narrowed to. */
  dish: number | null;
  /** Purchasing: the ISO week shown. */
  week: string | null;
  /** Purchasing: the plan version shown. */
  plan: string | null;
  /** Purchasing: the purchase order opened. */
  order: string | null;
  /** Jobs: the run opened with its steps. */
  run: string | null;
}

const MEALS: readonly DashboardMeal[] = ['breakfast', 'lunch', 'dinner', 'night'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readState(search: string = location.search): ViewState {
  const params = new URLSearchParams(search);
  const page = params.get('page');
  const meal = params.get('meal');
  const dish = Number(params.get('dish'));
  const week = params.get('week');
  return {
    page: (DASHBOARD_PAGE_ORDER as readonly string[]).includes(page ?? '') || isAdminPage(page ?? '') || page === SUBSCRIPTIONS_PAGE ? (page as ViewState['page']) : 'overview',
    from: DATE.test(params.get('from') ?? '') ? params.get('from') : null,
    to: DATE.test(params.get('to') ?? '') ? params.get('to') : null,
    canteens: (params.get('canteens') ?? '')
      .split(',')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0),
    meal: (MEALS as readonly string[]).includes(meal ?? '') ? (meal as DashboardMeal) : null,
    dish: Number.isInteger(dish) && dish > 0 ? dish : null,
    week: week && /^\d{4}-W\d{2}$/.test(week) ? week : null,
    plan: /^[0-9a-f-]{36}$/i.test(params.get('plan') ?? '') ? params.get('plan') : null,
    order: /^[0-9a-f-]{36}$/i.test(params.get('order') ?? '') ? params.get('order') : null,
    run: /^[0-9a-f-]{36}$/i.test(params.get('run') ?? '') ? params.get('run') : null,
  };
}

export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('page', state.page);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.canteens.length > 0) params.set('canteens', state.canteens.join(','));
  if (state.meal) params.set('meal', state.meal);
  if (state.dish) params.set('dish', String(state.dish));
  if (state.week) params.set('week', state.week);
  if (state.plan) params.set('plan', state.plan);
  if (state.order) params.set('order', state.order);
  if (state.run) params.set('run', state.run);
  return `/?${params.toString()}`;
}

/** The panel endpoints' query string for the filters in the URL (absent ones take the API's defaults). */
export function filterQuery(state: ViewState, extra: Record<string, string | number | null> = {}): string {
  const params = new URLSearchParams();
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.canteens.length > 0) params.set('canteens', state.canteens.join(','));
  if (state.meal) params.set('meal', state.meal);
  for (const [key, value] of Object.entries(extra)) if (value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** ISO week (YYYY-Www) of a YYYY-MM-DD date. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first request a page makes, so the shell can start it while it loads the reference data. */
export function panelUrl(state: ViewState): string {
  switch (state.page) {
    case 'dishes':
      return state.dish ? `/api/dashboard/dishes/${state.dish}${filterQuery(state)}` : `/api/dashboard/dishes${filterQuery(state)}`;
    case 'demand':
      return `/api/dashboard/demand${filterQuery(state, { dish: state.dish })}`;
    case 'purchasing':
      return '/api/plans';
    case 'menu':
      return `/api/menu/proposals${state.canteens.length === 1 ? `?canteen=${state.canteens[0]}` : ''}`;
    case 'jobs':
      return '/api/jobs?limit=50';
    case 'users':
    case 'tokens':
    case 'audit':
      return `/api/admin/${state.page}`;
    case 'subscriptions':
      return '/api/subscriptions';
    default:
      return `/api/dashboard/${state.page}${filterQuery(state)}`;
  }
}
