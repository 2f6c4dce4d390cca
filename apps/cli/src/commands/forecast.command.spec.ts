import { ForecastRunSummary } from '@larder/demand';
import { formatForecastSummary } from './forecast.command';

const EMPTY_RUN: ForecastRunSummary = {
  runId: 'r1',
  asOf: '2099-01-01',
  horizonDays: 28,
  status: 'done',
  series: 0,
  forecasts: 0,
  failed: [],
  seconds: 0,
  meanBacktestWape: { covers: null, dishes: null },
  baselineWape: { covers: { seasonalNaive: null, median4: null }, dishes: { lastServed: null, median4: null } },
  models: {},
};

describe('larder forecast summary', () => {
  it('says why a run forecast nothing', () => {
    expect(formatForecastSummary(EMPTY_RUN)).toMatch(
      /nothing to forecast: no canteen and meal has history up to 2099-01-01 and service days in the 28 after it; is --as-of within the imported data\?/,
    );
  });

  it('does not say so of a run that forecast something', () => {
    expect(formatForecastSummary({ ...EMPTY_RUN, series: 3, forecasts: 84 })).not.toMatch(/nothing to forecast/);
  });
});
