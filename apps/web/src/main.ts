import './styles.css';
import { ADMIN_PAGE_ORDER, isAdminPage, SUBSCRIPTIONS_PAGE, type AdminPageId } from './admin-pages';
import { api, ApiError, prefetch, setCsrfToken } from './api';
import { addChart, chartSnapshot, disposeCharts, saveChartPng } from './charts';
import type { AppliedFilters, DashboardMeta, DashboardPageId } from './contract';
import { mayReadReport, pagesFor } from './contract';
import { h } from './dom';
import { errorText } from './error-text';
import { formats, useTimeZone } from './format';
import { initialLang, saveLang, textOr, translator, type Lang } from './i18n';
import type { Me, PageContext, PageRenderer } from './page-context';
import { reportQuery, reportScopeOf } from './report-period';
import { renderAudit } from './pages/audit.page';
import { renderDemand } from './pages/demand.page';
import { renderDishes } from './pages/dishes.page';
import { renderFinance } from './pages/finance.page';
import { renderJobs } from './pages/jobs.page';
import { renderMenu } from './pages/menu.page';
import { renderOverview } from './pages/overview.page';
import { renderPurchasing } from './pages/purchasing.page';
import { renderSatisfaction } from './pages/satisfaction.page';
import { renderSubscriptions } from './pages/subscriptions.page';
import { renderTokens } from './pages/tokens.page';
import { renderImports } from './pages/imports.page';
import { renderUsers } from './pages/users.page';
import { renderWaste } from './pages/waste.page';
import { addTable } from './table';
import { panelUrl, readState, stateUrl, type ViewState } from './url-state';
import { weeksAroundNext } from './weeks';
import { localName } from '../../../libs/domain/src/local-name';

const PAGES: Record<DashboardPageId | AdminPageId | typeof SUBSCRIPTIONS_PAGE, PageRenderer> = {
  overview: renderOverview,
  dishes: renderDishes,
  demand: renderDemand,
  waste: renderWaste,
  purchasing: renderPurchasing,
  menu: renderMenu,
  finance: renderFinance,
  satisfaction: renderSatisfaction,
  jobs: renderJobs,
  imports: renderImports,
  users: renderUsers,
  tokens: renderTokens,
  audit: renderAudit,
  subscriptions: renderSubscriptions,
};

let lang: Lang = initialLang();
let me: Me;
let meta: DashboardMeta;
let renderCount = 0;
let firstPaintMarked = false;

declare global {
  interface Window {
    larder: { charts: typeof chartSnapshot; savePng: typeof saveChartPng; rendered: number; busy: boolean; page: string | null };
  }
}
window.larder = { charts: chartSnapshot, savePng: saveChartPng, rendered: 0, busy: true, page: null };

async function boot(): Promise<void> {
  // Who is signed in and the reference data are asked for together; both need a session.
  const metaRequest = api.get<DashboardMeta>('/api/dashboard/meta');
  metaRequest.catch(() => undefined);
  try {
    me = await api.get<Me>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    throw error;
  }
  setCsrfToken(me.csrfToken);
  // A link that names no page (the sign-in's "/", a bookmark of the root) lands on the role's first
  // permitted page; a link to a named page keeps it, and says "not permitted" when it is not.
  if (!new URLSearchParams(location.search).has('page')) {
    history.replaceState(null, '', stateUrl({ ...readState(), page: pagesFor(me.role)[0] ?? SUBSCRIPTIONS_PAGE }));
  }
  // The page's data is asked for as soon as the role is known, not after the reference data: one
  // round trip less before the first paint. Only for a page the role may see, so no refusal is logged.
  const first = readState();
  if (first.page !== SUBSCRIPTIONS_PAGE && !isAdminPage(first.page) && pagesFor(me.role).includes(first.page))
    prefetch(panelUrl(first.page === 'demand' && !first.from && !first.to ? { ...first, ...weeksAroundNext() } : first));
  meta = await metaRequest;
  useTimeZone(meta.timeZone);
  window.addEventListener('popstate', () => void render());
  await render();
}

function go(patch: Partial<ViewState>): void {
  const next = { ...readState(), ...patch };
  history.pushState(null, '', stateUrl(next));
  void render();
}

