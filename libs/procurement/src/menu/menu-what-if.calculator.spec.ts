import { menuWhatIf } from './menu-what-if.calculator';
import type { ProposedSlot, SlotFigures } from './menu-proposal-types';

const figures = (covers: number, costFenPerCover: number, wasteKgPerCover: number, satisfaction: number): SlotFigures => ({ covers, costFenPerCover, wasteKgPerCover, satisfaction });
const slot = (date: string, meal: 'lunch' | 'dinner', current: SlotFigures, proposed: SlotFigures): ProposedSlot => ({
  date,
  meal,
  covers: current.covers,
  dishIds: [],
  currentDishIds: [],
  current,
  proposed,
});

describe('menuWhatIf', () => {
  it('weighs each slot by its covers and prices its covers at its own subsidy', () => {
    const slots = [slot('2027-01-04', 'lunch', figures(100, 800, 0.05, 4), figures(100, 700, 0.03, 4.2)), slot('2027-01-04', 'dinner', figures(50, 1000, 0.1, 3), figures(50, 1100, 0.08, 3.5))];
    const whatIf = menuWhatIf(slots, [900, 600]);
    // Subsidy: 100 × 9.00 + 50 × 6.00 = ¥1,200 for 150 covers, ¥8.00 a cover.
    expect(whatIf.current).toEqual({
      covers: 150,
      costFen: 130_000,
      costFenPerCover: 130_000 / 150,
      wasteKg: 10,
      wasteKgPerCover: 10 / 150,
      satisfaction: 550 / 150,
      subsidyFen: 120_000,
      subsidyFenPerCover: 800,
    });
    expect(whatIf.proposed.costFen).toBe(125_000);
    expect(whatIf.proposed.wasteKg).toBeCloseTo(7, 9);
    expect(whatIf.proposed.subsidyFen).toBe(120_000);
  });

  it('is empty for no slots and refuses subsidies that do not match the slots', () => {
    expect(menuWhatIf([], []).current).toMatchObject({ covers: 0, costFenPerCover: 0, subsidyFenPerCover: 0 });
    expect(() => menuWhatIf([slot('2027-01-04', 'lunch', figures(1, 1, 0, 3), figures(1, 1, 0, 3))], [])).toThrow(/1 slots/);
  });
});
