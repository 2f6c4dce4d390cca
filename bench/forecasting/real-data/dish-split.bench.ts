/**
 * The product's dish path on the per-item tuning sets: a day's total of the set's items forecast by
 * `larder backtest` of the total series, split over the day's menu by the dish share model (the glue
 * of `larder forecast`: fitShares, chooseShareHalfLife, shareResiduals, dishQuantiles), against the
 * same items forecast bottom-up (each item its own series, the runner's path), their mean, and the
 * cook's rules. Same protocol as real-data.bench.ts: each test day t from data dated ≤ t − lead,
 * leads 7 and 14, refit every 7 days. Tuning sets only.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src libs/demand/src/services/dish-split.ts libs/demand/src/services/dish-path.ts \
 *     libs/demand/src/services/dish-bottom-up.ts libs/demand/src/services/meal-forecaster.ts bench/forecasting bench/support -d /tmp/rd-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/rd-dist/bench/forecasting/real-data/dish-split.bench.js \
 *     [--sets kiel/groups,london/dishes,london/top20-dishes] [--leads 7,14] [--data /work/shared/datasets] [--out /work/realdata-results]
 *     [--include-holdout --sets zhaw/menu-lines,zhaw/articles]  (the hold-out, to report; a set of two canteens runs per canteen)
 *     [--weekly-product]  (the product's path from weekly origins: quicker, staler than the nightly run)
 *     [--two-terms 2018]  (the sets cut to two autumn terms, autumn-terms.ts: a short, broken record to choose the path on)
 *
 * `--timing` (with `--sets`, `--origins 8`, `--rounds 1`): no backtest; the nightly share choice and fit
 * (`chooseShareHalfLife` and the final fit, offered menu) at weekly origins from the test window's start − 7,
 * process CPU per origin, and how each fit ended (iterations, last largest step, largest gradient).
 *
 * Two menus for day t. `offered`: the items with a row that day — the product knows its menu ahead,
 * these data only say what was offered by a row, so the split knows which items were on sale, which
 * the per-item forecasts do not. `recent`: every item sold in the 28 days up to the origin t − lead
 * (past days' menus by the same rule), knowing nothing of day t; an item off that menu is forecast 0.
 *
 * `chosen path`: at each refit origin, top-down (offered menu), bottom-up or their mean, whichever had
 * the least absolute error over the 56 days up to the origin (chooseDishPath of `larder forecast`, via
 * dish-path-choice.ts), pooled over the set's items or per item; ties keep top-down. Its record is each path's forecasts of those days, each from
 * data ≤ day − lead: for the days before the test window, a backtest of the rows dated before it.
 *
 * `product: …` (product-dish-path.ts): what `larder forecast` serves — each item's own series by the
 * product's `ownDishForecasts` (forecastPanel over the set's items, its global model smaller than the
 * panel's above) and the path it chooses on its own record, from the nightly run `lead` days before the
 * day (`--weekly-product`: from the weekly refit origin, 7× quicker and up to 6 days staler).
 *
 * The dish-split glue is imported from its file: @larder/demand's index exports only dishQuantiles and
 * loads the Nest module, while dish-split.ts and meal-forecaster.ts (RUN_BACKTEST) are pure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backtestWithSeries, calendarFromRows, computeMetrics, DishInfo, formatIsoDate, lastServed, medianOfServings, parseIsoDate, QuantileMap, ServiceCalendar } from '@larder/forecasting';
import {
  chooseShareHalfLife,
  DishDay,
  dishQuantiles,
  fitShares,
  perCoverOfMenu,
  SHARE_HALF_LIVES,
  SHARE_WEEKDAY_STRENGTHS,
  shareResiduals,
  ShareWeighting,
} from '../../../libs/demand/src/services/dish-split';
import { RUN_BACKTEST, SPLIT_TEST_DAYS } from '../../../libs/demand/src/services/meal-forecaster';
import { argument, flag, numberList } from '../../support/arguments';
import { percent } from '../../support/percent';
import { autumnTerms } from './autumn-terms';
import { DEFAULT_DATA_ROOT, loadDataset } from './datasets';
import { CHOICE_WINDOW_DAYS, choosePaths, DISH_PATHS, DishPath, ItemPathRecord, PathChoice } from './dish-path-choice';
import { productDishPath } from './product-dish-path';
import { larderCsv, RealDataset, SeriesSet } from './real-dataset';

const REFIT_EVERY = 7;
const PLAN_LEVELS = [0.5, 0.8, 0.9];
const RECENT_DAYS = 28;
const NO_INFO: ReadonlyMap<string, DishInfo> = new Map();
type Menu = 'offered' | 'recent';

/** One scored item-day: the actual and each method's point and (where it has them) quantiles by level. */
interface ItemDay {
  readonly actual: number;
  readonly forecasts: Record<string, { point: number; quantiles?: ReadonlyMap<number, number> }>;
}

