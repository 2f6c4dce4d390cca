import fc from 'fast-check';
import { addDays, IsoDate, MealPeriod } from '@larder/domain';
import { MenuFigures } from './menu-figures.calculator';
import { proposeMenu } from './menu-proposal.calculator';
import type { MenuCandidate, MenuRules, MenuSlot, ServedDish, SlotPredictor } from './menu-proposal-types';
import { menuSlotKey, menuViolations } from './menu-rules';

fc.configureGlobal({ seed: 20261205, numRuns: 120 });

const START: IsoDate = '2027-01-04';
const CATEGORIES = ['meat', 'vegetable', 'soup'] as const;
const MEALS: MealPeriod[] = ['lunch', 'dinner'];

interface World {
  candidates: MenuCandidate[];
  current: MenuSlot[];
  recent: ServedDish[];
  rules: MenuRules;
  attractiveness: Map<number, number>;
}

const dish = (dishId: number, days: number) =>
  fc
    .record({
      category: fc.constantFrom(...CATEGORIES),
      costFen: fc.integer({ min: 50, max: 1500 }),
      portionKg: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
      wasteRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
      rating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
      ratingCount: fc.integer({ min: 0, max: 40 }),
      lunch: fc.integer({ min: 0, max: 30 }),
      dinner: fc.integer({ min: 0, max: 30 }),
      meals: fc.subarray(MEALS, { minLength: 1 }),
      unavailable: fc.subarray(Array.from({ length: days }, (_, day) => day)),
      quadrant: fc.constantFrom('star', 'plowhorse', 'puzzle', 'dog', null),
      attractiveness: fc.double({ min: -2, max: 2, noNaN: true }),
    })
    .map((spec) => ({
      candidate: {
        dishId,
        name: `菜${dishId}`,
        nameEn: `Dish ${dishId}`,
        category: spec.category,
        costFen: spec.costFen,
        portionKg: spec.portionKg,
        wasteRate: spec.wasteRate,
        rating: spec.rating,
        ratingCount: spec.rating === null ? 0 : spec.ratingCount,
        servingsByMeal: { lunch: spec.lunch, dinner: spec.dinner },
        meals: spec.meals,
        unavailableDays: spec.unavailable.map((day) => addDays(START, day)),
        quadrant: spec.quadrant,
      } satisfies MenuCandidate,
      attractiveness: spec.attractiveness,
    }));

const world: fc.Arbitrary<World> = fc.record({ dishCount: fc.integer({ min: 3, max: 24 }), days: fc.integer({ min: 1, max: 14 }) }).chain(({ dishCount, days }) => {
  const ids = Array.from({ length: dishCount }, (_, index) => index + 1);
  return fc
    .record({
      dishes: fc.tuple(...ids.map((id) => dish(id, days))),
      menus: fc.array(fc.subarray(ids, { minLength: 1, maxLength: Math.min(4, dishCount) }), { minLength: days * 2, maxLength: days * 2 }),
      recent: fc.array(fc.record({ back: fc.integer({ min: 1, max: 10 }), meal: fc.constantFrom(...MEALS), dishId: fc.constantFrom(...ids) }), { maxLength: 10 }),
      repeatGapDays: fc.integer({ min: 1, max: 7 }),
      lunchMix: fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 })), { nil: undefined }),
      budget: fc.option(fc.integer({ min: 100, max: 2500 }), { nil: undefined }),
      pinned: fc.subarray(ids, { maxLength: 3 }),
      banned: fc.subarray(ids, { maxLength: Math.min(4, dishCount) }),
      covers: fc.integer({ min: 10, max: 900 }),
    })
    .map((drawn) => ({
      candidates: drawn.dishes.map((entry) => entry.candidate),
      attractiveness: new Map(drawn.dishes.map((entry) => [entry.candidate.dishId, entry.attractiveness])),
      current: drawn.menus.map((dishIds, index) => ({ date: addDays(START, Math.floor(index / 2)), meal: MEALS[index % 2], covers: drawn.covers, dishIds })),
      recent: drawn.recent.map((served) => ({ date: addDays(START, -served.back), meal: served.meal, dishId: served.dishId })),
      rules: {
        repeatGapDays: drawn.repeatGapDays,
        categoryMix: drawn.lunchMix ? { lunch: { meat: drawn.lunchMix[0], vegetable: drawn.lunchMix[1], soup: drawn.lunchMix[2] } } : undefined,
        maxCostPerCoverFen: drawn.budget === undefined ? undefined : { lunch: drawn.budget, dinner: drawn.budget },
        pinned: drawn.pinned,
        banned: drawn.banned.filter((id) => !drawn.pinned.includes(id)),
      },
    }));
});

