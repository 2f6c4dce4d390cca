import { alertSentence } from './alert-text';
import type { DashboardAlert } from './contract';
import { formats } from './format';
import { translator } from './i18n';

const drift: DashboardAlert = {
  kind: 'forecast_drift',
  severity: 'warning',
  canteenId: 1,
  dishId: null,
  figures: { recentWape: 0.214, earlierWape: 0.12, recentBias: 0.081, earlierBias: 0, recentDays: 14 },
};
const waste: DashboardAlert = { kind: 'unusual_waste', severity: 'critical', canteenId: 1, dishId: null, date: '2026-11-20', figures: { share: 0.183, medianShare: 0.062, mad: 0.01, score: 8 } };
const ratings: DashboardAlert = { kind: 'falling_ratings', severity: 'warning', canteenId: 1, dishId: 7, figures: { recentAverage: 3.33, previousAverage: 4.6, drop: 1.27, recentResponses: 42 } };

describe('alerts as sentences', () => {
  const sentence = (alert: DashboardAlert, lang: 'zh-CN' | 'en') => alertSentence(alert, translator(lang), formats(lang));

  it('words each alert in Chinese with its units, without the figures names', () => {
    expect(sentence(drift, 'zh-CN')).toBe('近 14 天的预测误差（WAPE）为 21.4%，此前为 12.0%。预测偏高 8.1%。');
    expect(sentence(waste, 'zh-CN')).toBe('当天剩余占备餐份数的 18.3%，平时约为 6.2%。');
    expect(sentence(ratings, 'zh-CN')).toBe('平均评分从 4.6 星降至 3.3 星（近期 42 条评价）。');
  });

  it('words each alert in English; a rating drop is in stars, never a percentage', () => {
    expect(sentence(drift, 'en')).toBe('Forecast error (WAPE) over the last 14 days was 21.4%, against 12.0% before. Forecasts ran high by 8.1%.');
    expect(sentence({ ...drift, figures: { ...drift.figures, recentBias: -0.002 } }, 'en')).toBe('Forecast error (WAPE) over the last 14 days was 21.4%, against 12.0% before.');
    expect(sentence(waste, 'en')).toBe('Leftovers were 18.3% of the portions prepared that day, against a usual 6.2%.');
    expect(sentence(ratings, 'en')).toBe('The average rating fell from 4.6 to 3.3 stars (42 recent ratings).');
    for (const alert of [drift, waste, ratings]) expect(sentence(alert, 'en')).not.toMatch(/recentAverage|medianShare|recentWape|drop/);
  });
});
