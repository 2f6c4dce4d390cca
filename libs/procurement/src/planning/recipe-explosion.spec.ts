import { fixtureCatalogue, WEEK_START } from '../testing/planning-fixture';
import { grossPerPortion } from './planning-catalogue';
import { explodeRecipes } from './recipe-explosion';

describe('recipe explosion', () => {
  it('turns net quantities into gross with the yield loss: gross = net / (1 − loss)', () => {
    expect(grossPerPortion({ quantityPerPortion: 0.15, yieldLoss: 0.25 })).toBeCloseTo(0.2, 12);
    expect(() => grossPerPortion({ quantityPerPortion: 0.1, yieldLoss: 1 })).toThrow(/yield loss/);
  });

  it('sums needs by canteen, ingredient and the day they must be on hand (breakfast the day before)', () => {
    const needs = explodeRecipes({
      catalogue: fixtureCatalogue(),
      lines: [
        { canteenId: 1, serviceDate: WEEK_START, meal: 'lunch', dishId: 10, portions: 100 },
        { canteenId: 1, serviceDate: WEEK_START, meal: 'dinner', dishId: 20, portions: 50 },
        { canteenId: 1, serviceDate: '2026-11-24', meal: 'breakfast', dishId: 10, portions: 10 },
        { canteenId: 2, serviceDate: WEEK_START, meal: 'lunch', dishId: 10, portions: 0 },
      ],
    });
    const byKey = Object.fromEntries(needs.map((need) => [`${need.canteenId}/${need.ingredientId}/${need.neededBy}`, need.quantity]));
    expect(Object.keys(byKey).sort()).toEqual(['1/1/2026-11-23', '1/2/2026-11-23', '1/3/2026-11-23']);
    expect(byKey['1/1/2026-11-23']).toBeCloseTo(100 * 0.2 + 10 * 0.2, 9);
    expect(byKey['1/2/2026-11-23']).toBeCloseTo(150 * 0.1 + 10 * 0.1, 9);
    expect(byKey['1/3/2026-11-23']).toBeCloseTo(50 * 0.15, 9);
  });
});
