import type { MealPeriod } from '@larder/domain';
import { MenuFigures } from './menu-figures.calculator';
import { proposeMenu } from './menu-proposal.calculator';
import type { MenuCandidate, MenuRules, MenuSlot, SlotPredictor } from './menu-proposal-types';
import { menuViolations } from './menu-rules';

const LUNCH: MealPeriod[] = ['lunch'];

function dish(dishId: number, name: string, nameEn: string, figures: Partial<MenuCandidate>): MenuCandidate {
  return {
    dishId,
    name,
    nameEn,
    category: 'vegetable',
    costFen: 300,
    portionKg: 0.3,
    wasteRate: 0.05,
    rating: 4,
    ratingCount: 40,
    servingsByMeal: { lunch: 40 },
    meals: LUNCH,
    unavailableDays: [],
    quadrant: null,
    ...figures,
  };
}

const EGGPLANT = dish(1, '红烧茄子', 'braised eggplant', { wasteRate: 0.18, rating: 3.1, quadrant: 'dog' });
const PORK = dish(2, '鱼香肉丝', 'yuxiang pork', { category: 'meat', wasteRate: 0.04, rating: 4.5, quadrant: 'star' });
const CABBAGE = dish(3, '手撕包菜', 'hand-torn cabbage', { wasteRate: 0.06, rating: 4.2, quadrant: 'star' });
const CHICKEN = dish(4, '宫保鸡丁', 'kung pao chicken', { category: 'meat', wasteRate: 0.04, rating: 4.5 });
const NEW_GREENS = dish(5, '蒜蓉菜心', 'garlic choy sum', { wasteRate: 0, rating: 5, ratingCount: 2, servingsByMeal: { lunch: 1 } });
const ALL = [EGGPLANT, PORK, CABBAGE, CHICKEN, NEW_GREENS];
const SALES = new Map([
  [1, 0.1],
  [2, 0.5],
  [3, 0.4],
  [4, 0.5],
  [5, 0.3],
]);

/** Portions per cover in proportion to each dish's draw: a logit without the exponent. */
const predict: SlotPredictor = (_slot, dishIds) => {
  const total = dishIds.reduce((sum, dishId) => sum + SALES.get(dishId)!, 0);
  return new Map(dishIds.map((dishId) => [dishId, SALES.get(dishId)! / total]));
};

const RULES: MenuRules = { repeatGapDays: 1, pinned: [], banned: [] };
const current: MenuSlot[] = [{ date: '2027-01-04', meal: 'lunch', covers: 400, dishIds: [1, 4] }];

describe('proposeMenu', () => {
  // The eggplant's 18 % and 3.1 ★ over 40 servings are shrunk toward the vegetables' 11.9 % and 3.68 ★: 17 %, 3.2 ★.
  it('replaces a wasteful, poorly rated dish with a star and says why in both languages', () => {
    const proposal = proposeMenu({ candidates: ALL, current, recent: [], rules: RULES, predict });
    expect([...proposal.slots[0].dishIds].sort()).toEqual([3, 4]);
    expect(proposal.changes).toHaveLength(1);
    const [change] = proposal.changes;
    expect(change).toMatchObject({ kind: 'replace', fromDishId: 1, toDishId: 3, category: 'vegetable' });
    expect(change.explanation.en).toBe('replace braised eggplant — low sales, 17 % waste, 3.2 ★ — with hand-torn cabbage, a star');
    expect(change.explanation.zh).toBe('将红烧茄子换成手撕包菜：红烧茄子销量低、浪费 17%、3.2 星；手撕包菜是明星菜');
    expect(change.after.wasteKgPerCover).toBeLessThan(change.before.wasteKgPerCover);
    expect(change.after.satisfaction).toBeGreaterThan(change.before.satisfaction);
    expect(proposal.totals.proposed.wasteKgPerCover).toBeLessThan(proposal.totals.current.wasteKgPerCover);
  });

  it('does not bet on a dish served once however good its two ratings look', () => {
    const figures = new MenuFigures(ALL, predict);
    const estimate = figures.estimate(NEW_GREENS.dishId, 'lunch');
    expect(estimate.trust).toBeLessThan(0.2);
    expect(estimate.rating).toBeLessThan(4.5);
    expect(estimate.wasteRate).toBeGreaterThan(0.05);
  });

  it('keeps a pinned dish, never proposes a banned one and honours the repeat gap', () => {
    const week: MenuSlot[] = [0, 1, 2].map((day) => ({ date: `2027-01-0${4 + day}`, meal: 'lunch', covers: 300, dishIds: [1, 4] }));
    const rules: MenuRules = { repeatGapDays: 2, pinned: [4], banned: [3] };
    const proposal = proposeMenu({ candidates: ALL, current: week, recent: [], rules, predict });
    for (const slot of proposal.slots) {
      expect(slot.dishIds).toContain(4);
      expect(slot.dishIds).not.toContain(3);
    }
    const vegetables = proposal.slots.map((slot) => slot.dishIds.find((dishId) => dishId !== 4));
    for (let day = 1; day < vegetables.length; day++) if (vegetables[day] !== undefined) expect(vegetables[day]).not.toBe(vegetables[day - 1]);
  });

  it('stays within the budget per cover or reports the slot', () => {
    const rules: MenuRules = { ...RULES, maxCostPerCoverFen: { lunch: 320 } };
    const expensive = ALL.map((candidate) => (candidate.category === 'meat' ? { ...candidate, costFen: 600 } : candidate));
    const proposal = proposeMenu({ candidates: expensive, current, recent: [], rules, predict });
    const figures = new MenuFigures(expensive, predict);
    const cost = figures.figures(proposal.slots[0], proposal.slots[0].dishIds).costFenPerCover;
    expect(cost <= 320 || proposal.issues.some((issue) => issue.reason === 'over-budget')).toBe(true);
  });

  it('finds each kind of broken rule in a menu', () => {
    const candidates = new Map(ALL.map((candidate) => [candidate.dishId, candidate]));
    const rules: MenuRules = { repeatGapDays: 3, pinned: [], banned: [2], maxCostPerCoverFen: { lunch: 10 }, categoryMix: { lunch: { vegetable: 2 } } };
    const menu: MenuSlot[] = [
      { date: '2027-01-04', meal: 'lunch', covers: 100, dishIds: [1, 2] },
      { date: '2027-01-05', meal: 'lunch', covers: 100, dishIds: [1, 3] },
    ];
    const found = menuViolations({ proposed: menu, current: menu, recent: [], rules, candidates, costPerCoverFen: () => 50 }).map((violation) => violation.rule);
    expect(new Set(found)).toEqual(new Set(['banned', 'repeat', 'category-mix', 'over-budget']));
  });
});
