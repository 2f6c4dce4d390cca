import { bucketOf, bucketsOf, comparedThrough, kpiTrend, menuEngineering, previousRange, quantityRanks, rankChange, trendGrain } from './dashboard.calculator';

describe('trend buckets', () => {
  it('draws up to 92 days day by day and longer ranges week by week', () => {
    expect(trendGrain({ from: '2026-08-01', to: '2026-10-31' })).toBe('day');
    expect(trendGrain({ from: '2026-08-01', to: '2026-11-01' })).toBe('week');
  });

  it('puts a date in its own day or in the Monday of its ISO week', () => {
    expect(bucketOf('2026-11-22', 'day')).toBe('2026-11-22');
    expect(bucketOf('2026-11-22', 'week')).toBe('2026-11-16');
    expect(bucketOf('2026-11-16', 'week')).toBe('2026-11-16');
    expect(bucketsOf({ from: '2026-11-14', to: '2026-11-24' }, 'week')).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(bucketsOf({ from: '2026-11-14', to: '2026-11-16' }, 'day')).toEqual(['2026-11-14', '2026-11-15', '2026-11-16']);
  });

  it('derives each bucket from its sums and leaves empty buckets null', () => {
    const rows = [
      { bucket: 'a', cost: 1, revenue: 4 },
      { bucket: 'a', cost: 3, revenue: 4 },
      { bucket: 'c', cost: 1, revenue: 0 },
    ];
    const trend = kpiTrend({
      rows,
      buckets: ['a', 'b', 'c'],
      sum: (list) => {
        const revenue = list.reduce((s, r) => s + r.revenue, 0);
        return revenue > 0 ? list.reduce((s, r) => s + r.cost, 0) / revenue : null;
      },
    });
    expect(trend).toEqual([
      { date: 'a', value: 0.5 },
      { date: 'b', value: null },
      { date: 'c', value: null },
    ]);
  });

  it('compares with the range of equal length just before', () => {
    expect(previousRange({ from: '2026-11-01', to: '2026-11-28' })).toEqual({ from: '2026-10-04', to: '2026-10-31' });
  });

  it('compares a range still running only through its last day with data', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    expect(comparedThrough(december, { asOf: '2026-12-05', today: '2026-12-06' })).toBe('2026-12-05');
    // the range ends today: today's covers may not be in yet
    expect(comparedThrough({ from: '2026-11-30', to: '2026-12-06' }, { asOf: '2026-12-05', today: '2026-12-06' })).toBe('2026-12-05');
    // a past range is compared as chosen, though its last days had no covers (a closure is a real day)
    expect(comparedThrough({ from: '2026-11-01', to: '2026-11-30' }, { asOf: '2026-11-27', today: '2026-12-06' })).toBe('2026-11-30');
    // nothing in the range yet, or data through its end: as chosen
    expect(comparedThrough({ from: '2026-12-07', to: '2026-12-13' }, { asOf: '2026-12-05', today: '2026-12-06' })).toBe('2026-12-13');
    expect(comparedThrough({ from: '2026-11-30', to: '2026-12-06' }, { asOf: '2026-12-06', today: '2026-12-06' })).toBe('2026-12-06');
  });
});

describe('menu engineering', () => {
  it('splits dishes by 70% of the equal mix share and the quantity-weighted average margin', () => {
    const result = menuEngineering([
      { dishId: 1, quantity: 500, marginFen: 800 },
      { dishId: 2, quantity: 400, marginFen: 300 },
      { dishId: 3, quantity: 60, marginFen: 900 },
      { dishId: 4, quantity: 40, marginFen: 200 },
      { dishId: 5, quantity: 0, marginFen: 100 },
      { dishId: 6, quantity: 10, marginFen: null },
    ]);
    // Five dishes sold: 0.7 / 5 = 14%.
    expect(result.popularityThreshold).toBeCloseTo(0.14);
    // (500·800 + 400·300 + 60·900 + 40·200) / 1000 = 582.
    expect(result.marginThresholdFen).toBeCloseTo(582);
    expect(Object.fromEntries(result.quadrants)).toEqual({ 1: 'star', 2: 'plowhorse', 3: 'puzzle', 4: 'dog', 5: null, 6: null });
    expect(result.shares.get(1)).toBeCloseTo(500 / 1010);
  });

  it('has no margin line when nothing is costed', () => {
    const result = menuEngineering([{ dishId: 1, quantity: 5, marginFen: null }]);
    expect(result.marginThresholdFen).toBeNull();
    expect(result.quadrants.get(1)).toBeNull();
  });
});

describe('rank change', () => {
  it('ranks by quantity with shared ranks for ties and counts a climb as positive', () => {
    const now = quantityRanks([
      { dishId: 1, quantity: 10 },
      { dishId: 2, quantity: 30 },
      { dishId: 3, quantity: 30 },
      { dishId: 4, quantity: 0 },
    ]);
    expect(Object.fromEntries(now)).toEqual({ 1: 3, 2: 1, 3: 1 });
    const before = quantityRanks([
      { dishId: 1, quantity: 50 },
      { dishId: 2, quantity: 5 },
    ]);
    expect(rankChange(now, before, 1)).toBe(-2);
    expect(rankChange(now, before, 2)).toBe(1);
    expect(rankChange(now, before, 3)).toBeNull();
  });
});