async function render(): Promise<void> {
  const ticket = ++renderCount;
  window.larder.busy = true;
  const state = readState();
  const t = translator(lang);
  const f = formats(lang);
  document.documentElement.lang = lang;
  document.title = `${t(`page.${state.page}`)} · ${t('brand')}`;
  disposeCharts();
  const content = h('main', { class: 'content', 'data-page': state.page });
  const filterBar = h('div', { class: 'filters' });
  document.body.replaceChildren(h('div', { class: 'app' }, header(t), nav(state, t), h('div', { class: 'body' }, filterBar, content)));
  const allowed = state.page === SUBSCRIPTIONS_PAGE || (isAdminPage(state.page) ? me.role === 'admin' : meta.pages.includes(state.page));
  if (!allowed) {
    content.append(h('section', { class: 'card not-permitted', 'data-view': 'not-permitted' }, h('h2', {}, t('notPermitted')), h('p', {}, t('notPermittedBody'))));
    finish(ticket, state.page);
    return;
  }
  const asOf = h('span', { class: 'as-of muted' });
  if (state.page === 'purchasing' || state.page === 'menu') filterBar.append(...filterControls(state, t).slice(0, 1));
  else if (state.page !== 'jobs' && state.page !== SUBSCRIPTIONS_PAGE && !isAdminPage(state.page)) filterBar.append(...filterControls(state, t), asOf);
  else filterBar.hidden = true;
  content.append(h('h2', { class: 'page-title' }, t(`page.${state.page}`)));
  let appliedFilters: AppliedFilters | null = null;
  const context: PageContext = {
    state,
    meta,
    me,
    lang,
    t,
    f,
    root: content,
    go,
    applied: (filters: AppliedFilters) => {
      if (ticket !== renderCount) return;
      appliedFilters = filters;
      setInput(filterBar, 'from', filters.from);
      setInput(filterBar, 'to', filters.to);
      asOf.textContent = `${t('asOf')} ${filters.asOf}`;
      // A range still running is compared through its last day with data; the bar says so, where every comparison shows.
      if (filters.comparedThrough)
        asOf.append(h('span', { 'data-compared-through': filters.comparedThrough, title: t('comparedThroughHelp') }, ` · ${t('comparedThrough', { date: filters.comparedThrough })}`));
    },
    canteenName: (id) => {
      const canteen = meta.canteens.find((entry) => entry.id === id);
      return canteen ? localName(canteen, lang) : id === null ? '–' : `#${id}`;
    },
    dishName: (id) => {
      const dish = meta.dishes.find((entry) => entry.id === id);
      return dish ? localName(dish, lang) : id === null ? '–' : `#${id}`;
    },
    supplierName: (id) => {
      const supplier = meta.suppliers.find((entry) => entry.id === id);
      return supplier ? localName(supplier, lang) : `${t('supplier')} #${id}`;
    },
    chart: (parent, spec) =>
      void addChart(parent, spec, {
        savePngTitle: t('savePng'),
        emptyText: t('empty.chart'),
        helpLabel: t('helpLabel'),
        caption: () => chartScope(state, appliedFilters, t),
      }),
    table: (parent, spec) => void addTable(parent, { ...spec, exportLabel: t('exportCsv'), emptyText: spec.emptyText ?? t('empty.table'), helpLabel: t('helpLabel') }),
    report: (kind, params) => {
      if (!mayReadReport(me.role, kind)) return null;
      // The link names its month or week: a page's range in progress stands for the last whole one.
      const period = params.month ?? params.week;
      return h('a', { class: 'button ghost', href: `/api/reports/${kind}?${reportQuery(params, lang)}`, download: '', 'data-report': kind }, `⬇ ${t(`report.${kind}`)}${period ? ` · ${period}` : ''}`);
    },
    reportScope: (applied) => reportScopeOf(applied, { chosen: state.canteens, restricted: me.role === 'manager' }),
  };
  // Until the page's figures are in, it says so instead of staying blank.
  const loading = h('p', { class: 'loading muted', role: 'status', 'data-view': 'loading' }, t('loadingPage'));
  content.append(loading);
  try {
    await PAGES[state.page](context);
  } catch (error) {
    if (ticket !== renderCount) return;
    if (error instanceof ApiError && error.status === 401) {
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    const text = errorText(t, error);
    content.append(
      h(
        'section',
        { class: 'card error', 'data-view': 'error', 'data-error': text.code, 'data-api-message': error instanceof Error ? error.message : String(error) },
        h('h3', {}, t('error')),
        h('p', { 'data-error-sentence': '' }, text.sentence),
        h('p', { class: 'muted', 'data-error-action': '' }, text.action),
        h('button', { type: 'button', class: 'ghost', 'data-action': 'retry', onclick: () => void render() }, t('retry')),
      ),
    );
  } finally {
    loading.remove();
  }
  finish(ticket, state.page);
}

/** What a saved chart image names: the period shown, the canteens and the meal (every one when none is chosen). */
function chartScope(state: ViewState, applied: AppliedFilters | null, t: ReturnType<typeof translator>): { text: string; fileSuffix: string } {
  const from = applied?.from ?? state.from;
  const to = applied?.to ?? state.to;
  const period = from && to ? t('png.period', { from, to }) : (state.week ?? '');
  const chosen = state.canteens.length > 0 ? state.canteens : me.canteenIds;
  const name = (id: number) => meta.canteens.find((canteen) => canteen.id === id);
  const canteens =
    chosen.length === 0
      ? t('allCanteens')
      : chosen
          .map((id) => {
            const named = name(id);
            return named ? localName(named, lang) : `#${id}`;
          })
          .join(lang === 'en' ? ', ' : '、');
  const meal = state.meal ? textOr(t, `meal.${state.meal}`, state.meal) : t('allMeals');
  return { text: [period, canteens, meal].filter(Boolean).join(' · '), fileSuffix: (from && to ? `${from}_${to}` : (state.week ?? 'all')).replace(/[^\w-]/g, '') };
}

function finish(ticket: number, page: string): void {
  if (ticket !== renderCount) return;
  window.larder.rendered += 1;
  window.larder.busy = false;
  window.larder.page = page;
  document.body.dataset.ready = String(window.larder.rendered);
  if (!firstPaintMarked) {
    firstPaintMarked = true;
    // The first frame after the first page's data is drawn: what a user perceives as "loaded".
    requestAnimationFrame(() => performance.mark('larder:first-meaningful-paint'));
  }
}

function header(t: ReturnType<typeof translator>): HTMLElement {
  const switchLang = () => {
    lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
    saveLang(lang);
    void render();
  };
  const signOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    location.assign('/login.html');
  };
  return h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo' }, 'L'), t('brand')),
    h(
      'div',
      { class: 'who' },
      h('span', { class: 'user' }, me.username, ' · ', textOr(t, `role.${me.role}`, me.role)),
      h('button', { type: 'button', class: 'ghost light', 'data-action': 'lang', onclick: switchLang }, t('switchTo')),
      h('button', { type: 'button', class: 'ghost light', 'data-action': 'sign-out', onclick: () => void signOut() }, t('signOut')),
    ),
  );
}