/** Multinomial logit over the slot's dishes, one portion per cover: the share model's form. */
function logit(attractiveness: ReadonlyMap<number, number>): SlotPredictor {
  return (_slot, dishIds) => {
    const weights = dishIds.map((dishId) => Math.exp(attractiveness.get(dishId)!));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return new Map(dishIds.map((dishId, index) => [dishId, weights[index] / total]));
  };
}

describe('menu proposal (properties)', () => {
  it('never breaks a rule: every slot obeys them all or is reported short', () => {
    fc.assert(
      fc.property(world, (drawn) => {
        const predict = logit(drawn.attractiveness);
        const proposal = proposeMenu({ ...drawn, predict });
        const figures = new MenuFigures(drawn.candidates, predict);
        const excused = new Set(proposal.issues.map((issue) => menuSlotKey(issue)));
        const violations = menuViolations({
          proposed: proposal.slots,
          current: drawn.current,
          recent: drawn.recent,
          rules: drawn.rules,
          candidates: new Map(drawn.candidates.map((candidate) => [candidate.dishId, candidate])),
          costPerCoverFen: (slot) => figures.figures(slot, slot.dishIds).costFenPerCover,
          excused,
        });
        // A pin the rules cannot honour (the dish is not made for that meal, or its category is full) is reported.
        const reportedPin = (violation: { rule: string; dishId?: number } & Parameters<typeof menuSlotKey>[0]) =>
          violation.rule === 'pin-moved' && proposal.issues.some((issue) => issue.reason === 'pin-conflict' && issue.dishId === violation.dishId && menuSlotKey(issue) === menuSlotKey(violation));
        expect(violations.filter((violation) => !reportedPin(violation))).toEqual([]);
        for (const slot of proposal.slots) expect(new Set(slot.dishIds).size).toBe(slot.dishIds.length);
      }),
    );
  });

  it('reports a slot short only when no legal dish of the category is left', () => {
    fc.assert(
      fc.property(world, (drawn) => {
        const generous = { ...drawn.rules, repeatGapDays: 1, maxCostPerCoverFen: undefined, banned: [], pinned: [] };
        const everywhere = drawn.candidates.map((candidate) => ({ ...candidate, meals: MEALS, unavailableDays: [] }));
        const proposal = proposeMenu({ ...drawn, candidates: everywhere, rules: generous, predict: logit(drawn.attractiveness) });
        for (const issue of proposal.issues) {
          expect(issue.reason).toBe('no-candidate');
          const slot = proposal.slots.find((entry) => menuSlotKey(entry) === menuSlotKey(issue))!;
          const free = everywhere.filter((candidate) => candidate.category === issue.category && !slot.dishIds.includes(candidate.dishId));
          expect(free).toEqual([]);
        }
      }),
    );
  });

  it('scores every slot at least as well as a current menu that already obeys the rules', () => {
    fc.assert(
      fc.property(world, (drawn) => {
        const predict = logit(drawn.attractiveness);
        const rules = { repeatGapDays: 1, pinned: [], banned: [] };
        const everywhere = drawn.candidates.map((candidate) => ({ ...candidate, meals: MEALS, unavailableDays: [] }));
        const proposal = proposeMenu({ candidates: everywhere, current: drawn.current, recent: [], rules, predict });
        const figures = new MenuFigures(everywhere, predict);
        for (const slot of proposal.slots) {
          expect(figures.score(slot, slot.dishIds)).toBeGreaterThanOrEqual(figures.score(slot, slot.currentDishIds) - 1e-9);
        }
        for (const change of proposal.changes) {
          expect(change.explanation.zh).not.toMatch(/[A-Za-z]/);
          expect(change.explanation.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
