import { BacktestCommandResult, PlanOutcome } from './backtest-command';
import { ForecastMetrics } from '../evaluation/metrics';

const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const plain = (value: number | null, digits = 1): string => (value === null ? '-' : value.toFixed(digits));

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}

/** Several levels with the same leftover and shortfall: the band has no width (nothing to calibrate it on). */
function plansAllAlike(plans: readonly PlanOutcome[]): boolean {
  return plans.length > 1 && plans[0].leftoverPct !== null && plans.every((plan) => plan.leftoverPct === plans[0].leftoverPct && plan.shortfallPct === plans[0].shortfallPct);
}

/**
 * Rows scored on different numbers of days (the planned row only where the plan is known) are not
 * comparable figure by figure: say on how many days each is scored, or nothing when they agree.
 */
function scoredDaysNote(rows: readonly [string, ForecastMetrics][]): string | null {
  const byDays = new Map<number, string[]>();
  for (const [name, metrics] of rows) byDays.set(metrics.n, [...(byDays.get(metrics.n) ?? []), name]);
  if (byDays.size < 2) return null;
  const most = Math.max(...byDays.keys());
  const groups = [...byDays]
    .sort((a, b) => b[0] - a[0])
    .map(([n, names]) => `${n} day${n === 1 ? '' : 's'} for ${names.join(', ')}${n < most && names.includes('planned') ? ' (only the days with a planned quantity)' : ''}`);
  return `Rows are scored on different days: ${groups.join(';\n')}. Compare figures between rows of the same n.`;
}

/** Human-readable report of `larder backtest` (the --json flag prints the result object instead). */
export function formatBacktestTable(result: BacktestCommandResult): string {
  const methods: [string, ForecastMetrics | undefined][] = [
    ['system', result.system],
    ['system + plan', result.withPlanned?.system],
    ['seasonal naive', result.baselines.seasonalNaive],
    ['median of 4', result.baselines.median4],
    ['planned', result.baselines.planned],
  ];
  const scored = methods.filter((entry): entry is [string, ForecastMetrics] => entry[1] !== undefined);
  const accuracy = table([
    ['method', 'WAPE', 'MAE', 'MASE', 'bias', 'over', 'under', 'pinball', 'cover80', 'ties', 'n'],
    ...scored.map(([name, m]) => [
      name,
      percent(m.wape),
      plain(m.mae),
      plain(m.mase, 3),
      percent(m.bias),
      percent(m.overPct),
      percent(m.underPct),
      percent(m.pinball),
      percent(m.coverage80),
      percent(m.tieCoverage80),
      String(m.n),
    ]),
  ]);
  const plans = table([['produce at quantile', 'leftover', 'shortfall'], ...result.plans.map((plan) => [`p${Math.round(plan.level * 100)}`, percent(plan.leftoverPct), percent(plan.shortfallPct)])]);
  const daysNote = scoredDaysNote(scored);
  const lines = [
    'Forecast accuracy (ratios of actual quantity; ties: p10–p90 coverage with ties spread, for counts)',
    accuracy,
    ...(daysNote === null ? [] : [daysNote]),
    '',
    'Production plans from the system quantiles',
    plans,
  ];
  if (plansAllAlike(result.plans)) {
    lines.push('Every level gives the same plan: the quantiles could not be calibrated, for too few past forecast errors at this lead (a short history or a long --lead-days).');
  }
  const matched = result.matchedShortfall;
  if (matched?.plannedShortfallPct === null) {
    lines.push('', 'No scored day has a planned quantity: the plan is not compared (the planned column holds plans of other days only).');
  } else if (matched) {
    lines.push(
      '',
      `Same shortfall as the plan (${percent(matched.plannedShortfallPct)}) is reached at p${(matched.level * 100).toFixed(1)}:` +
        ` leftover ${percent(matched.leftoverPct)} vs planned ${percent(matched.plannedLeftoverPct)}.`,
    );
    const withPlan = result.withPlanned?.matchedShortfall;
    if (withPlan) lines.push(`With the plan as a driver it is reached at p${(withPlan.level * 100).toFixed(1)}: leftover ${percent(withPlan.leftoverPct)}.`);
  }
  return lines.join('\n');
}
