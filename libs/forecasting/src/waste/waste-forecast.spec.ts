import { expectedLeftover, expectedShortfall, expectedWaste, learnPlateWaste, QuantileDistribution } from './waste-forecast';

/** Demand uniform on [0, 100]: quantile(u) = 100u, extended linearly it is exact. */
const UNIFORM: QuantileDistribution = { levels: [0.1, 0.5, 0.9], values: [10, 50, 90] };

describe('waste forecast', () => {
  it('matches the closed forms for a uniform demand', () => {
    // E[(Q−D)+] = Q²/200 and E[(D−Q)+] = (100−Q)²/200 for D ~ U(0,100).
    expect(expectedLeftover({ quantity: 50, distribution: UNIFORM })).toBeCloseTo(12.5, 2);
    expect(expectedShortfall({ quantity: 50, distribution: UNIFORM })).toBeCloseTo(12.5, 2);
    expect(expectedLeftover({ quantity: 80, distribution: UNIFORM })).toBeCloseTo(32, 2);
    expect(expectedShortfall({ quantity: 80, distribution: UNIFORM })).toBeCloseTo(2, 2);
  });

  it('keeps leftover − shortfall = Q − E[D]', () => {
    const skewed: QuantileDistribution = { levels: [0.1, 0.5, 0.8, 0.9], values: [3, 20, 31, 45] };
    const demandMean = expectedShortfall({ quantity: 0, distribution: skewed });
    for (const quantity of [0, 10, 25, 60]) {
      const gap = expectedLeftover({ quantity, distribution: skewed }) - expectedShortfall({ quantity, distribution: skewed });
      expect(gap).toBeCloseTo(quantity - demandMean, 6);
    }
  });

  it('learns plate waste per portion with shrinkage and prices it in integer fen', () => {
    const rates = learnPlateWaste(
      [
        { dish: 'fish', portionsServed: 1000, plateWasteKg: 40 },
        { dish: 'fish', portionsServed: 1000, plateWasteKg: 40 },
        { dish: 'tofu', portionsServed: 10, plateWasteKg: 2 },
      ],
      { priorPortions: 50 },
    );
    expect(rates.overall).toBeCloseTo(82 / 2010, 9);
    expect(rates.byDish.get('fish')).toBeCloseTo((80 + 50 * rates.overall) / 2050, 9);
    expect(rates.byDish.get('tofu')!).toBeLessThan(0.2); // 0.2 kg/portion raw, pulled toward the overall rate
    const estimate = expectedWaste({ quantity: 80, distribution: UNIFORM, plateWasteKgPerPortion: 0.05, portionKg: 0.25, costPerPortionFen: 600 });
    expect(estimate.leftoverPortions).toBeCloseTo(32, 2);
    expect(estimate.servedPortions).toBeCloseTo(48, 2);
    expect(estimate.plateWasteKg).toBeCloseTo(2.4, 2);
    expect(estimate.totalWasteKg).toBeCloseTo(32 * 0.25 + 2.4, 2);
    expect(Number.isInteger(estimate.wasteCostFen)).toBe(true);
    expect(estimate.wasteCostFen).toBe(Math.round(32 * 600 + 2.4 * 2400)); // 2400 fen per kg
  });
});
