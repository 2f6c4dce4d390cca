import { daysBetween, MealPeriod } from '@larder/domain';
import type { DishSpec } from './catalogue/dishes.catalogue';
import type { DishRow, HeadcountRow } from './demo-rows';
import { typicalOvertimeShare } from './headcount.model';
import type { SiteKind } from './organisation';
import { Random } from './random';
import type { DayInfo } from './service-calendar';

/** Relative turnout by ISO weekday (index 1..7): Monday is busy, Friday people leave early or skip. */
const WEEKDAY_TURNOUT: Record<MealPeriod, number[]> = {
  breakfast: [0, 1.03, 1.01, 1.0, 0.99, 0.95, 1, 1],
  lunch: [0, 1.06, 1.02, 1.0, 0.99, 0.88, 1, 1],
  dinner: [0, 1.0, 1.05, 1.05, 1.0, 0.62, 1, 1],
  night: [0, 1, 1, 1, 1, 1, 1, 1],
};
const DAY_OFF_TURNOUT: Record<MealPeriod, number> = { breakfast: 0.8, lunch: 0.85, dinner: 0.9, night: 1 };

/** Slowly drifting, seasonal appeal of each dish; a new dish enjoys a novelty bump for a month. */
export class DishAppeal {
  private readonly period: Float64Array;
  private readonly phase: Float64Array;
  /** Fixed quality impression in [-1, 1]: the reason a dish is (un)popular and how it is rated. */
  readonly quality: Float64Array;
  /** Kitchen's safety margin per dish: cheap, quick items get a bigger buffer. */
  readonly buffer: Float64Array;

  constructor(private readonly params: { dishes: readonly DishRow[]; specs: readonly DishSpec[]; random: Random }) {
    const n = params.dishes.length;
    this.period = new Float64Array(n);
    this.phase = new Float64Array(n);
    this.quality = new Float64Array(n);
    this.buffer = new Float64Array(n);
    const { random } = params;
    for (let i = 0; i < n; i++) {
      const spec = params.specs[i];
      this.period[i] = random.between(90, 360);
      this.phase[i] = random.between(0, 2 * Math.PI);
      this.quality[i] = Math.max(-1, Math.min(1, 0.9 * Math.log(spec.popularity) + 0.25 * random.normal()));
      this.buffer[i] = (spec.listPriceFen <= 500 ? 0.06 : 0.02) + random.between(0, 0.06);
    }
  }

  /** Fills out[i] with the appeal of every dish on the day. */
  fill(day: DayInfo, out: Float64Array): void {
    const { specs, dishes } = this.params;
    const dayOfYear = (day.month - 1) * 30.5 + day.dayOfMonth;
    const summerness = Math.cos((2 * Math.PI * (dayOfYear - 200)) / 365);
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      let appeal = spec.popularity * Math.exp(0.18 * Math.sin((2 * Math.PI * day.index) / this.period[i] + this.phase[i]));
      if (spec.season === 'summer') appeal *= 1 + 0.35 * summerness;
      else if (spec.season === 'winter') appeal *= 1 - 0.25 * summerness;
      const introducedOn = dishes[i].introducedOn;
      if (introducedOn !== null) {
        const age = daysBetween(introducedOn, day.date);
        if (age >= 0 && age < 28) appeal *= 1.3 - (0.3 * age) / 28;
      }
      out[i] = appeal;
    }
  }
}

/**
 * Multiplier on each employee's habit to eat this meal today: who is on site, the weekday pattern, overtime
 * for dinner, the subsidy level, and a slow improvement of participation over the history.
 */
export function mealTurnout(params: { kind: SiteKind; meal: MealPeriod; day: DayInfo; headcount: HeadcountRow; subsidyRaised: boolean }): number {
  const { kind, meal, day, headcount } = params;
  if (headcount.employees === 0) return 0;
  const onSite = Math.max(0, headcount.onDuty - headcount.remote) / headcount.employees;
  let factor = onSite * (day.working ? WEEKDAY_TURNOUT[meal][day.weekday] : DAY_OFF_TURNOUT[meal]);
  if (day.kind === 'makeup_workday') factor *= 0.95;
  if (meal === 'dinner') {
    const overtimeShare = headcount.onDuty > 0 ? headcount.overtime / headcount.onDuty : 0;
    factor *= 0.45 + (0.55 * overtimeShare) / typicalOvertimeShare(kind);
    if (day.beforeBreak) factor *= 0.7;
  }
  if (params.subsidyRaised && (meal === 'lunch' || meal === 'dinner')) factor *= 1.05;
  return factor * (1 + (0.03 * day.index) / 365);
}
