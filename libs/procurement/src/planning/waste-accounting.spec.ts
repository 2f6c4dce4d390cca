import { fixtureCatalogue } from '../testing/planning-fixture';
import { accountWaste } from './waste-accounting';

describe('waste accounting', () => {
  const catalogue = fixtureCatalogue();
  // Dish 20 costs 0.15 kg pork × 32 yuan + 0.1 kg rice × 5 yuan = 5.30 yuan a portion (in November); dish 10: 0.2 × 6 + 0.1 × 5 = 1.70 yuan.
  const account = accountWaste({
    catalogue,
    production: [
      { canteenId: 1, serviceDate: '2026-11-23', dishId: 20, portionsPrepared: 100 },
      { canteenId: 1, serviceDate: '2026-11-23', dishId: 10, portionsPrepared: 100 },
    ],
    covers: [
      { canteenId: 1, serviceDate: '2026-11-23', covers: 180 },
      { canteenId: 1, serviceDate: '2026-11-24', covers: 20 },
    ],
    waste: [
      { canteenId: 1, serviceDate: '2026-11-23', meal: 'lunch', kind: 'overproduction', dishId: 20, ingredientId: null, kg: 4, portions: 10 },
      { canteenId: 1, serviceDate: '2026-11-23', meal: 'lunch', kind: 'plate', dishId: null, ingredientId: null, kg: 8, portions: null },
      { canteenId: 1, serviceDate: '2026-11-24', meal: null, kind: 'spoilage', dishId: null, ingredientId: 1, kg: 2, portions: null },
    ],
    plans: [{ canteenId: 1, serviceDate: '2026-11-23', dishId: 20, expectedLeftover: 6.5 }],
  });

  it('prices overproduction by the portion, plate waste by the cooked kg and spoilage by the ingredient', () => {
    const week = account.canteenWeeks[0];
    expect(week).toMatchObject({ week: '2026-W48', canteenId: 1, covers: 200 });
    expect(week.byKind.overproduction).toMatchObject({ kg: 4, portions: 10, costFen: 5300 });
    // 100 × 530 + 100 × 170 fen over 100 × 0.4 + 100 × 0.4 kg = 875 fen per kg.
    expect(week.byKind.plate).toMatchObject({ kg: 8, costFen: 7000 });
    expect(week.byKind.spoilage).toMatchObject({ kg: 2, costFen: 1200 });
    expect(week.total.costFen).toBe(5300 + 7000 + 1200);
    expect(week.plateKgPerCover).toBeCloseTo(0.04, 6);
  });

  it('compares logged overproduction with what the approved plan expected', () => {
    expect(account.canteenWeeks[0].plan).toEqual({ expectedLeftoverPortions: 6.5, loggedOverproductionPortions: 10, days: 1 });
    expect(account.byDish).toEqual([expect.objectContaining({ dishId: 20, portions: 10, costFen: 5300 })]);
    expect(account.rows.map((row) => row.kind)).toEqual(['overproduction', 'plate', 'spoilage']);
  });
});
