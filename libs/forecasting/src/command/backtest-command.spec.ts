import { formatIsoDate, isoWeekday } from '../core/iso-date';
import { randomSource, serviceDays } from '../testing/synthetic';
import { roundLevel } from '../core/quantiles';
import { CURVE_LEVELS, matchShortfall, productionOutcome } from '../evaluation/matched-shortfall';
import { backtestWithSeries, runBacktestCommand } from './backtest-command';
import { formatBacktestTable } from './backtest-table';

const METRIC_KEYS = ['wape', 'mae', 'mase', 'bias', 'overPct', 'underPct', 'pinball', 'coverage80', 'tieCoverage80', 'n'];

/** Two canteens' lunch covers (staff-driven) plus one dish, with a cautious manager's plan. */
function csv(options: { planned: boolean }): string {
  const random = randomSource('command');
  const days = serviceDays({ from: '2025-03-03', count: 300 });
  const lines = [options.planned ? 'date,canteen,meal,item,quantity,planned,staff_on_duty' : 'date,canteen,meal,item,quantity,staff_on_duty'];
  for (const canteen of ['depot-north', 'hq']) {
    days.forEach((day, i) => {
      const staff = Math.round(1000 + 150 * random.normal());
      const covers = Math.round(0.6 * staff + (isoWeekday(day) === 4 ? -80 : 0) + 20 * random.normal());
      const plan = i % 10 === 0 ? '' : String(Math.round(covers * (1.1 + 0.1 * random.normal())));
      const cells = [formatIsoDate(day), canteen, 'lunch', canteen === 'hq' ? '' : '*', covers, ...(options.planned ? [plan] : []), staff];
      lines.push(cells.join(','));
    });
  }
  days.forEach((day) => lines.push([formatIsoDate(day), 'hq', 'lunch', 'mapo tofu', Math.round(40 + 10 * random.normal()), ...(options.planned ? ['50'] : []), ''].join(',')));
  return lines.join('\n');
}

/** Computed once for the tests that read the same backtest (each takes seconds). */
function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

const plannedBacktest = once(() => runBacktestCommand(csv({ planned: true }), { testDays: 40 }));
const shortBacktest = once(() => {
  const updates: { step: string; done: number; total: number; fraction?: number }[] = [];
  const result = runBacktestCommand(csv({ planned: true }), { testDays: 20, onProgress: (update) => updates.push(update) });
  return { result, updates };
});

