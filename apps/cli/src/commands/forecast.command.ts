import { Command } from 'commander';
import { DemandModule, ForecastRunService, ForecastRunSummary, MAX_HORIZON_DAYS } from '@larder/demand';
import { withContext } from '../cli-context';
import { parseInteger, printResult } from '../output';
import { progressFor, withProgressOption } from '../progress/progress-reporter';

interface ForecastFlags {
  asOf?: string;
  horizon: number;
  canteen?: string[];
  json?: boolean;
  progress?: boolean;
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`);

export function formatForecastSummary(summary: ForecastRunSummary): string {
  const lines = [
    `forecast run ${summary.runId} (${summary.status}) as of ${summary.asOf}, ${summary.horizonDays} days ahead: ${summary.series} series, ${summary.forecasts} forecasts in ${summary.seconds.toFixed(1)} s`,
    `models: ${
      Object.entries(summary.models)
        .map(([model, count]) => `${model} ${count}`)
        .join(', ') || 'none'
    }`,
    `backtest WAPE (mean over series): covers ${percent(summary.meanBacktestWape.covers)} (seasonal naive ${percent(summary.baselineWape.covers.seasonalNaive)}, median4 ${percent(summary.baselineWape.covers.median4)}); ` +
      `dishes ${percent(summary.meanBacktestWape.dishes)} (last served ${percent(summary.baselineWape.dishes.lastServed)}, median of 4 servings ${percent(summary.baselineWape.dishes.median4)})`,
  ];
  for (const failure of summary.failed) lines.push(`failed: ${failure.canteenCode} ${failure.meal}: ${failure.error}`);
  if (summary.series === 0 && summary.failed.length === 0) {
    lines.push(`nothing to forecast: no canteen and meal has history up to ${summary.asOf} and service days in the ${summary.horizonDays} after it; is --as-of within the imported data?`);
  }
  return lines.join('\n');
}

export function forecastCommand(): Command {
  return withProgressOption(new Command('forecast'))
    .option('--as-of <YYYY-MM-DD>', 'last day of history to use (default: yesterday)')
    .option('--horizon <days>', `days ahead to forecast, 1 to ${MAX_HORIZON_DAYS}`, parseInteger('--horizon', { min: 1 }), 28)
    .option('--canteen <code>', 'only this canteen (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--json', 'print one JSON object')
    .action(async (flags: ForecastFlags) => {
      const summary = await withContext([DemandModule], (context) =>
        progressFor('forecast', flags).around((onProgress) =>
          context.get(ForecastRunService).run({ asOf: flags.asOf, horizonDays: flags.horizon, canteenCodes: flags.canteen, trigger: 'manual', onProgress }),
        ),
      );
      printResult(flags, summary, () => formatForecastSummary(summary));
      if (summary.status === 'failed') process.exitCode = 1;
    });
}
