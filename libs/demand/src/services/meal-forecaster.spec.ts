import { createCalendar, DishInfo, parseIsoDate } from '@larder/forecasting';
import { DishDay, dishQuantiles } from './dish-split';
import { forecastMeal } from './meal-forecaster';

const coversQuantiles = new Map([
  [0.1, 80],
  [0.25, 90],
  [0.5, 100],
  [0.75, 110],
  [0.9, 125],
]);

describe('dishQuantiles', () => {
  it('scales the covers quantiles when the dish adds no noise of its own', () => {
    const quantiles = dishQuantiles({ perCover: 0.3, coversQuantiles, residuals: new Float64Array() });
    expect([...quantiles.values()]).toEqual([24, 27, 30, 33, 37.5].map((value) => expect.closeTo(value, 9)));
  });

  it('widens the interval by the dish noise and keeps the levels ordered', () => {
    const residuals = Float64Array.from({ length: 101 }, (_, i) => (i - 50) / 25).sort();
    const quantiles = [...dishQuantiles({ perCover: 0.3, coversQuantiles, residuals }).entries()];
    expect(quantiles.find(([level]) => level === 0.5)![1]).toBeCloseTo(30, 9);
    expect(quantiles.find(([level]) => level === 0.9)![1]).toBeGreaterThan(37.5);
    expect(quantiles.find(([level]) => level === 0.1)![1]).toBeLessThan(24);
    for (let i = 1; i < quantiles.length; i++) expect(quantiles[i][1]).toBeGreaterThanOrEqual(quantiles[i - 1][1]);
  });

  it('follows the covers when the covers median is zero', () => {
    const quantiles = dishQuantiles({
      perCover: 0.5,
      coversQuantiles: new Map([
        [0.1, 0],
        [0.5, 0],
        [0.9, 4],
      ]),
      residuals: Float64Array.of(-1, 0, 1),
    });
    expect([...quantiles.values()]).toEqual([0, 0, 2]);
  });
});

describe('forecastMeal', () => {
  // 30 weeks of Monday–Friday lunches: 200 covers, +40 on Fridays; dishes A (popular) and B share the mains, S is a side.
  const start = parseIsoDate('2026-01-05');
  const days: number[] = [];
  for (let day = start; days.length < 150; day++) if ((day + 3) % 7 < 5) days.push(day);
  const covers = days.map((day) => ((day + 3) % 7 === 4 ? 240 : 200));
  const dishInfo = new Map<string, DishInfo>([
    ['A', { dish: 'A', category: 'meat', group: 'main' }],
    ['B', { dish: 'B', category: 'vegetable', group: 'main' }],
    ['C', { dish: 'C', category: 'meat', group: 'main' }],
    ['S', { dish: 'S', category: 'soup', group: 'side' }],
  ]);
  const dishDays: DishDay[] = days.map((day, i) => ({
    day,
    covers: covers[i],
    dishes: [
      { dish: 'A', quantity: 0.6 * covers[i] },
      { dish: 'B', quantity: 0.4 * covers[i] },
      { dish: 'S', quantity: 0.2 * covers[i] },
    ],
  }));
  const last = days[days.length - 1];
  const horizon = [
    { day: last + 3, menu: ['A', 'B', 'S'] }, // Monday
    { day: last + 4, menu: ['B', 'S'] }, // A taken off the menu
    { day: last + 5, menu: ['A', 'B', 'C'] }, // a new dish, no side
  ];
  const result = forecastMeal({ days, covers, drivers: {}, horizon, horizonDrivers: {}, dishDays, dishInfo, calendar: createCalendar() });

  it('forecasts the covers of the given service days only, with the model and its backtest WAPE', () => {
    expect(result.covers.map((row) => row.serviceDate)).toHaveLength(3);
    expect(result.covers[0].p50).toBeCloseTo(200, 0);
    expect(result.backtestWape).toBeLessThan(0.01);
  });

  it("splits covers over the day's menu by share, hands an absent dish's demand to the others, and prices a new dish at its category", () => {
    const dish = (date: number, id: string) => result.dishes.find((row) => row.serviceDate === result.covers[date].serviceDate && row.dish === id);
    expect(dish(0, 'A')!.p50).toBeCloseTo(120, 0);
    expect(dish(0, 'B')!.p50).toBeCloseTo(80, 0);
    expect(dish(0, 'S')!.p50).toBeCloseTo(40, 0);
    expect(dish(1, 'A')).toBeUndefined();
    expect(dish(1, 'B')!.p50).toBeCloseTo(200, 0);
    const newDish = dish(2, 'C')!.p50;
    expect(newDish).toBeGreaterThan(0);
    expect(dish(2, 'A')!.p50 + dish(2, 'B')!.p50 + newDish).toBeCloseTo(200, 0);
    expect(result.dishBacktest.wape).toBeLessThan(0.01);
  });
});