function nav(state: ViewState, t: ReturnType<typeof translator>): HTMLElement {
  const link = (page: ViewState['page']) => {
    const href = stateUrl({ ...state, page, dish: null, run: null, week: page === 'purchasing' ? state.week : null });
    return h(
      'a',
      {
        href,
        class: page === state.page ? 'active' : '',
        'data-nav': page,
        onclick: (event: Event) => {
          const mouse = event as MouseEvent;
          if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey) return;
          event.preventDefault();
          go({ page, dish: null, run: null });
        },
      },
      t(`page.${page}`),
    );
  };
  // The admin pages as their own group under the figures, for admins only (the API refuses the rest).
  const admin = me.role === 'admin' ? [h('div', { class: 'nav-group', 'data-nav-group': 'admin' }, t('nav.admin')), ...ADMIN_PAGE_ORDER.map(link)] : [];
  // Everyone's own subscriptions, after the figures they read.
  return h('nav', { class: 'sidenav' }, ...meta.pages.map(link), link(SUBSCRIPTIONS_PAGE), ...admin);
}

function filterControls(state: ViewState, t: ReturnType<typeof translator>): HTMLElement[] {
  const canteens = h(
    'div',
    { class: 'canteen-chips', role: 'group', 'aria-label': t('canteens') },
    h('span', { class: 'filter-label' }, t('canteens')),
    ...meta.canteens.map((canteen) => {
      // No choice in the URL means every canteen, so all are ticked.
      const checked = state.canteens.length === 0 || state.canteens.includes(canteen.id);
      const input = h('input', { type: 'checkbox', name: 'canteen', value: canteen.id, checked });
      input.addEventListener('change', () => {
        const chosen = [...document.querySelectorAll<HTMLInputElement>('input[name=canteen]:checked')].map((box) => Number(box.value));
        go({ canteens: chosen.length === meta.canteens.length || chosen.length === 0 ? [] : chosen });
      });
      return h('label', { class: `chip ${checked ? 'on' : ''}` }, input, localName(canteen, lang));
    }),
  );
  const date = (name: 'from' | 'to') => {
    // The demand page reaches into the coming week, where the forecast is.
    const max = state.page === 'demand' ? weeksAroundNext().to : (meta.lastServiceDate ?? '');
    const input = h('input', { type: 'date', name, value: state[name] ?? '', min: meta.firstServiceDate ?? '', max });
    input.addEventListener('change', () => go({ [name]: input.value || null }));
    return h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t(name)), input);
  };
  const meal = h(
    'select',
    { name: 'meal' },
    h('option', { value: '' }, t('allMeals')),
    ...meta.meals.map((value) => h('option', { value, selected: state.meal === value }, textOr(t, `meal.${value}`, value))),
  );
  meal.addEventListener('change', () => go({ meal: (meal.value || null) as ViewState['meal'] }));
  return [canteens, date('from'), date('to'), h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('meal')), meal)];
}

function setInput(bar: HTMLElement, name: string, value: string): void {
  const input = bar.querySelector<HTMLInputElement>(`input[name=${name}]`);
  if (input && !input.value) input.value = value;
}

boot().catch((error: unknown) => {
  document.body.replaceChildren(h('p', { class: 'fatal' }, String(error instanceof Error ? error.message : error)));
});
