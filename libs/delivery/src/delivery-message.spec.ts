import { alertSentence } from './alert-sentences';
import type { DeliveredAlert, Names } from './delivery-event';
import { renderMessage, webhookBody } from './delivery-message';
import { duePeriod, mayReceive } from './subscription-rules';

const names: Names = { canteen: (id) => `食堂${id}`, dish: (id) => `菜${id}`, supplier: (id) => `供应商${id}`, ingredient: (id) => `原料${id}` };
const alert = (partial: Partial<DeliveredAlert> & Pick<DeliveredAlert, 'kind' | 'figures'>): DeliveredAlert => ({ severity: 'warning', canteenId: 1, dishId: null, ...partial });

describe('due periods', () => {
  it.each([
    // a Friday: last whole week, last whole month
    ['2026-11-20', 'waste', 'weekly', { week: '2026-W46' }],
    ['2026-11-20', 'accuracy', 'monthly', { month: '2026-10' }],
    // the Sunday ending the week, the last day of the month
    ['2026-11-22', 'waste', 'weekly', { week: '2026-W47' }],
    ['2026-11-30', 'finance', 'monthly', { month: '2026-11' }],
    ['2027-01-01', 'finance', 'monthly', { month: '2026-12' }],
    // the purchase plan: the coming week from Wednesday's data on, until then the week under way
    ['2026-11-20', 'purchase-plan', 'weekly', { week: '2026-W48' }],
    ['2026-11-23', 'purchase-plan', 'weekly', { week: '2026-W48' }],
    ['2026-11-24', 'purchase-plan', 'weekly', { week: '2026-W48' }],
    ['2026-11-25', 'purchase-plan', 'weekly', { week: '2026-W49' }],
  ] as const)('on %s the %s report (%s) is due for %p', (asOf, kind, period, expected) => {
    expect(duePeriod({ asOf, kind, period })).toEqual(expected);
  });
});

describe('who receives what', () => {
  it('follows the readers of each report and alert', () => {
    expect(mayReceive('union', { topic: 'report', subject: 'satisfaction' })).toBe(true);
    expect(mayReceive('union', { topic: 'report', subject: 'finance' })).toBe(false);
    expect(mayReceive('union', { topic: 'alert', subject: 'price_rise' })).toBe(false);
    expect(mayReceive('viewer', { topic: 'alert', subject: 'plan_ready' })).toBe(false);
    expect(mayReceive('manager', { topic: 'alert', subject: 'plan_ready' })).toBe(true);
    expect(mayReceive('admin', { topic: 'alert', subject: 'plan_ready' })).toBe(true);
  });
});

describe('alert sentences', () => {
  it.each<[DeliveredAlert, string, string]>([
    [
      alert({ kind: 'forecast_drift', figures: { recentWape: 0.24, earlierWape: 0.1, recentDays: 14 } }),
      '食堂1：就餐人数预测出现偏差——近 14 天的误差（WAPE）为 24.0%，此前为 10.0%。',
      '食堂1: the covers forecast is drifting — its error (WAPE) over the last 14 days is 24.0%, against 10.0% before.',
    ],
    [
      alert({ kind: 'unusual_waste', date: '2026-11-19', figures: { share: 0.125, medianShare: 0.04 } }),
      '食堂1：2026-11-19 浪费异常——剩余份数占备餐的 12.5%，平常约为 4.0%。',
      '食堂1: unusual waste on 2026-11-19 — 12.5% of the prepared portions were left over, against a usual 4.0%.',
    ],
    [
      alert({ kind: 'falling_ratings', dishId: 7, figures: { previousAverage: 4.2, recentAverage: 3.5, recentResponses: 38 } }),
      '食堂1 · 菜7：近四周评分由 4.2 星降至 3.5 星（38 条评价）。',
      '食堂1 · 菜7: ratings fell from 4.2 to 3.5 stars over the last four weeks (38 responses).',
    ],
    [
      alert({ kind: 'plan_ready', severity: 'info', week: '2026-W48', figures: { version: 2 } }),
      '食堂1：2026-W48 的计划草稿（第 2 版）已可审批。',
      '食堂1: the draft plan for 2026-W48 (version 2) is ready for approval.',
    ],
    [
      alert({ kind: 'price_rise', canteenId: null, date: '2026-11-20', supplierId: 3, ingredientId: 9, figures: { previousFen: 12000, priceFen: 15600, rise: 0.3 } }),
      '原料9 (供应商3)：自 2026-11-20 起包装价由 ¥120.00 涨至 ¥156.00（上涨 30.0%）。',
      '原料9 (供应商3): the pack price rises from ¥120.00 to ¥156.00 (+30.0%) from 2026-11-20.',
    ],
  ])('words %p in Chinese and English', (given, zh, en) => {
    expect(alertSentence(given, names, 'zh-CN')).toBe(zh);
    expect(alertSentence(given, names, 'en')).toBe(en);
  });
});

describe('messages', () => {
  it('ends an e-mail with the unsubscribe link and gives a webhook markdown without it', () => {
    const message = renderMessage({ event: { type: 'report', kind: 'waste', week: '2026-W46', canteenId: 2 }, names, language: 'zh-CN', unsubscribeUrl: 'https://l/u?token=t' });
    expect(message.subject).toBe('Larder: 食物浪费报告 2026-W46 · 食堂2');
    expect(message.text).toContain('退订此订阅：https://l/u?token=t');
    expect(webhookBody(message)).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('食物浪费报告') } });
    expect(JSON.stringify(webhookBody(message))).not.toContain('token');
    expect(webhookBody(message, 'https://oapi.dingtalk.com/robot/send?access_token=x')).toEqual({ msgtype: 'markdown', markdown: { title: message.subject, text: message.markdown } });
  });
});
