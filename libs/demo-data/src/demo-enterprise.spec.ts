import { createHash } from 'node:crypto';
import { generateDemoEnterprise } from './demo-enterprise';
import { SMALL_DEMO } from './demo-test-options';
import type { DemoOptions } from './demo-options';

function fingerprint(options: DemoOptions): string {
  const enterprise = generateDemoEnterprise(options);
  const hash = createHash('sha256').update(JSON.stringify(enterprise.masters));
  for (const day of enterprise.days()) hash.update(JSON.stringify(day));
  return hash.digest('hex');
}

describe('generateDemoEnterprise', () => {
  it('is deterministic: the same options give the same bytes, another seed other data', () => {
    const first = fingerprint(SMALL_DEMO);
    expect(fingerprint(SMALL_DEMO)).toBe(first);
    expect(fingerprint({ ...SMALL_DEMO, seed: 8 })).not.toBe(first);
  });

  it('restarts the day stream from the beginning on every call', () => {
    const enterprise = generateDemoEnterprise(SMALL_DEMO);
    const first = enterprise.days().next().value!;
    const again = enterprise.days().next().value!;
    expect(again.date).toBe('2026-01-31');
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('rejects options the calendar cannot cover', () => {
    expect(() => generateDemoEnterprise({ endDate: '2024-03-01' })).toThrow(/outside the holiday calendar/);
    expect(() => generateDemoEnterprise({ endDate: '2026-02-30' })).toThrow(/not a calendar date/);
    expect(() => generateDemoEnterprise({ endDate: '2026-03-31', canteens: 9 })).toThrow(/canteens/);
  });

  describe('master data', () => {
    const { masters, options } = generateDemoEnterprise({ endDate: '2026-06-30' });

    it('has the shape of a metro operator with several canteens', () => {
      expect(masters.canteens).toHaveLength(4);
      expect(masters.canteens.filter((canteen) => canteen.opensWeekends)).toHaveLength(1);
      expect(masters.sites.length).toBeGreaterThan(masters.canteens.length);
      const night = masters.mealPeriods.filter((period) => period.meal === 'night');
      expect(night).toEqual([{ canteenId: 2, meal: 'night', startsAt: '22:00:00', endsAt: '01:00:00' }]);
      expect(masters.dishes.length).toBeGreaterThanOrEqual(55);
      expect(masters.ingredients.length).toBeGreaterThanOrEqual(140);
      expect(masters.suppliers).toHaveLength(12);
      expect(masters.calendarDays).toHaveLength(options.days + options.futureDays);
      expect(masters.closures).toHaveLength(1);
    });

    it('gives every dish 2-6 recipe lines and every recipe ingredient a supplier', () => {
      const supplied = new Set(masters.supplierItems.map((item) => item.ingredientId));
      for (const dish of masters.dishes) {
        const lines = masters.recipeLines.filter((line) => line.dishId === dish.id);
        expect(lines.length).toBeGreaterThanOrEqual(2);
        expect(lines.length).toBeLessThanOrEqual(6);
        for (const line of lines) {
          expect(supplied.has(line.ingredientId)).toBe(true);
          expect(line.yieldLoss).toBeGreaterThanOrEqual(0);
          expect(line.yieldLoss).toBeLessThan(1);
        }
      }
    });

    it('prices every supplier item from the first day, and pork swings', () => {
      for (const item of masters.supplierItems) {
        const prices = masters.supplierPrices.filter((price) => price.supplierItemId === item.id);
        expect(prices[0]?.validFrom).toBe(options.startDate);
        expect(item.leadTimeDays).toBeGreaterThanOrEqual(1);
        expect(item.leadTimeDays).toBeLessThanOrEqual(3);
      }
      const porkBelly = masters.ingredients.find((ingredient) => ingredient.name === '五花肉')!;
      const porkItem = masters.supplierItems.find((item) => item.ingredientId === porkBelly.id)!;
      const porkPrices = masters.supplierPrices.filter((price) => price.supplierItemId === porkItem.id).map((price) => price.packPriceFen);
      expect(porkPrices.length).toBeGreaterThan(5);
      expect(Math.max(...porkPrices) / Math.min(...porkPrices)).toBeGreaterThan(1.3);
    });

    it('changes the subsidy exactly once during the history', () => {
      const changes = [...new Set(masters.subsidyRules.map((rule) => rule.validFrom))];
      expect(changes).toHaveLength(2);
      expect(changes[1] > options.startDate && changes[1] <= options.endDate).toBe(true);
    });

    it('introduces and retires dishes during the history', () => {
      const introduced = masters.dishes.filter((dish) => dish.introducedOn !== null && dish.introducedOn <= options.endDate);
      const retired = masters.dishes.filter((dish) => dish.retiredOn !== null && dish.retiredOn <= options.endDate);
      expect(introduced.length).toBeGreaterThanOrEqual(4);
      expect(retired.length).toBeGreaterThanOrEqual(1);
    });
  });
});