describe('forecastMeal with dishes that sell by weekday', () => {
  // 30 weeks of Monday–Friday lunches of 200 covers: fish takes 60 % of the mains on Fridays, 30 % on other days.
  const start = parseIsoDate('2026-01-05');
  const days: number[] = [];
  for (let day = start; days.length < 150; day++) if ((day + 3) % 7 < 5) days.push(day);
  const covers = days.map(() => 200);
  const dishInfo = new Map<string, DishInfo>([
    ['fish', { dish: 'fish', category: 'fish', group: 'main' }],
    ['pork', { dish: 'pork', category: 'meat', group: 'main' }],
  ]);
  const dishDays: DishDay[] = days.map((day) => {
    const fish = (day + 3) % 7 === 4 ? 120 : 60;
    return {
      day,
      covers: 200,
      dishes: [
        { dish: 'fish', quantity: fish },
        { dish: 'pork', quantity: 200 - fish },
      ],
    };
  });
  const last = days[days.length - 1]; // a Friday
  const horizon = [
    { day: last + 3, menu: ['fish', 'pork'] }, // Monday
    { day: last + 7, menu: ['fish', 'pork'] }, // Friday
  ];
  const result = forecastMeal({ days, covers, drivers: {}, horizon, horizonDrivers: {}, dishDays, dishInfo, calendar: createCalendar() });

  it("splits the mains by the weekday's shares the backtest chose to learn", () => {
    const fish = (date: number) => result.dishes.find((row) => row.serviceDate === result.covers[date].serviceDate && row.dish === 'fish')!.p50;
    expect(fish(0)).toBeCloseTo(60, 0);
    expect(fish(1)).toBeCloseTo(120, 0);
    expect(result.dishBacktest.wape).toBeLessThan(0.01);
  });
});

describe('forecastMeal when a dish sells alike whatever the covers', () => {
  // 30 weeks of Monday–Friday lunches, 100 covers on Mondays up to 300 on Fridays; the mains split
  // 60 / 40, but the soup sells 40 every day: the covers' split would scale it by the weekday, its own series does not.
  const start = parseIsoDate('2026-01-05');
  const days: number[] = [];
  for (let day = start; days.length < 150; day++) if ((day + 3) % 7 < 5) days.push(day);
  const covers = days.map((day) => 100 + 50 * ((day + 3) % 7));
  const dishInfo = new Map<string, DishInfo>([
    ['A', { dish: 'A', category: 'meat', group: 'main' }],
    ['B', { dish: 'B', category: 'vegetable', group: 'main' }],
    ['S', { dish: 'S', category: 'soup', group: 'side' }],
  ]);
  const dishDays: DishDay[] = days.map((day, i) => ({
    day,
    covers: covers[i],
    dishes: [
      { dish: 'A', quantity: 0.6 * covers[i] },
      { dish: 'B', quantity: 0.4 * covers[i] },
      { dish: 'S', quantity: 40 },
    ],
  }));
  const last = days[days.length - 1]; // a Friday
  const horizon = [
    { day: last + 3, menu: ['A', 'B', 'S'] }, // Monday
    { day: last + 7, menu: ['A', 'B', 'S', 'N'] }, // Friday, with a dish never served
  ];
  const result = forecastMeal({ days, covers, drivers: {}, horizon, horizonDrivers: {}, dishDays, dishInfo, calendar: createCalendar() });
  const dish = (date: number, id: string) => result.dishes.find((row) => row.serviceDate === result.covers[date].serviceDate && row.dish === id)!;

  it("takes the dishes' own series when their backtest erred less than the split", () => {
    expect(result.dishPath).not.toBe('top-down');
    expect(dish(0, 'S').p50).toBeCloseTo(40, 0);
    expect(dish(1, 'S').p50).toBeCloseTo(40, 0);
    expect(dish(1, 'A').path).toBe(result.dishPath);
  });

  it('scores the dish backtest by the path rule that serves, not by the split alone', () => {
    expect(result.dishBacktest.split).toBeGreaterThan(0.05);
    expect(result.dishBacktest.wape).toBeLessThan(0.8 * result.dishBacktest.split!);
  });

  it('leaves a dish without a history of its own to the share model', () => {
    expect(dish(1, 'N').path).toBe('top-down');
    expect(dish(1, 'N').p50).toBeGreaterThan(0);
  });
});