interface Forecast {
  readonly point: number;
  readonly quantiles: ReadonlyMap<number, number>;
}

/** Each series' backtest forecasts by day: `item|day` for the items, the day alone for the total. */
function backtestByDay(set: SeriesSet, lead: number, testFrom: string, calendar: ServiceCalendar) {
  const { series } = backtestWithSeries(larderCsv(set), { leadDays: lead, testFrom, refitEvery: REFIT_EVERY, levels: PLAN_LEVELS, calendar });
  return series.flatMap(({ entry, evaluation }) => {
    const last = lastServed(entry.series, evaluation.indices, lead);
    const median = medianOfServings(entry.series, evaluation.indices, lead, 4);
    return [...evaluation.indices].map((index, k) => ({
      item: entry.key.item,
      day: entry.series.days[index],
      actual: evaluation.actual[k],
      larder: { point: evaluation.system.point[k], quantiles: quantilesAt(evaluation.system.quantiles, k) },
      median4: { point: evaluation.median4.point[k], quantiles: quantilesAt(evaluation.median4.quantiles, k) },
      lastServed: last[k],
      medianOfServings: median[k],
    }));
  });
}

const quantilesAt = (quantiles: QuantileMap, k: number) => new Map([...quantiles].map(([level, values]) => [level, values[k]]));

/** The set's days as the share model sees them, the menu of each past day by the given rule. */
function dishDays(set: SeriesSet, menu: Menu): DishDay[] {
  const byDay = new Map<number, { dish: string; quantity: number }[]>();
  for (const row of set.rows) {
    const day = parseIsoDate(row.date);
    const dishes = byDay.get(day) ?? [];
    dishes.push({ dish: row.item, quantity: row.quantity });
    byDay.set(day, dishes);
  }
  const lastSale = new Map<string, number>();
  return [...byDay.keys()]
    .sort((a, b) => a - b)
    .map((day) => {
      const dishes = byDay.get(day)!;
      for (const item of dishes) if (item.quantity > 0) lastSale.set(item.dish, day);
      const covers = dishes.reduce((sum, item) => sum + item.quantity, 0);
      return { day, covers, dishes: menu === 'offered' ? dishes : dishes.filter((item) => lastSale.get(item.dish)! > day - RECENT_DAYS) };
    });
}

/** The share model of `larder forecast` at one origin: half-life chosen on its backtest window, then fitted on all days ≤ origin. */
function sharesAt(days: readonly DishDay[], origin: number) {
  const visible = days.filter((day) => day.day <= origin);
  const window = visible.slice(-SPLIT_TEST_DAYS);
  const cutoff = window.length > 0 ? window[0].day - RUN_BACKTEST.leadDays : origin;
  const chosen = chooseShareHalfLife({ dishDays: visible, cutoff, testDays: window, dishInfo: NO_INFO });
  const model = fitShares(visible, NO_INFO, chosen);
  const residuals = shareResiduals({ model: chosen.early, days: window, fallbackModel: model, fallbackDays: visible, dishInfo: NO_INFO });
  return { model, residuals, halfLifeDays: chosen.halfLifeDays, weekdayPriorStrength: chosen.weekdayPriorStrength };
}

