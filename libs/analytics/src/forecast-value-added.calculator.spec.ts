import { forecastValueAdded, medianOfFour, ServedDay, ValueAddedDay } from './forecast-value-added.calculator';

const served = (serviceDate: string, quantity: number, dishId = 7): ServedDay => ({ canteenId: 1, serviceDate, meal: 'lunch', dishId, quantity });
const day = (fields: Partial<ValueAddedDay> & Pick<ValueAddedDay, 'serviceDate' | 'asOf' | 'p10' | 'p50' | 'p90' | 'actual' | 'kitchen'>): ValueAddedDay => ({
  canteenId: 1,
  meal: 'lunch',
  dishId: 7,
  ...fields,
});

describe('forecast value added', () => {
  const history = [served('2026-03-02', 10), served('2026-03-04', 20), served('2026-03-06', 30), served('2026-03-09', 40), served('2026-03-11', 50), served('2026-03-12', 50)];
  const days = [
    day({ serviceDate: '2026-03-12', asOf: '2026-03-11', p10: 40, p50: 45, p90: 50, actual: 50, kitchen: 55 }),
    // Made two days ahead: the serving of the 12th is not known yet.
    day({ serviceDate: '2026-03-13', asOf: '2026-03-11', p10: 36, p50: 42, p90: 48, actual: 40, kitchen: 44 }),
    day({ serviceDate: '2026-03-16', asOf: '2026-03-15', p10: 30, p50: 40, p90: 50, actual: 45, kitchen: null }),
    day({ serviceDate: '2026-03-16', asOf: '2026-03-15', dishId: 8, p10: 5, p50: 8, p90: 11, actual: 9, kitchen: 10 }),
  ];

  it('takes the median of the last four servings known when Larder forecast the day', () => {
    // 50, 40, 30, 20 by the 11th → 35 for both; by the 15th: 50, 50, 40, 30 → 45; dish 8 never served → NaN.
    expect(medianOfFour(days, history)).toEqual([35, 35, 45, Number.NaN]);
  });

  it('scores Larder, the kitchen and median4 on the services all three have, counting the rest', () => {
    const result = forecastValueAdded(days, history);
    expect(result).toMatchObject({ scored: 4, compared: 2, withoutKitchen: 1, withoutHistory: 1, actual: 90 });
    // Larder |45−50| + |42−40| = 7 of 90; the kitchen 5 + 4 over = 9; median4 15 + 5 under = 20.
    expect(result.larder.wape).toBeCloseTo(7 / 90, 12);
    expect(result.larder.bias).toBeCloseTo(-3 / 90, 12);
    expect(result.larder.over).toBeCloseTo(2 / 90, 12);
    expect(result.larder.under).toBeCloseTo(5 / 90, 12);
    expect(result.kitchen).toEqual({ wape: 9 / 90, bias: 9 / 90, over: 9 / 90, under: 0 });
    expect(result.median4).toEqual({ wape: 20 / 90, bias: -20 / 90, over: 0, under: 20 / 90 });
    expect(result.larderOverKitchen).toBeCloseTo(200 / 90, 10);
    expect(result.kitchenOverMedian4).toBeCloseTo(1100 / 90, 10);
    expect(result.larderOverMedian4).toBeCloseTo(1300 / 90, 10);
  });

  it("matches a kitchen that never ran short at the first level of Larder's plan that does not either", () => {
    const { leftover } = forecastValueAdded(days, history);
    // The 12th needs P90 (50) to cover 50 sold; at P90 the 13th has 48 − 40 = 8 left.
    expect(leftover!.kitchenShortfall).toBe(0);
    expect(leftover!.kitchenLeftover).toBeCloseTo(9 / 90, 12);
    expect(leftover!.level).toBeCloseTo(0.9, 2);
    expect(leftover!.larderLeftover).toBeCloseTo(8 / 90, 3);
    expect(leftover!.larderShortfall).toBeCloseTo(0, 3);
    expect(leftover!.matched).toBe(true);
  });

  it('finds the level at which Larder runs as short as the kitchen and the leftover there', () => {
    const twoDishes = [served('2026-03-02', 100, 1), served('2026-03-02', 55, 2)];
    const result = forecastValueAdded(
      [
        day({ serviceDate: '2026-03-09', asOf: '2026-03-08', dishId: 1, p10: 80, p50: 100, p90: 120, actual: 100, kitchen: 90 }),
        day({ serviceDate: '2026-03-09', asOf: '2026-03-08', dishId: 2, p10: 60, p50: 70, p90: 80, actual: 50, kitchen: 60 }),
      ],
      twoDishes,
    );
    // Kitchen: 10 short on dish 1, 10 over on dish 2, of 150. Larder is 10 short on dish 1 at 80 + 50 × (u − 0.1) = 90,
    // u = 0.3, where dish 2 gets 60 + 25 × 0.2 = 65: 15 left over.
    expect(result.leftover).toEqual({
      kitchenLeftover: 10 / 150,
      kitchenShortfall: 10 / 150,
      larderLeftover: expect.closeTo(15 / 150, 10),
      larderShortfall: expect.closeTo(10 / 150, 10),
      level: 0.3,
      matched: true,
    });
    expect(result.median4.wape).toBeCloseTo(5 / 150, 12);
  });

  it("says when no level of Larder's plan runs as little short as the kitchen", () => {
    // P99 on the P50–P90 slope: 100 + 50 × 0.49 = 124.5, still 5.5 short of 130 sold.
    const result = forecastValueAdded([day({ serviceDate: '2026-03-09', asOf: '2026-03-08', p10: 60, p50: 100, p90: 120, actual: 130, kitchen: 140 })], [served('2026-03-02', 100)]);
    expect(result.leftover).toEqual({ kitchenLeftover: 10 / 130, kitchenShortfall: 0, larderLeftover: 0, larderShortfall: expect.closeTo(5.5 / 130, 10), level: 0.99, matched: false });
  });

  it('reads the levels the run stored past P90, the curve the plan cooks from', () => {
    // Stored P95 = 140 (as text, as a driver may return jsonb), the slope past it 400 a unit of level: the first
    // 1 % level that does not run short of 150 is 0.98 (152, 2 over; 0.97 gives 148). On the P50–P90 slope
    // alone P99 would stop at 124.5, short.
    const stored = day({ serviceDate: '2026-03-09', asOf: '2026-03-08', p10: 60, p50: 100, p90: 120, quantiles: '{"0.95": 140}', actual: 150, kitchen: 150 });
    const result = forecastValueAdded([stored], [served('2026-03-02', 100)]);
    expect(result.leftover).toEqual({ kitchenLeftover: 0, kitchenShortfall: 0, larderLeftover: expect.closeTo(2 / 150, 10), larderShortfall: 0, level: 0.98, matched: true });
  });

  it('has no figures when the kitchen recorded nothing', () => {
    const result = forecastValueAdded([days[2]], history);
    expect(result).toMatchObject({ scored: 1, compared: 0, withoutKitchen: 1, leftover: null, larderOverKitchen: null });
    expect(result.larder.wape).toBeNull();
  });
});
