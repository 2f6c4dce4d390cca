import type { DashboardAlert } from './contract';
import type { Formats } from './format';
import type { Translate } from './i18n';

/**
 * An alert as a sentence in the page's language, with its units: error and waste shares as
 * percentages, ratings in stars, days and ratings counted. An alert kind the page does not know
 * yet lists its figures plainly rather than printing nothing.
 */
export function alertSentence(alert: DashboardAlert, t: Translate, f: Formats): string {
  const figure = (name: string) => alert.figures[name] ?? Number.NaN;
  switch (alert.kind) {
    case 'forecast_drift': {
      const bias = figure('recentBias');
      const direction = Math.abs(bias) < 0.005 ? '' : t('alertText.biasDirection', { direction: t(bias > 0 ? 'alertText.high' : 'alertText.low'), bias: f.pct(Math.abs(bias)) });
      return t('alertText.forecast_drift', { days: f.number(figure('recentDays')), recent: f.pct(figure('recentWape')), earlier: f.pct(figure('earlierWape')) }) + direction;
    }
    case 'unusual_waste':
      return t('alertText.unusual_waste', { share: f.pct(figure('share')), usual: f.pct(figure('medianShare')) });
    case 'falling_ratings':
      return t('alertText.falling_ratings', { before: f.number(figure('previousAverage'), 1), recent: f.number(figure('recentAverage'), 1), responses: f.number(figure('recentResponses')) });
    default:
      return Object.entries(alert.figures)
        .map(([name, value]) => `${name} ${f.number(value, 2)}`)
        .join(' · ');
  }
}
