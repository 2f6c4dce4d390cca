import { isoWeekday } from '@larder/domain';
import { DISH_SPECS } from './catalogue/dishes.catalogue';
import { generateDemoEnterprise } from './demo-enterprise';
import type { DemoDay } from './day-stream';

/** A full-size enterprise over four months: big enough for the patterns a canteen manager would check. */
const FULL_SIZE = { seed: 42, endDate: '2026-06-30', days: 120, futureDays: 0 };

describe('demo realism', () => {
  const enterprise = generateDemoEnterprise(FULL_SIZE);
  const days: DemoDay[] = [...enterprise.days()];
  const sales = days.flatMap((day) => day.transactions.filter((t) => t.kind === 'sale'));

  it('runs at the volume of ~2.5 million sales over 548 days', () => {
    const perDay = sales.length / days.length;
    expect(perDay * 548).toBeGreaterThan(2_000_000);
    expect(perDay * 548).toBeLessThan(3_000_000);
    const lines = days.reduce((sum, day) => sum + day.saleLines.length, 0);
    const transactions = days.reduce((sum, day) => sum + day.transactions.length, 0);
    expect(lines / transactions).toBeGreaterThan(1.1);
    expect(lines / transactions).toBeLessThan(1.3);
  });

  it('is busier at Monday lunch than at Friday lunch, and thin at Friday dinner', () => {
    const count = (meal: string, weekday: number) => sales.filter((t) => t.meal === meal && isoWeekday(t.serviceDate) === weekday).length;
    expect(count('lunch', 1)).toBeGreaterThan(count('lunch', 5) * 1.1);
    expect(count('dinner', 2)).toBeGreaterThan(count('dinner', 5) * 1.5);
    expect(count('lunch', 3)).toBeGreaterThan(count('breakfast', 3) * 2);
  });

  it('moves diners from the card to the bank app over time', () => {
    const appShare = (from: number, to: number) => {
      const slice = days.slice(from, to).flatMap((day) => day.transactions);
      return slice.filter((t) => t.channel === 'bank_app').length / slice.length;
    };
    expect(appShare(90, 120)).toBeGreaterThan(appShare(0, 30));
    const cardShare = sales.filter((t) => t.channel === 'card').length / sales.length;
    expect(cardShare).toBeGreaterThan(0.6);
  });

  it('rates popular dishes better than unpopular ones', () => {
    const ratings = days.flatMap((day) => day.feedback).filter((item) => item.dishId !== null);
    const mean = (popular: boolean) => {
      const chosen = ratings.filter((item) => DISH_SPECS[item.dishId! - 1].popularity >= 1.2 === popular);
      return chosen.reduce((sum, item) => sum + item.rating, 0) / chosen.length;
    };
    expect(mean(true)).toBeGreaterThan(mean(false) + 0.3);
  });

  it('cooks a little more than it sells', () => {
    const prepared = days.reduce((sum, day) => sum + day.production.reduce((s, p) => s + p.portionsPrepared, 0), 0);
    const sold = days.reduce((sum, day) => sum + day.saleLines.reduce((s, line) => s + line.quantity, 0), 0);
    expect(prepared / sold).toBeGreaterThan(1.03);
    expect(prepared / sold).toBeLessThan(1.25);
  });

  it('keeps new dishes off the menu before their introduction and retired ones after', () => {
    const { dishes } = enterprise.masters;
    const small = generateDemoEnterprise({ seed: 3, canteens: 1, employees: 300, days: 200, endDate: '2026-06-30', futureDays: 0 });
    const menuItems = [...small.days()].flatMap((day) => day.menuItems);
    const sd = small.masters.dishes;
    for (const dish of sd) {
      const served = menuItems.filter((item) => item.dishId === dish.id).map((item) => item.serviceDate);
      if (dish.introducedOn) expect(served.every((date) => date >= dish.introducedOn!)).toBe(true);
      if (dish.retiredOn) expect(served.every((date) => date < dish.retiredOn!)).toBe(true);
    }
    const newOnMenu = sd.filter((dish) => dish.introducedOn !== null && menuItems.some((item) => item.dishId === dish.id));
    expect(newOnMenu.length).toBeGreaterThanOrEqual(3);
    expect(dishes.length).toBe(sd.length);
  });
});
