import { daysBetween, IsoDate, MealPeriod } from '@larder/domain';
import type { DishSpec } from './catalogue/dishes.catalogue';
import type { DishRow } from './demo-rows';
import type { CanteenModel } from './organisation';
import type { DayInfo } from './service-calendar';

export interface Menu {
  /** Dish indices (into the dish list) of the main choices, then of the extras. */
  mains: number[];
  extras: number[];
}

const CYCLE_WEEKS = 4;
/** The chef re-plans the cycle every season (12 weeks = three turns of the 4-week cycle). */
const SEASON_WEEKS = 12;
const MEAL_CODE: Record<MealPeriod, number> = { breakfast: 1, lunch: 2, dinner: 3, night: 4 };

type Choices = [mains: number, extras: number];
const CHOICES: Record<CanteenModel['size'], Record<MealPeriod, Choices>> = {
  large: { breakfast: [3, 2], lunch: [4, 2], dinner: [3, 2], night: [2, 1] },
  medium: { breakfast: [3, 2], lunch: [4, 1], dinner: [3, 1], night: [2, 1] },
  small: { breakfast: [2, 2], lunch: [3, 1], dinner: [2, 1], night: [2, 1] },
};
const DAY_OFF_CHOICES: Record<MealPeriod, Choices> = { breakfast: [2, 1], lunch: [3, 1], dinner: [2, 1], night: [2, 1] };

/**
 * Cycle menus: the same dishes come back on the same weekday every four weeks within a season. Popular
 * dishes are planned more often, and a newly introduced dish is pushed during its first season.
 */
export class MenuPlanner {
  private readonly anchor: IsoDate;

  constructor(private readonly params: { seed: number; dishes: readonly DishRow[]; specs: readonly DishSpec[]; startDate: IsoDate }) {
    this.anchor = params.startDate;
  }

  menuFor(params: { canteenIndex: number; canteen: CanteenModel; meal: MealPeriod; day: DayInfo }): Menu {
    const { canteenIndex, canteen, meal, day } = params;
    const week = Math.floor(daysBetween(this.anchor, day.date) / 7);
    const season = Math.floor(week / SEASON_WEEKS);
    const cycleWeek = week % CYCLE_WEEKS;
    // Make-up Saturdays and Sundays serve a weekday menu; depot weekends have their own, shorter one.
    const slot = day.working ? (day.weekday <= 5 ? day.weekday : day.weekday - 5) : day.weekday;
    const [mainCount, extraCount] = day.working ? CHOICES[canteen.size][meal] : DAY_OFF_CHOICES[meal];
    const key = [this.params.seed, season, canteenIndex, MEAL_CODE[meal], cycleWeek, slot];
    return {
      mains: this.pick({ meal, role: 'main', count: mainCount, date: day.date, key }),
      extras: this.pick({ meal, role: 'extra', count: extraCount, date: day.date, key }),
    };
  }

  private pick(params: { meal: MealPeriod; role: DishSpec['role']; count: number; date: IsoDate; key: number[] }): number[] {
    const scored: Array<{ index: number; score: number }> = [];
    const { dishes, specs } = this.params;
    for (let index = 0; index < specs.length; index++) {
      const spec = specs[index];
      const dish = dishes[index];
      if (spec.role !== params.role || !spec.meals.includes(params.meal)) continue;
      if (dish.introducedOn !== null && dish.introducedOn > params.date) continue;
      if (dish.retiredOn !== null && dish.retiredOn <= params.date) continue;
      const isNew = dish.introducedOn !== null && daysBetween(dish.introducedOn, params.date) < SEASON_WEEKS * 7;
      const weight = spec.popularity * (isNew ? 3 : 1);
      // Weighted sampling without replacement (Efraimidis–Spirakis): the top keys u^(1/w) win.
      const u = (hashInts([...params.key, index]) + 0.5) / 4294967296;
      scored.push({ index, score: Math.pow(u, 1 / weight) });
    }
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    return scored
      .slice(0, params.count)
      .map((entry) => entry.index)
      .sort((a, b) => a - b);
  }
}

function hashInts(values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value & 0xffff), 0x01000193);
    h = Math.imul(h ^ (value >>> 16), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
