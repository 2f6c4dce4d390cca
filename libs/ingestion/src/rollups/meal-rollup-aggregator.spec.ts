import type { TransactionDraft } from '../import/validation/transaction-rows';
import { MealRollupAggregator } from './meal-rollup-aggregator';

function payment(options: { meal: string; diner: string; kind?: 'sale' | 'refund'; dish: number; quantity: number; amount: number; channel?: 'card' | 'wechat' }): TransactionDraft {
  return {
    canteenId: 1,
    source: 'demo',
    externalId: 'x',
    terminal: '',
    dinerPseudonym: options.diner,
    occurredAt: new Date(0),
    serviceDate: '2026-11-24',
    meal: options.meal as TransactionDraft['meal'],
    kind: options.kind ?? 'sale',
    amountPaidFen: options.amount,
    subsidyFen: 0,
    channel: options.channel ?? 'card',
    refundOfExternalId: null,
    sourceLines: [1],
    lines: [{ lineNo: 1, dishId: options.dish, quantity: options.quantity, unitPriceFen: options.amount, amountFen: options.amount, subsidyFen: 0, paidFen: null }],
  };
}

describe('MealRollupAggregator', () => {
  it('counts distinct diners over sales only and hands a meal out once it has been idle', () => {
    const aggregator = new MealRollupAggregator();
    aggregator.add(payment({ meal: 'lunch', diner: 'a', dish: 7, quantity: 1, amount: 900 }));
    aggregator.add(payment({ meal: 'lunch', diner: 'a', dish: 7, quantity: 2, amount: 1800, channel: 'wechat' }));
    aggregator.add(payment({ meal: 'lunch', diner: 'b', kind: 'refund', dish: 7, quantity: -1, amount: -900 }));
    expect(aggregator.cut(false)).toEqual({ meals: '', dishes: '', reopened: [] });
    aggregator.cut(false);
    const out = aggregator.cut(false);
    expect(out.meals).toBe('1\t2026-11-24\tlunch\t1\t2\t1\t1800\t0\t{"card":0,"wechat":1800}\n');
    expect(out.dishes).toBe('1\t2026-11-24\tlunch\t7\t2\t1800\t0\t1\n');
  });

  it('reports a finished meal that comes back, and leaves it to the facts', () => {
    const aggregator = new MealRollupAggregator();
    aggregator.add(payment({ meal: 'dinner', diner: 'a', dish: 1, quantity: 1, amount: 100 }));
    expect(aggregator.cut(true).meals).not.toBe('');
    aggregator.add(payment({ meal: 'dinner', diner: 'b', dish: 1, quantity: 1, amount: 100 }));
    aggregator.add(payment({ meal: 'dinner', diner: 'c', dish: 1, quantity: 1, amount: 100 }));
    expect(aggregator.cut(true)).toEqual({ meals: '', dishes: '', reopened: ['1|2026-11-24|dinner'] });
  });
});