/** Top-down forecasts of every item-day of `targets` for one menu rule: the total's quantiles × the item's share. */
function topDown(params: { days: readonly DishDay[]; menu: Menu; lead: number; firstTestDay: number; total: ReadonlyMap<number, Forecast>; targets: readonly { item: string; day: number }[] }) {
  const { days, menu, lead, total } = params;
  const models = new Map<number, ReturnType<typeof sharesAt>>();
  const menus = new Map<string, Map<string, number>>();
  const forecasts = new Map<string, Forecast & { perCover: number }>();
  for (const { item, day } of params.targets) {
    const covers = total.get(day);
    if (!covers) continue;
    const origin = day - lead;
    const refit = refitOrigin(day, lead, params.firstTestDay);
    if (!models.has(refit)) models.set(refit, sharesAt(days, refit));
    const { model, residuals } = models.get(refit)!;
    const key = `${origin}|${day}`;
    if (!menus.has(key)) {
      const items = menu === 'offered' ? days.find((entry) => entry.day === day)!.dishes.map((entry) => entry.dish) : recentItems(days, origin);
      // A dish the model never saw is given its category prior (fitShares knows every dish it was fitted on).
      menus.set(
        key,
        perCoverOfMenu(
          model,
          items.map((dish) => ({ dish, category: 'unknown', group: 'main' })),
          day,
        ),
      );
    }
    const perCover = menus.get(key)!.get(item);
    const quantiles = perCover === undefined ? new Map([...covers.quantiles.keys()].map((level) => [level, 0])) : dishQuantiles({ perCover, coversQuantiles: covers.quantiles, residuals });
    forecasts.set(`${item}|${day}`, { point: quantiles.get(0.5)!, quantiles, perCover: perCover ?? 0 });
  }
  return { forecasts, halfLives: [...models.values()].map((entry) => entry.halfLifeDays), weekdayStrengths: [...models.values()].map((entry) => entry.weekdayPriorStrength) };
}

/** The origin of the weekly refit that forecasts `day` (the schedule runs on before the test window too). */
function refitOrigin(day: number, lead: number, firstTestDay: number): number {
  const firstOrigin = firstTestDay - lead;
  return firstOrigin + REFIT_EVERY * Math.floor((day - lead - firstOrigin) / REFIT_EVERY);
}

function recentItems(days: readonly DishDay[], origin: number): string[] {
  const items = new Set<string>();
  for (const day of days) if (day.day <= origin && day.day > origin - RECENT_DAYS) for (const item of day.dishes) if (item.quantity > 0) items.add(item.dish);
  return [...items];
}

/** The per-day total of the set's items, as one series of `larder backtest`. */
function totalSet(set: SeriesSet): SeriesSet {
  const sums = new Map<string, number>();
  for (const row of set.rows) sums.set(row.date, (sums.get(row.date) ?? 0) + row.quantity);
  const { canteen, meal } = set.rows[0];
  if (set.rows.some((row) => row.canteen !== canteen || row.meal !== meal)) throw new Error(`${set.id}: more than one canteen × meal`);
  return { ...set, id: `${set.id}-total`, perItem: false, rows: [...sums].map(([date, quantity]) => ({ date, canteen, meal, item: '*', quantity })) };
}

/**
 * The backtests of the days before the test window from the rows dated before it: with the test
 * window's own days, the record the dish path is chosen on at each origin — the bench's
 * CHOICE_WINDOW_DAYS calendar days, and the product's SPLIT_TEST_DAYS service days (twice as many
 * calendar days hold them in a five-day week).
 */
function earlyBacktest(set: SeriesSet, lead: number, testFrom: string, calendar: ServiceCalendar) {
  const before = { ...set, rows: set.rows.filter((row) => row.date < testFrom) };
  const from = formatIsoDate(parseIsoDate(testFrom) - lead - Math.max(CHOICE_WINDOW_DAYS, 2 * SPLIT_TEST_DAYS));
  return {
    items: backtestByDay(before, lead, from, calendar).filter((row) => Number.isFinite(row.larder.point)),
    total: backtestByDay(totalSet(before), lead, from, calendar),
  };
}

