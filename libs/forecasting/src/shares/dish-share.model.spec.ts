import { randomSource } from '../testing/synthetic';
import { DishInfo, DishShareModel, MenuDayObservation } from './dish-share.model';

const TRUE_ATTRACTIVENESS: Record<string, number> = { braised_pork: 1.0, kung_pao: 0.5, tofu: -0.4, greens: -0.2, fish: 0.8, noodles: 0 };
const DISHES: DishInfo[] = [
  { dish: 'braised_pork', category: 'meat' },
  { dish: 'kung_pao', category: 'meat' },
  { dish: 'tofu', category: 'veg' },
  { dish: 'greens', category: 'veg' },
  { dish: 'fish', category: 'fish' },
  { dish: 'noodles', category: 'staple' },
];

/** Days with random 3–4 dish menus; each diner takes 1.2 portions chosen by the true logit shares. */
function history(seed: string, count: number): MenuDayObservation[] {
  const random = randomSource(seed);
  return Array.from({ length: count }, () => {
    const menu = DISHES.map((d) => d.dish).filter(() => random.uniform() < 0.6);
    while (menu.length < 2) menu.push(DISHES[menu.length].dish);
    const weights = menu.map((dish) => Math.exp(TRUE_ATTRACTIVENESS[dish]));
    const total = weights.reduce((a, b) => a + b, 0);
    const covers = 400;
    const quantities = menu.map(() => 0);
    for (let portion = 0; portion < covers * 1.2; portion++) {
      let pick = random.uniform() * total;
      let k = 0;
      while (pick > weights[k]) pick -= weights[k++];
      quantities[k]++;
    }
    return { covers, dishes: menu.map((dish, k) => ({ dish, quantity: quantities[k] })) };
  });
}

function trueShares(menu: string[]): number[] {
  const weights = menu.map((dish) => Math.exp(TRUE_ATTRACTIVENESS[dish]));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => weight / total);
}

