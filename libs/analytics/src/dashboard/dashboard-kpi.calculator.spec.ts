import type { BucketSums, RangeSums } from './dashboard-daily.service';
import { rangeKpis, rangeRatings, settledRespondents } from './dashboard-kpi.calculator';

const ratings = { responses: 0, respondents: 0, ratingSum: 0, satisfied: 0, dissatisfied: 0 };

function bucket(values: Partial<BucketSums>): BucketSums {
  return {
    bucket: '2026-11-02',
    covers: 0,
    paidFen: 0,
    subsidyFen: 0,
    dinerDays: 0,
    staffOnDutyDays: 0,
    ingredientCostFen: 0,
    preparedPortions: 0,
    overproductionPortions: 0,
    wasteKg: 0,
    ratings,
    respondentBounds: { least: 0, most: 0 },
    ...values,
  };
}

describe('rangeKpis', () => {
  const sums: RangeSums = {
    buckets: [
      bucket({ covers: 100, paidFen: 60_000, subsidyFen: 40_000, dinerDays: 90, staffOnDutyDays: 120, preparedPortions: 200, overproductionPortions: 10 }),
      bucket({ bucket: '2026-11-09', covers: 50, paidFen: 30_000, subsidyFen: 20_000, dinerDays: 45, staffOnDutyDays: 60, preparedPortions: 100, overproductionPortions: 20 }),
    ],
    canteens: [
      { canteenId: 1, ingredientCostFen: 40_000.4, spoilageCostFen: 100.4, overproductionKg: 1.2344, otherWasteKg: 2 },
      { canteenId: 2, ingredientCostFen: 10_000.4, spoilageCostFen: 0.4, overproductionKg: 0.0004, otherWasteKg: 0.5 },
    ],
    ratings: { responses: 10, respondents: 6, ratingSum: 42, satisfied: 7, dissatisfied: 1 },
  };

  it('adds the buckets up and forms each ratio from the sums', () => {
    const kpis = rangeKpis(sums);
    expect(kpis).toMatchObject({ covers: 150, revenueFen: 150_000, subsidyFen: 60_000, satisfaction: 4.2 });
    expect(kpis.participation).toBeCloseTo(135 / 180, 12);
    expect(kpis.wasteShare).toBeCloseTo(30 / 300, 12);
  });

  it('rounds costs to the fen and overproduction to the gram per canteen, as the reports do', () => {
    const kpis = rangeKpis(sums);
    // 40,000 + 100 + 10,000 + 0 fen: each canteen's 0.4 fen rounds away, where a grand total would keep 1.6.
    expect(kpis.foodCostRatio).toBe(50_100 / 150_000);
    expect(kpis.wasteKg).toBe(1.234 + 2 + 0 + 0.5);
  });

  it('leaves undefined ratios and a rating total under five diners empty', () => {
    const kpis = rangeKpis({ buckets: [], canteens: [], ratings: { ...sums.ratings, respondents: 4 } });
    expect(kpis).toEqual({ covers: 0, participation: null, revenueFen: 0, subsidyFen: 0, foodCostRatio: null, wasteKg: 0, wasteShare: null, satisfaction: null });
  });
});

describe('settledRespondents', () => {
  it('takes a lower bound of five or more, and an upper bound under five', () => {
    expect(settledRespondents({ least: 5, most: 9 })).toBe(5);
    expect(settledRespondents({ least: 1, most: 4 })).toBe(4);
    expect(settledRespondents({ least: 3, most: 3 })).toBe(3);
  });

  it('leaves bounds that straddle the threshold to a count', () => {
    expect(settledRespondents({ least: 4, most: 5 })).toBeNull();
  });
});

describe('rangeRatings', () => {
  const day = (least: number, responses = least, most = least) =>
    bucket({ ratings: { responses, respondents: least, ratingSum: 4 * responses, satisfied: responses, dissatisfied: 0 }, respondentBounds: { least, most } });

  it('adds responses and ratings up, and takes the busiest day as the respondents once it has five', () => {
    expect(rangeRatings([day(6, 8), day(2)])).toEqual({ counts: { responses: 10, respondents: 6, ratingSum: 40, satisfied: 10, dissatisfied: 0 }, decided: true });
  });

  it('is settled below five when even the sum of the days has fewer', () => {
    const { counts, decided } = rangeRatings([day(1), day(2), day(1)]);
    expect(decided).toBe(true);
    expect(counts.respondents).toBe(4);
    expect(rangeRatings([]).decided).toBe(true);
  });

  it("bounds the range by the days' bounds, not by their counted respondents", () => {
    expect(rangeRatings([day(1, 1, 2), day(1, 1, 2)])).toMatchObject({ counts: { respondents: 4 }, decided: true });
    expect(rangeRatings([day(2, 2, 3), day(1, 1, 2)]).decided).toBe(false);
  });

  it('leaves it to an exact count when no day has five but the days together might', () => {
    expect(rangeRatings([day(4), day(1)]).decided).toBe(false);
  });
});