function runSet(dataset: RealDataset, set: SeriesSet, lead: number, testFrom: string) {
  const calendar = calendarFromRows(dataset.calendar);
  const firstTestDay = parseIsoDate(testFrom);
  const started = performance.now();
  const items = backtestByDay(set, lead, testFrom, calendar).filter((row) => Number.isFinite(row.lastServed) && Number.isFinite(row.medianOfServings));
  const totalRows = backtestByDay(totalSet(set), lead, testFrom, calendar);
  const early = earlyBacktest(set, lead, testFrom, calendar);
  const total = new Map([...early.total, ...totalRows].map((row) => [row.day, { point: row.larder.quantiles.get(0.5)!, quantiles: row.larder.quantiles }]));
  const actualTotal = new Map(totalRows.map((row) => [row.day, row.actual]));
  const totalWape = totalRows.reduce((sum, row) => sum + Math.abs(row.larder.point - row.actual), 0) / totalRows.reduce((sum, row) => sum + row.actual, 0);
  const split = (menu: Menu, targets: readonly { item: string; day: number }[]) => topDown({ days: dishDays(set, menu), menu, lead, firstTestDay, total, targets });
  const offered = split('offered', [...early.items, ...items]);
  const recent = split('recent', items);
  const records: ItemPathRecord[] = [...early.items, ...items].flatMap((row) => {
    const down = offered.forecasts.get(`${row.item}|${row.day}`);
    if (!down) return [];
    return [{ item: row.item, day: row.day, actual: row.actual, points: { 'top-down': down.point, 'bottom-up': row.larder.point, mean: (down.point + row.larder.point) / 2 } }];
  });
  // The nightly run `lead` days before each day, or (quicker, `--weekly-product`) the weekly refit's, up to 6 days older.
  const productOrigin = flag('weekly-product') ? (day: number) => refitOrigin(day, lead, firstTestDay) : (day: number) => day - lead;
  const product = productDishPath({ days: dishDays(set, 'offered'), targets: items, originOf: productOrigin, split: offered.forecasts, calendar, levels: PLAN_LEVELS });
  const choices = new Map<number, PathChoice>();
  const choiceFor = (day: number) => {
    const refit = refitOrigin(day, lead, firstTestDay);
    if (!choices.has(refit)) choices.set(refit, choosePaths(records, refit));
    return choices.get(refit)!;
  };
  const scored: ItemDay[] = [];
  for (const row of items) {
    const key = `${row.item}|${row.day}`;
    const a = offered.forecasts.get(key);
    const b = recent.forecasts.get(key);
    if (!a || !b) continue;
    const paths: Record<DishPath, Forecast> = { 'top-down': a, 'bottom-up': row.larder, mean: mean(row.larder, a) };
    const choice = choiceFor(row.day);
    const served = product.forecasts.get(key);
    // As the product serves: an item without its own forecast is split on every path.
    const own = served?.own ?? a;
    const productPaths: Record<DishPath, Forecast> = { 'top-down': a, 'bottom-up': own, mean: mean(own, a) };
    scored.push({
      actual: row.actual,
      forecasts: {
        'top-down, offered menu': a,
        'top-down, recent menu': b,
        // The split alone: the offered menu's shares of the day's actual total (the covers' error removed).
        'split of the actual total': { point: a.perCover * actualTotal.get(row.day)! },
        'Larder bottom-up': row.larder,
        'Larder bottom-up, p50': { point: row.larder.quantiles.get(0.5)! },
        'mean, recent menu': mean(row.larder, b),
        'mean, offered menu': paths.mean,
        'chosen path, pooled': paths[choice.pooled],
        'chosen path, per item': paths[choice.byItem.get(row.item) ?? DISH_PATHS[0]],
        'product: own series': own,
        'product: own series, point': { point: served?.ownPoint ?? a.point },
        'product: chosen path': productPaths[served?.path ?? DISH_PATHS[0]],
        median4: row.median4,
        'last served': { point: row.lastServed },
        'median of 4 servings': { point: row.medianOfServings },
      },
    });
  }
  const methods = Object.keys(scored[0].forecasts).map((method) => {
    const actual = Float64Array.from(scored, (row) => row.actual);
    const point = Float64Array.from(scored, (row) => row.forecasts[method].point);
    const withBands = scored.every((row) => row.forecasts[method].quantiles);
    const quantiles = withBands ? new Map(PLAN_LEVELS.map((level) => [level, Float64Array.from(scored, (row) => row.forecasts[method].quantiles!.get(level)!)])) : undefined;
    const metrics = computeMetrics({ actual, point, quantiles, levels: PLAN_LEVELS });
    return { method, wape: metrics.wape, pinball: withBands ? metrics.pinball : null };
  });
  const halfLives = [...offered.halfLives, ...recent.halfLives];
  const weekdayStrengths = [...offered.weekdayStrengths, ...recent.weekdayStrengths];
  const pooledChoices = [...choices].sort(([a], [b]) => a - b).map(([, choice]) => choice.pooled);
  const itemChoices = [...choices.values()].flatMap((choice) => [...choice.byItem.values()]);
  return {
    set: `${dataset.id}/${set.id}`,
    lead,
    totalWape,
    itemDays: scored,
    unscored: items.length - scored.length,
    earlyItemDays: early.items.length,
    methods,
    halfLives,
    weekdayStrengths,
    pooledChoices,
    productChoices: [...product.choices].sort(([a], [b]) => a - b).map(([, path]) => path),
    itemChoices: Object.fromEntries(DISH_PATHS.map((path) => [path, itemChoices.filter((chosen) => chosen === path).length])),
    seconds: (performance.now() - started) / 1000,
  };
}