describe('menu-aware dish shares', () => {
  const model = new DishShareModel().fit({ days: history('shares', 150), dishes: DISHES });

  it('recovers the shares of a menu it has not seen in that exact form', () => {
    const menu = ['braised_pork', 'tofu', 'fish', 'noodles'];
    const shares = model.shares(menu);
    trueShares(menu).forEach((share, i) => expect(shares.get(menu[i])).toBeCloseTo(share, 1));
    expect(model.portionsPerCover()).toBeCloseTo(1.2, 5);
  });

  it('moves the demand of a dish taken off the menu to the others, in proportion', () => {
    const full = model.portions({ covers: 500, menu: ['braised_pork', 'kung_pao', 'tofu'] });
    const reduced = model.portions({ covers: 500, menu: ['braised_pork', 'tofu'] });
    const total = (portions: Map<string, number>) => [...portions.values()].reduce((a, b) => a + b, 0);
    expect(total(reduced)).toBeCloseTo(total(full), 6); // covers × portions per cover is unchanged
    expect(reduced.get('braised_pork')!).toBeGreaterThan(full.get('braised_pork')!);
    expect(reduced.get('tofu')!).toBeGreaterThan(full.get('tofu')!);
    // Independence of irrelevant alternatives: the ratio of the remaining two is unchanged.
    expect(reduced.get('braised_pork')! / reduced.get('tofu')!).toBeCloseTo(full.get('braised_pork')! / full.get('tofu')!, 6);
    expect(total(full)).toBeCloseTo(500 * 1.2, 0);
  });

  it('gives a new dish its category prior (cold start)', () => {
    const newMeat: DishInfo = { dish: 'beef_stew', category: 'meat' };
    const newVeg: DishInfo = { dish: 'eggplant', category: 'veg' };
    const meatPrior = model.attractivenessOf(newMeat);
    const known = (dish: string) => model.attractivenessOf(dish);
    // Shrunk mean of the category's dishes: (a1 + a2) / (2 + 1).
    expect(meatPrior).toBeCloseTo((known('braised_pork') + known('kung_pao')) / 3, 6);
    expect(meatPrior).toBeGreaterThan(model.attractivenessOf(newVeg));
    const shares = model.shares(['tofu', newMeat, newVeg]);
    expect(shares.get('beef_stew')!).toBeGreaterThan(shares.get('eggplant')!);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('keeps separate choice groups (mains vs sides) from competing', () => {
    const grouped = new DishShareModel().fit({
      dishes: [
        { dish: 'pork', category: 'meat', group: 'main' },
        { dish: 'fish', category: 'fish', group: 'main' },
        { dish: 'rice', category: 'staple', group: 'side' },
      ],
      days: [
        {
          covers: 100,
          dishes: [
            { dish: 'pork', quantity: 60 },
            { dish: 'fish', quantity: 40 },
            { dish: 'rice', quantity: 90 },
          ],
        },
        {
          covers: 100,
          dishes: [
            { dish: 'pork', quantity: 55 },
            { dish: 'fish', quantity: 45 },
            { dish: 'rice', quantity: 95 },
          ],
        },
      ],
    });
    const shares = grouped.shares(['pork', 'fish', 'rice']);
    expect(shares.get('rice')).toBeCloseTo(1, 9);
    expect(shares.get('pork')! + shares.get('fish')!).toBeCloseTo(1, 9);
    expect(grouped.portions({ covers: 200, menu: ['pork', 'fish', 'rice'] }).get('rice')).toBeCloseTo(185, 6);
  });

  it('weighs recent days more with a half-life, and needs their dates for it', () => {
    const dishes: DishInfo[] = [
      { dish: 'pork', category: 'meat' },
      { dish: 'fish', category: 'fish' },
    ];
    // Pork took 70 % a year ago and 40 % in the last two months.
    const days = Array.from({ length: 300 }, (_, i) => {
      const pork = i < 240 ? 70 : 40;
      return {
        day: 20_000 + i,
        covers: 100,
        dishes: [
          { dish: 'pork', quantity: pork },
          { dish: 'fish', quantity: 100 - pork },
        ],
      };
    });
    const flat = new DishShareModel().fit({ days, dishes }).shares(['pork', 'fish']).get('pork')!;
    const recent = new DishShareModel({ halfLifeDays: 14 }).fit({ days, dishes }).shares(['pork', 'fish']).get('pork')!;
    expect(flat).toBeGreaterThan(0.6);
    expect(recent).toBeCloseTo(0.4, 1);
    expect(() => new DishShareModel({ halfLifeDays: 14 }).fit({ days: [{ covers: 1, dishes: [] }], dishes })).toThrow(/half-life/);
    expect(() => new DishShareModel({ halfLifeDays: 0 })).toThrow(/positive/);
  });

  it('names an unknown dish instead of guessing', () => {
    expect(() => model.shares(['mystery'])).toThrow(/unknown dish "mystery"/);
  });

  it('splits diners, not portions: a by-the-piece dish does not take a larger share of the choices', () => {
    // Two mains chosen half and half; buns sell three pieces a diner, congee one bowl.
    const info: DishInfo[] = [
      { dish: 'buns', category: 'breakfast' },
      { dish: 'congee', category: 'breakfast' },
      { dish: 'noodles', category: 'breakfast' },
    ];
    const days: MenuDayObservation[] = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? {
            covers: 200,
            dishes: [
              { dish: 'buns', quantity: 300, diners: 100 },
              { dish: 'congee', quantity: 100, diners: 100 },
            ],
          }
        : {
            covers: 200,
            dishes: [
              { dish: 'congee', quantity: 100, diners: 100 },
              { dish: 'noodles', quantity: 100, diners: 100 },
            ],
          },
    );
    const fitted = new DishShareModel().fit({ days, dishes: info });
    const withBuns = fitted.portions({ covers: 200, menu: ['buns', 'congee'] });
    expect(withBuns.get('buns')).toBeCloseTo(300, 0);
    expect(withBuns.get('congee')).toBeCloseTo(100, 0);
    // A menu without buns sells fewer portions per cover: one a diner.
    const plain = fitted.portions({ covers: 200, menu: ['congee', 'noodles'] });
    expect(plain.get('congee')! + plain.get('noodles')!).toBeCloseTo(200, 0);
  });

  it('does not learn a sold-out dish as unpopular: its capped sales are left out of the shares', () => {
    const info: DishInfo[] = [
      { dish: 'pork', category: 'meat' },
      { dish: 'tofu', category: 'veg' },
      { dish: 'greens', category: 'veg' },
    ];
    // Pork is wanted twice as much as tofu, but half the days it sells out at 100 and diners take tofu or greens.
    const days: MenuDayObservation[] = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? {
            covers: 400,
            dishes: [
              { dish: 'pork', quantity: 200 },
              { dish: 'tofu', quantity: 100 },
              { dish: 'greens', quantity: 100 },
            ],
          }
        : {
            covers: 400,
            dishes: [
              { dish: 'pork', quantity: 100, censored: true },
              { dish: 'tofu', quantity: 150 },
              { dish: 'greens', quantity: 150 },
            ],
          },
    );
    const censored = new DishShareModel().fit({ days, dishes: info }).shares(['pork', 'tofu', 'greens']);
    const naive = new DishShareModel()
      .fit({ days: days.map((day) => ({ ...day, dishes: day.dishes.map(({ dish, quantity }) => ({ dish, quantity })) })), dishes: info })
      .shares(['pork', 'tofu', 'greens']);
    expect(censored.get('pork')! / censored.get('tofu')!).toBeCloseTo(2, 1);
    expect(naive.get('pork')! / naive.get('tofu')!).toBeLessThan(1.5);
  });

  describe('weekday effects', () => {
    const info: DishInfo[] = [
      { dish: 'bread', category: 'bakery' },
      { dish: 'rolls', category: 'bakery' },
      { dish: 'cake', category: 'cakes' },
    ];
    /** 20 weeks from Monday 2024-01-01 (epoch day 19723), Monday–Saturday; cake sells double on Fridays. */
    const MONDAY = 19_723;
    const FRIDAY = MONDAY + 4;
    const weeks = Array.from({ length: 20 * 7 }, (_, i) => MONDAY + i).filter((day) => (day - MONDAY) % 7 !== 6);
    const days: MenuDayObservation[] = weeks.map((day, i) => {
      const cake = (day - MONDAY) % 7 === 4 ? 80 : 40;
      const noise = (i % 3) - 1;
      return {
        day,
        covers: 200,
        dishes: [
          { dish: 'bread', quantity: 100 + noise },
          { dish: 'rolls', quantity: 60 - noise },
          { dish: 'cake', quantity: cake },
        ],
      };
    });
    const menu = ['bread', 'rolls', 'cake'];

    it('gives a dish that sells double on Fridays a higher Friday share', () => {
      const model = new DishShareModel({ weekdayPriorStrength: 3 }).fit({ days, dishes: info });
      expect(model.shares(menu, FRIDAY).get('cake')).toBeCloseTo(80 / 240, 2);
      expect(model.shares(menu, MONDAY + 7).get('cake')).toBeCloseTo(40 / 200, 2);
      expect(model.portions({ covers: 200, menu, day: FRIDAY }).get('cake')).toBeCloseTo((200 * model.portionsPerCover()! * 80) / 240, 0);
      // Without a weekday prior every weekday splits alike, between the two.
      const flat = new DishShareModel().fit({ days, dishes: info });
      expect(flat.shares(menu, FRIDAY).get('cake')).toBeCloseTo(flat.shares(menu, MONDAY).get('cake')!, 12);
      expect(flat.shares(menu, FRIDAY).get('cake')!).toBeLessThan(0.25);
    });

    it('keeps a dish seen on one weekday only near its overall share', () => {
      // A rotating menu: fish only on Fridays, where it takes 30 % beside bread and rolls.
      const withFish: DishInfo[] = [...info, { dish: 'fish', category: 'fish' }];
      const rotating: MenuDayObservation[] = days.map((day) =>
        day.day === undefined || (day.day - MONDAY) % 7 !== 4
          ? { ...day, dishes: day.dishes.filter((item) => item.dish !== 'cake') }
          : {
              day: day.day,
              covers: 200,
              dishes: [
                { dish: 'bread', quantity: 80 },
                { dish: 'rolls', quantity: 60 },
                { dish: 'fish', quantity: 60 },
              ],
            },
      );
      const model = new DishShareModel({ weekdayPriorStrength: 3 }).fit({ days: rotating, dishes: withFish });
      const plain = new DishShareModel().fit({ days: rotating, dishes: withFish });
      const fishMenu = ['bread', 'rolls', 'fish'];
      expect(model.shares(fishMenu, FRIDAY).get('fish')).toBeCloseTo(0.3, 2);
      // Served on a Monday it keeps about the share it has on Fridays, as without weekday effects.
      expect(Math.abs(model.weekdayEffectOf('fish', FRIDAY))).toBeLessThan(0.05);
      expect(model.shares(fishMenu, MONDAY).get('fish')!).toBeCloseTo(plain.shares(fishMenu, MONDAY).get('fish')!, 1);
      expect(model.shares(fishMenu, MONDAY).get('fish')!).toBeGreaterThan(0.25);
      expect(model.weekdayEffectOf('fish', MONDAY)).toBe(0);
    });

    it("splits as before without the days' dates, and a day not given adds no weekday effect", () => {
      const undated = days.map(({ covers, dishes }) => ({ covers, dishes }));
      const before = new DishShareModel().fit({ days: undated, dishes: info }).shares(menu);
      const withPrior = new DishShareModel({ weekdayPriorStrength: 3 }).fit({ days: undated, dishes: info });
      for (const dish of menu) expect(withPrior.shares(menu, FRIDAY).get(dish)).toBeCloseTo(before.get(dish)!, 9);
      const dated = new DishShareModel().fit({ days, dishes: info });
      for (const dish of menu) expect(dated.shares(menu, FRIDAY).get(dish)).toBeCloseTo(before.get(dish)!, 9);
      const weekdays = new DishShareModel({ weekdayPriorStrength: 3 }).fit({ days, dishes: info });
      expect(weekdays.shares(menu).get('cake')).toBeCloseTo(Math.exp(weekdays.attractivenessOf('cake')) / menu.reduce((sum, dish) => sum + Math.exp(weekdays.attractivenessOf(dish)), 0), 12);
      expect(() => new DishShareModel({ weekdayPriorStrength: 0 })).toThrow(/weekdayPriorStrength must be positive/);
    });
  });

  it('says how its fit ended: the iterations run and whether it met its threshold', () => {
    const stopped = new DishShareModel({ maxIterations: 2 }).fit({ days: history('stopped', 30), dishes: DISHES });
    expect(stopped.convergenceOf()).toEqual(expect.objectContaining({ iterations: 2, converged: false }));
    expect(stopped.convergenceOf()!.largestGradient).toBeGreaterThan(0);
    expect(stopped.convergenceOf('sides')).toBeUndefined();
  });

  it('converges on a long menu where a few dishes take most of the sales (a takeaway card)', () => {
    // 200 dishes on every day, shares falling geometrically from the first: the first diagonal Newton
    // step from equal attractiveness is many units long, and unbounded steps overshoot into NaN.
    const menu = Array.from({ length: 200 }, (_, i) => `dish${i}`);
    const weights = menu.map((_, i) => Math.pow(0.9, i));
    const total = weights.reduce((a, b) => a + b, 0);
    const days = Array.from({ length: 300 }, () => ({ covers: 500, dishes: menu.map((dish, i) => ({ dish, quantity: Math.round((500 * weights[i]) / total) })) }));
    const sold = days[0].dishes.map((item) => item.quantity);
    for (const options of [{}, { weekdayPriorStrength: 3 }]) {
      const dated = days.map((day, i) => ({ ...day, day: 19_723 + i }));
      const shares = new DishShareModel(options).fit({ days: dated, dishes: menu.map((dish) => ({ dish, category: 'main' })) }).shares(menu, 19_723);
      expect(shares.get('dish0')!).toBeCloseTo(sold[0] / sold.reduce((a, b) => a + b, 0), 2);
      expect(shares.get('dish10')!).toBeCloseTo(sold[10] / sold.reduce((a, b) => a + b, 0), 2);
    }
  });

  it('stops at its threshold on a long menu within far fewer iterations than its limit', () => {
    // A takeaway card: 150 dishes over a year, each day's menu a random half of them, popularity falling
    // geometrically, some dishes never sold. Before the level steps every fit ran its 500 iterations.
    const random = randomSource('long menu');
    const menu = Array.from({ length: 150 }, (_, i) => `dish${i}`);
    const days = Array.from({ length: 365 }, (_, d) => {
      const offered = menu.filter((_, i) => i < 5 || random.uniform() < 0.5);
      return {
        day: 19_723 + d,
        covers: 300,
        dishes: offered.map((dish) => ({ dish, quantity: Number(dish.slice(4)) > 140 ? 0 : Math.round(300 * Math.pow(0.93, Number(dish.slice(4))) * random.uniform() * 0.15) })),
      };
    });
    const info = menu.map((dish, i) => ({ dish, category: i % 3 === 0 ? 'curry' : 'side' }));
    for (const options of [{}, { halfLifeDays: 45 }, { weekdayPriorStrength: 30 }, { halfLifeDays: 90, weekdayPriorStrength: 30 }]) {
      const convergence = new DishShareModel(options).fit({ days, dishes: info }).convergenceOf()!;
      expect(convergence.converged).toBe(true);
      expect(convergence.iterations).toBeLessThan(100);
    }
  });

  it('reaches the penalised optimum itself, the level the priors set included', () => {
    // Three dishes of one category on every day, 60 / 30 / 10 of 100 choices. The data fix only the
    // differences of the a_i; the category prior (mean m = Σa / (3 + 1), a_i ~ N(m, 1)) sets their level:
    // the penalised log-likelihood is at its maximum where Σ a_i = 0 and, for every dish,
    // Σ_days (q_i − T p_i) = a_i − m = a_i (its gradient is 0).
    const menu = ['a', 'b', 'c'];
    const sold = [60, 30, 10];
    const days = Array.from({ length: 200 }, (_, d) => ({ day: 19_723 + d, covers: 100, dishes: menu.map((dish, i) => ({ dish, quantity: sold[i] })) }));
    const model = new DishShareModel().fit({ days, dishes: menu.map((dish) => ({ dish, category: 'main' })) });
    const a = menu.map((dish) => model.attractivenessOf(dish));
    const normaliser = a.reduce((sum, value) => sum + Math.exp(value), 0);
    expect(Math.abs(a.reduce((sum, value) => sum + value, 0))).toBeLessThan(1e-6);
    for (const [i, value] of a.entries()) expect(Math.abs(days.length * (sold[i] - (100 * Math.exp(value)) / normaliser) - value)).toBeLessThan(1e-4);
    expect(model.convergenceOf()!.converged).toBe(true);
    expect(model.convergenceOf()!.iterations).toBeLessThan(100);
    // A new dish of the category starts at its mean: 0.
    expect(model.attractivenessOf({ dish: 'new', category: 'main' })).toBeCloseTo(0, 6);
  });
});
