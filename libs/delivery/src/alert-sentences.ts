import { fenToYuan } from '@larder/domain';
import type { DeliveredAlert, Names, ReportLanguage } from './delivery-event';

const pct = (value: number | undefined) => `${((value ?? 0) * 100).toFixed(1)}%`;
const yuan = (fen: number | undefined) => `¥${fenToYuan(fen ?? 0).toFixed(2)}`;
const stars = (value: number | undefined) => (value ?? 0).toFixed(1);

/** What the alert is about: the canteen, and the dish when it is about one. */
function subjectOf(alert: DeliveredAlert, names: Names, language: ReportLanguage): string {
  const parts = [alert.canteenId !== null ? names.canteen(alert.canteenId) : language === 'en' ? 'All canteens' : '全部食堂'];
  if (alert.dishId !== null) parts.push(names.dish(alert.dishId));
  return parts.join(' · ');
}

/** The alert's title, as the overview page names it. */
export function alertTitle(alert: DeliveredAlert, language: ReportLanguage): string {
  const titles: Record<DeliveredAlert['kind'], [string, string]> = {
    forecast_drift: ['预测偏差', 'Forecast drift'],
    unusual_waste: ['浪费异常', 'Unusual waste'],
    falling_ratings: ['评分下降', 'Falling ratings'],
    plan_ready: ['计划待审批', 'Plan ready for approval'],
    price_rise: ['供应商涨价', 'Price rise'],
  };
  const [zh, en] = titles[alert.kind];
  return language === 'en' ? en : zh;
}

/** One sentence saying what happened, with its figures, in the subscriber's language. */
export function alertSentence(alert: DeliveredAlert, names: Names, language: ReportLanguage): string {
  const f = alert.figures;
  const where = subjectOf(alert, names, language);
  const en = language === 'en';
  switch (alert.kind) {
    case 'forecast_drift':
      return en
        ? `${where}: the covers forecast is drifting — its error (WAPE) over the last ${f.recentDays} days is ${pct(f.recentWape)}, against ${pct(f.earlierWape)} before.`
        : `${where}：就餐人数预测出现偏差——近 ${f.recentDays} 天的误差（WAPE）为 ${pct(f.recentWape)}，此前为 ${pct(f.earlierWape)}。`;
    case 'unusual_waste':
      return en
        ? `${where}: unusual waste on ${alert.date} — ${pct(f.share)} of the prepared portions were left over, against a usual ${pct(f.medianShare)}.`
        : `${where}：${alert.date} 浪费异常——剩余份数占备餐的 ${pct(f.share)}，平常约为 ${pct(f.medianShare)}。`;
    case 'falling_ratings':
      return en
        ? `${where}: ratings fell from ${stars(f.previousAverage)} to ${stars(f.recentAverage)} stars over the last four weeks (${f.recentResponses} responses).`
        : `${where}：近四周评分由 ${stars(f.previousAverage)} 星降至 ${stars(f.recentAverage)} 星（${f.recentResponses} 条评价）。`;
    case 'plan_ready':
      return en ? `${where}: the draft plan for ${alert.week} (version ${f.version}) is ready for approval.` : `${where}：${alert.week} 的计划草稿（第 ${f.version} 版）已可审批。`;
    case 'price_rise': {
      const item = `${names.ingredient(alert.ingredientId ?? 0)} (${names.supplier(alert.supplierId ?? 0)})`;
      return en
        ? `${item}: the pack price rises from ${yuan(f.previousFen)} to ${yuan(f.priceFen)} (+${pct(f.rise)}) from ${alert.date}.`
        : `${item}：自 ${alert.date} 起包装价由 ${yuan(f.previousFen)} 涨至 ${yuan(f.priceFen)}（上涨 ${pct(f.rise)}）。`;
    }
  }
}