/** A set of several canteens (the hold-out's items) as one set per canteen: a meal's dishes are split from its own total. */
function perCanteen(set: SeriesSet): SeriesSet[] {
  const canteens = [...new Set(set.rows.map((row) => row.canteen))].sort();
  if (canteens.length === 1) return [set];
  return canteens.map((canteen) => ({ ...set, id: `${set.id}/${canteen}`, rows: set.rows.filter((row) => row.canteen === canteen) }));
}

/** The mean of two forecasts, level by level. */
function mean(a: Forecast, b: Forecast): Forecast {
  return { point: (a.point + b.point) / 2, quantiles: new Map(PLAN_LEVELS.map((level) => [level, (a.quantiles.get(level)! + b.quantiles.get(level)!) / 2])) };
}

/**
 * CPU of the nightly share choice and fit at weekly origins, and how every fit of it ended: the fits of
 * `chooseShareHalfLife` (each half-life without weekday effect, then the weekday prior at the chosen one)
 * refitted apart after the timing, and the final fit.
 */
function timeSet(dataset: RealDataset, set: SeriesSet, origins: number, rounds: number) {
  const days = dishDays(set, 'offered');
  const first = parseIsoDate(dataset.protocol.testFrom) - 7;
  const rows: { origin: number; seconds: number; fits: { weighting: string; iterations: number; converged: boolean; largestStep: number; largestGradient: number }[] }[] = [];
  for (let k = 0; k < origins; k++) {
    const origin = first + REFIT_EVERY * k;
    let cpu = 0;
    let chosen: ReturnType<typeof sharesAt> | null = null;
    for (let round = 0; round < rounds; round++) {
      const before = process.cpuUsage();
      chosen = sharesAt(days, origin);
      const used = process.cpuUsage(before);
      cpu += (used.user + used.system) / 1e6;
    }
    const visible = days.filter((day) => day.day <= origin);
    const window = visible.slice(-SPLIT_TEST_DAYS);
    const cutoff = window[0].day - RUN_BACKTEST.leadDays;
    const training = visible.filter((day) => day.day <= cutoff);
    const weightings: { weighting: ShareWeighting; days: readonly DishDay[] }[] = [
      ...SHARE_HALF_LIVES.map((halfLifeDays) => ({ weighting: { halfLifeDays, weekdayPriorStrength: SHARE_WEEKDAY_STRENGTHS[0] }, days: training })),
      ...SHARE_WEEKDAY_STRENGTHS.slice(1).map((weekdayPriorStrength) => ({ weighting: { halfLifeDays: chosen!.halfLifeDays, weekdayPriorStrength }, days: training })),
      { weighting: { halfLifeDays: chosen!.halfLifeDays, weekdayPriorStrength: chosen!.weekdayPriorStrength }, days: visible },
    ];
    const fits = weightings.map(({ weighting, days: fitted }, i) => {
      const convergence = fitShares(fitted, NO_INFO, weighting).convergenceOf('main')!;
      const label = `${i === weightings.length - 1 ? 'final ' : ''}h${weighting.halfLifeDays}/w${weighting.weekdayPriorStrength}`;
      return { weighting: label, ...convergence };
    });
    rows.push({ origin, seconds: cpu / rounds, fits });
  }
  return rows;
}