describe('backtest command core', () => {
  it('returns exactly the documented JSON shape', () => {
    const result = plannedBacktest();
    expect(Object.keys(result)).toEqual(['system', 'baselines', 'plans', 'matchedShortfall', 'withPlanned']);
    expect(Object.keys(result.withPlanned!)).toEqual(['system', 'matchedShortfall']);
    expect(Object.keys(result.withPlanned!.system)).toEqual(METRIC_KEYS);
    expect(Object.keys(result.baselines)).toEqual(['seasonalNaive', 'median4', 'planned']);
    for (const metrics of [result.system, result.baselines.seasonalNaive, result.baselines.median4, result.baselines.planned!]) {
      expect(Object.keys(metrics)).toEqual(METRIC_KEYS);
    }
    expect(result.system.n).toBe(120); // 3 series × 40 test days
    expect(result.baselines.planned!.n).toBe(120 - 8); // days without a plan are left out of the plan's metrics
    expect(result.baselines.planned!.coverage80).toBeNull();
    expect(result.plans.map((plan) => plan.level)).toEqual([0.5, 0.8, 0.9]);
    expect(Object.keys(result.matchedShortfall!)).toEqual(['level', 'leftoverPct', 'plannedLeftoverPct', 'plannedShortfallPct']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // plain JSON, no NaN/Map
  });

  it('learns the driver: the system beats both baselines, and higher levels trade shortfall for leftover', () => {
    const result = plannedBacktest();
    expect(result.system.wape!).toBeLessThan(result.baselines.median4.wape!);
    expect(result.system.wape!).toBeLessThan(result.baselines.seasonalNaive.wape!);
    const [p50, p80, p90] = result.plans;
    expect(p80.shortfallPct!).toBeLessThan(p50.shortfallPct!);
    expect(p90.leftoverPct!).toBeGreaterThan(p80.leftoverPct!);
    const matched = result.matchedShortfall!;
    expect(matched.level).toBeGreaterThan(0.5);
    expect(matched.level).toBeLessThan(1);
    // The manager over-plans by ~10 %: matching his shortfall, the system wastes less.
    expect(matched.leftoverPct!).toBeLessThan(matched.plannedLeftoverPct!);
    // The plan as a driver is scored on the same days; here it is a noisy copy of what the staff driver says already.
    expect(result.withPlanned!.system.n).toBe(result.system.n);
    expect(result.withPlanned!.system.wape!).toBeLessThan(result.baselines.planned!.wape!);
  });

  it("matches the planner's shortfall on the quantiles the system serves, and reports the plan levels alone", () => {
    const { result, series } = backtestWithSeries(csv({ planned: true }), { testDays: 40 });
    const days = series.flatMap(({ entry, evaluation }) =>
      [...evaluation.indices].flatMap((index, k) => (Number.isFinite(entry.planned[index]) ? [{ evaluation, k, plan: entry.planned[index] }] : [])),
    );
    const actual = days.map(({ evaluation, k }) => evaluation.actual[k]);
    const outcomes = CURVE_LEVELS.map((level) =>
      productionOutcome(
        actual,
        days.map(({ evaluation, k }) => evaluation.system.quantiles.get(roundLevel(level))![k]),
      ),
    );
    const served = matchShortfall({
      actual,
      planned: days.map(({ plan }) => plan),
      curveLeftover: outcomes.map(({ leftover }) => leftover),
      curveShortfall: outcomes.map(({ shortfall }) => shortfall),
    });
    expect(result.matchedShortfall).toEqual(served);
    // The curve's 99 levels are asked of the system but do not enter its reported figures.
    expect(result).toEqual(plannedBacktest());
    expect(result.system).toEqual(runBacktestCommand(csv({ planned: false }), { testDays: 40 }).system);
  });

  it('omits planned and matchedShortfall without a planned column, and honours levels', () => {
    const result = runBacktestCommand(csv({ planned: false }), { testDays: 20, levels: [0.7] });
    expect(Object.keys(result)).toEqual(['system', 'baselines', 'plans']);
    expect(Object.keys(result.baselines)).toEqual(['seasonalNaive', 'median4']);
    expect(result.plans.map((plan) => plan.level)).toEqual([0.7]);
    expect(result.system.n).toBe(60);
  });

  it('testFrom scores every service day from that date', () => {
    const result = runBacktestCommand(csv({ planned: false }), { testFrom: '2026-04-01' });
    const expectedDays = serviceDays({ from: '2025-03-03', count: 300 }).filter((day) => formatIsoDate(day) >= '2026-04-01').length;
    expect(result.system.n).toBe(3 * expectedDays);
  });

  it('formats a readable table', () => {
    const text = formatBacktestTable(shortBacktest().result);
    expect(text).toMatch(/^system\s+\d+\.\d%/m);
    expect(text).toMatch(/^median of 4/m);
    expect(text).toMatch(/^planned/m);
    expect(text).toMatch(/^system \+ plan\s+\d+\.\d%/m); // the planners' number as a driver
    expect(text).toMatch(/Same shortfall as the plan/);
    expect(text).toMatch(/With the plan as a driver it is reached at p\d+\.\d: leftover \d+\.\d%/);
  });

  it('says on how many days each row is scored when the rows differ, as the planned row does on days without a plan', () => {
    const { result } = shortBacktest();
    // the history leaves some planned cells blank: the planned row is scored on fewer days than the others
    const [days, planned] = [result.system.n, result.baselines.planned!.n];
    expect([result.baselines.seasonalNaive.n, result.baselines.median4.n, result.withPlanned!.system.n]).toEqual([days, days, days]);
    expect(planned).toBeLessThan(days);
    expect(formatBacktestTable(result)).toContain(
      `Rows are scored on different days: ${days} days for system, system + plan, seasonal naive, median of 4;\n${planned} days for planned (only the days with a planned quantity). Compare figures between rows of the same n.`,
    );
    const allDays = { ...result, baselines: { ...result.baselines, planned: { ...result.baselines.planned!, n: days } } };
    expect(formatBacktestTable(allDays)).not.toMatch(/scored on different days/);
  });

  it('says so in the table when every level gives the same plan', () => {
    const { result } = shortBacktest();
    expect(formatBacktestTable(result)).not.toMatch(/Every level gives the same plan/);
    const alike = { ...result, plans: result.plans.map((plan) => ({ ...plan, leftoverPct: 0.021, shortfallPct: 0.221 })) };
    expect(formatBacktestTable(alike)).toMatch(/Every level gives the same plan: the quantiles could not be calibrated/);
  });

  it('says so in the table when no scored day has a plan, rather than matching an empty plan', () => {
    const { result } = shortBacktest();
    const noPlanScored = {
      ...result,
      baselines: { ...result.baselines, planned: { ...result.baselines.planned!, n: 0 } },
      matchedShortfall: { level: 0.01, leftoverPct: null, plannedLeftoverPct: null, plannedShortfallPct: null },
    };
    const text = formatBacktestTable(noPlanScored);
    expect(text).not.toMatch(/Same shortfall/);
    expect(text).toMatch(/No scored day has a planned quantity/);
  });

  it.each([
    ['date,canteen,meal,quantity\n2026-01-05,a,lunch,3', /missing column\(s\) item/],
    ['date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3\n2026-13-01,a,lunch,*,4', /line 3: column date: invalid date "2026-13-01"/],
    ['date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3\n2026-01-06,a,lunch,*,-4', /line 3: column quantity is negative/],
    ['date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,abc', /line 2: column quantity is not a number/],
    ['date,canteen,meal,item,quantity,staff\n2026-01-05,a,lunch,*,3,x', /line 2: column staff is not a number/],
    ['date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3\n2026-01-05,a,lunch,,4', /line 3: duplicate row for a\/lunch\/\*/],
    ['date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3,9', /bad CSV: .*line 2/],
  ])('names the problem in a bad CSV (%#)', (text, message) => {
    expect(() => runBacktestCommand(text)).toThrow(message);
  });

  it('reports each series evaluated, twice over with a planned column, up to the whole', () => {
    const { updates } = shortBacktest();
    expect(updates.map((update) => `${update.step} ${update.done}/${update.total}`)).toEqual([
      ...[0, 1, 2, 3].map((done) => `series ${done}/3`),
      ...[0, 1, 2, 3].map((done) => `series with planned ${done}/3`),
    ]);
    expect(updates.map((update) => update.fraction)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((step) => step / 8));
  });

  it('says so when the test period starts after the last date of the file', () => {
    const text = 'date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3\n2026-01-06,a,lunch,*,4';
    expect(() => runBacktestCommand(text, { testFrom: '2027-01-01' })).toThrow("backtest: the test period from 2027-01-01 starts after the file's last date, 2026-01-06");
  });

  it('says so when no test day has any history', () => {
    expect(() => runBacktestCommand('date,canteen,meal,item,quantity\n2026-01-05,a,lunch,*,3')).toThrow(/no test day could be forecast/);
  });

  it('accepts a UTF-8 BOM and reads closed days as absent, not zero', () => {
    const days = serviceDays({ from: '2025-01-06', count: 120, closed: ['2025-02-10', '2025-02-11', '2025-02-12'] });
    const text = '\uFEFFdate,canteen,meal,item,quantity\n' + days.map((day) => `${formatIsoDate(day)},a,lunch,*,200`).join('\n');
    const result = runBacktestCommand(text, { testDays: 30 });
    expect(result.system.wape).toBe(0);
    expect(result.baselines.median4.wape).toBe(0);
  });
});
