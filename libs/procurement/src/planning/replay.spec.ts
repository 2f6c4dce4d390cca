import { REPLAY_LEVELS, estimatedDemand, isCensored, summariseReplay, ReplayWeekResult } from './replay';

describe('replay scoring', () => {
  it('extrapolates the demand of a sell-out from the share of the service it lasted', () => {
    expect(isCensored({ sold: 50, prepared: 50 })).toBe(true);
    expect(estimatedDemand({ serviceDate: '2026-11-23', meal: 'lunch', dishId: 1, sold: 40, prepared: 50 })).toBe(40);
    expect(estimatedDemand({ serviceDate: '2026-11-23', meal: 'lunch', dishId: 1, sold: 50, prepared: 50, soldOutShare: 0.8 })).toBeCloseTo(62.5, 9);
    expect(estimatedDemand({ serviceDate: '2026-11-23', meal: 'lunch', dishId: 1, sold: 50, prepared: 50, soldOutShare: 0.01 })).toBeCloseTo(500, 9);
    expect(estimatedDemand({ serviceDate: '2026-11-23', meal: 'lunch', dishId: 1, sold: 50, prepared: 50, soldOutShare: null })).toBe(50);
  });

  it('reports leftover and shortfall as fractions of demand and cost in yuan', () => {
    const week: ReplayWeekResult = {
      week: '2026-W48',
      canteenId: 1,
      demand: 200,
      sold: 190,
      censoredSlots: 1,
      slots: 4,
      estimatedSlots: 0,
      systemShortfallVsSold: 4,
      system: { portions: 205, leftover: 15, shortfall: 10, costFen: 61500 },
      recorded: { portions: 230, leftover: 35, shortfall: 5, costFen: 69000 },
      pooled: { system: { leftover: 6, shortfall: 1 }, recorded: { leftover: 30, shortfall: 0 } },
      curve: { leftover: REPLAY_LEVELS.map((level) => 100 * (level - 0.5)), shortfall: REPLAY_LEVELS.map((level) => 20 * (1 - level)) },
    };
    const summary = summariseReplay([week]);
    expect(summary.system).toEqual({ leftoverPct: 0.075, shortfallPct: 0.05, purchaseCost: 615 });
    expect(summary.recorded).toEqual({ leftoverPct: 0.175, shortfallPct: 0.025, purchaseCost: 690 });
    expect(summary.demand.censoredShare).toBe(0.25);
    expect(summary.lowerBound.recordedLeftoverPctOfSold).toBeCloseTo(40 / 190, 4);
    // Recorded shortfall 2.5 % of 200 = 5 portions: reached at level 0.75 (20 × 0.25); leftover there 25 portions = 12.5 %.
    expect(summary.atRecordedShortfall).toEqual({ level: 0.75, leftoverPct: 0.125, shortfallPct: 0.025 });
    // Recorded leftover 17.5 % = 35 portions: the highest level with at most that is 0.85.
    expect(summary.atRecordedLeftover.level).toBe(0.85);
    expect(summary.weeks[0]).not.toHaveProperty('curve');
    expect(summary.pooled).toEqual({ system: { leftoverPct: 0.03, shortfallPct: 0.005 }, recorded: { leftoverPct: 0.15, shortfallPct: 0 } });
  });
});
