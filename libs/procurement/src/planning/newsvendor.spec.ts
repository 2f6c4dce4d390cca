import { expectedLeftover } from '@larder/forecasting';
import { dishCosts, newsvendorLevel, outcomeOf, planQuantity, serviceLevelFor } from './newsvendor';
import { distributionFromStored, quantileAt, scaleDistribution } from './quantile-interpolation';

const DISTRIBUTION = { levels: [0.1, 0.5, 0.9], values: [80, 100, 120] };

describe('newsvendor service level', () => {
  it('is shortage cost / (shortage cost + leftover cost)', () => {
    expect(newsvendorLevel({ shortageCostFen: 1600, leftoverCostFen: 400 })).toBeCloseTo(0.8, 10);
    expect(newsvendorLevel({ shortageCostFen: 300, leftoverCostFen: 300 })).toBeCloseTo(0.5, 10);
  });

  it('takes the leftover cost as ingredient cost minus reuse value and the shortage cost by category', () => {
    const costs = dishCosts({ category: 'meat', listPriceFen: 1600, costPerPortionFen: 500, policy: { reuseShare: { meat: 0.2 } } });
    expect(costs).toEqual({ shortageCostFen: 1600, leftoverCostFen: 400 });
    const drink = dishCosts({ category: 'drink', listPriceFen: 300, costPerPortionFen: 100, policy: { shortageFactors: { drink: 0.5 } } });
    expect(drink).toEqual({ shortageCostFen: 150, leftoverCostFen: 100 });
    const absolute = dishCosts({ category: 'soup', listPriceFen: 300, costPerPortionFen: 100, policy: { shortageCostFen: { soup: 900 } } });
    expect(newsvendorLevel(absolute)).toBeCloseTo(0.9, 10);
  });

  it('lets the manager set the level, and keeps levels inside (0, 1)', () => {
    const costs = { shortageCostFen: 1600, leftoverCostFen: 400 };
    expect(serviceLevelFor({ costs, policy: { serviceLevel: 0.95 } })).toBe(0.95);
    expect(() => serviceLevelFor({ costs, policy: { serviceLevel: 1.2 } })).toThrow(/between 0 and 1/);
    expect(newsvendorLevel({ shortageCostFen: 1000, leftoverCostFen: 0 })).toBe(0.99);
    expect(newsvendorLevel({ shortageCostFen: 0, leftoverCostFen: 0 })).toBe(0.5);
  });
});

describe('quantity at a level', () => {
  it('interpolates linearly between stored quantiles and extends the outer segments', () => {
    expect(quantileAt(DISTRIBUTION, 0.5)).toBe(100);
    expect(quantileAt(DISTRIBUTION, 0.7)).toBeCloseTo(110, 10);
    expect(quantileAt(DISTRIBUTION, 0.95)).toBeCloseTo(122.5, 10);
    expect(quantileAt({ levels: [0.1, 0.5, 0.9], values: [0, 2, 10] }, 0.05)).toBe(0);
  });

  it('rounds the quantile up to whole portions and gives expected leftover and shortfall beside it', () => {
    const plan = planQuantity({ distribution: DISTRIBUTION, level: 0.75 });
    expect(plan.quantile).toBeCloseTo(112.5, 10);
    expect(plan.portions).toBe(113);
    expect(plan.expectedLeftover).toBeCloseTo(expectedLeftover({ quantity: 113, distribution: DISTRIBUTION }), 10);
    // E[(Q−D)+] − E[(D−Q)+] = Q − E[D], and E[D] = 100 for this symmetric distribution.
    expect(plan.expectedLeftover - plan.expectedShortfall).toBeCloseTo(13, 1);
    const higher = planQuantity({ distribution: DISTRIBUTION, level: 0.9 });
    expect(higher.expectedLeftover).toBeGreaterThan(plan.expectedLeftover);
    expect(higher.expectedShortfall).toBeLessThan(plan.expectedShortfall);
  });

  it('evaluates an overridden quantity on the same distribution', () => {
    const none = outcomeOf({ distribution: DISTRIBUTION, portions: 0 });
    expect(none.expectedLeftover).toBe(0);
    expect(none.expectedShortfall).toBeCloseTo(100, 0);
  });

  it('reads stored forecasts: p10/p50/p90 plus jsonb levels, repairing crossed quantiles', () => {
    const distribution = distributionFromStored({ p10: 80, p50: 100, p90: 120, quantiles: { '0.95': 130, '0.8': 115, '0.99': 125 } });
    expect(distribution.levels).toEqual([0.1, 0.5, 0.8, 0.9, 0.95, 0.99]);
    expect(distribution.values).toEqual([80, 100, 115, 120, 130, 130]);
    expect(quantileAt(distribution, 0.85)).toBeCloseTo(117.5, 10);
    expect(scaleDistribution(distribution, 0.5).values[1]).toBe(50);
  });
});