function timing(root: string, wanted: readonly string[]): void {
  const origins = Number(argument('origins', '8'));
  const rounds = Number(argument('rounds', '1'));
  for (const id of [...new Set(wanted.map((entry) => entry.split('/')[0]))]) {
    const dataset = loadDataset(id, root);
    if (dataset.holdout) throw new Error(`${id} is the hold-out: Larder is not run on it while tuning`);
    for (const set of dataset.sets.filter((entry) => wanted.includes(`${id}/${entry.id}`))) {
      const rows = timeSet(dataset, set, origins, rounds);
      const fits = rows.flatMap((row) => row.fits);
      const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
      console.log(
        `${id}/${set.id}: ${rows.length} origins, choice + fit ${seconds.toFixed(2)} s CPU (${(seconds / rows.length).toFixed(3)} s an origin); ` +
          `${fits.length} fits: iterations mean ${(fits.reduce((sum, fit) => sum + fit.iterations, 0) / fits.length).toFixed(1)}, max ${Math.max(...fits.map((fit) => fit.iterations))}, ` +
          `converged ${fits.filter((fit) => fit.converged).length}/${fits.length}, last largest step max ${Math.max(...fits.map((fit) => fit.largestStep)).toExponential(2)}, ` +
          `largest gradient max ${Math.max(...fits.map((fit) => fit.largestGradient)).toExponential(2)}`,
      );
      for (const row of rows)
        console.log(
          `  origin ${row.origin}: ${row.seconds.toFixed(3)} s; ` +
            row.fits.map((fit) => `${fit.weighting} ${fit.iterations} it, step ${fit.largestStep.toExponential(1)}, grad ${fit.largestGradient.toExponential(1)}`).join('; '),
        );
    }
  }
}

function main(): void {
  const root = argument('data', DEFAULT_DATA_ROOT);
  const out = resolve(argument('out', '/work/realdata-results'));
  const wanted = argument('sets', 'kiel/groups,london/dishes,london/top20-dishes').split(',');
  if (flag('timing')) return timing(root, wanted);
  const twoTerms = argument('two-terms', '');
  const lines = ['| set | lead | method | WAPE | pinball |', '|---|---|---|---|---|'];
  const runs: ReturnType<typeof runSet>[] = [];
  for (const id of [...new Set(wanted.map((entry) => entry.split('/')[0]))]) {
    const dataset = loadDataset(id, root);
    if (dataset.holdout && !flag('include-holdout')) throw new Error(`${id} is the hold-out: run only with --include-holdout, to report, never to tune`);
    const terms = twoTerms ? autumnTerms(Number(twoTerms)) : null;
    if (terms && dataset.holdout) throw new Error(`${id} is the hold-out: it is not cut for tuning`);
    for (const whole of dataset.sets.filter((entry) => wanted.includes(`${id}/${entry.id}`)).flatMap(perCanteen)) {
      if (!whole.perItem) throw new Error(`${id}/${whole.id} is not a per-item set`);
      const set = terms ? terms.cut(whole) : whole;
      for (const lead of numberList('leads', '7,14')) {
        const run = runSet(dataset, set, lead, terms?.testFrom ?? dataset.protocol.testFrom);
        runs.push(run);
        const counts = <T>(values: readonly T[]) => {
          const byValue = new Map<T, number>();
          for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
          return [...byValue].map(([value, n]) => `${value}:${n}`).join(' ');
        };
        console.log(
          `${run.set} lead ${lead}: total WAPE ${percent(run.totalWape)}, ${run.itemDays.length} item-days (${run.unscored} without a total), half-lives ${counts(run.halfLives)}, weekday priors ${counts(run.weekdayStrengths)}, ` +
            `${run.earlyItemDays} item-days before the test window; pooled choice by refit ${run.pooledChoices.join(' ')}; product's choices ${counts(run.productChoices)}; per-item choices ${JSON.stringify(run.itemChoices)}; ${run.seconds.toFixed(0)} s`,
        );
        for (const m of run.methods) lines.push(`| ${run.set} | ${lead} | ${m.method} | ${percent(m.wape)} | ${percent(m.pinball)} |`);
      }
    }
  }
  console.log(`\n${lines.join('\n')}`);
  mkdirSync(out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summary = runs.map(({ itemDays, ...run }) => ({ ...run, itemDays: itemDays.length }));
  writeFileSync(join(out, `dish-split-${stamp}.json`), JSON.stringify({ date: new Date().toISOString(), runs: summary }, null, 2) + '\n');
  console.log(`written: ${join(out, `dish-split-${stamp}.json`)}`);
}

main();
