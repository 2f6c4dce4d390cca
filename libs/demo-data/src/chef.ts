import type { MealPeriod } from '@larder/domain';
import type { DishSpec } from './catalogue/dishes.catalogue';
import type { Menu } from './menu-cycle';
import { MEAL_INDEX } from './organisation';
import { Random } from './random';
import type { DayInfo } from './service-calendar';

/**
 * How the demo's chefs decide what to cook: from what they could know, not from the generator's truth.
 *
 * A real canteen cooks from a guess, and a set share of the food is thrown away; the product exists to beat
 * that guess, so the recorded production must be one. Each canteen's chef, by habit:
 * - estimates a service's covers as the mean of the covers actually served at the last 2–4 services of the
 *   same meal on the same kind of day (the menu's weekday slot; the depot's weekends apart), seen within the
 *   last six weeks. Without such a service (a new weekday pattern, back from the refurbishment) the mean of
 *   the last few services of the meal stands in; on the canteen's first days, before any, the figure
 *   management gave at opening (the generator's expected covers, blurred by 15 %). Leave, trips, overtime,
 *   the days around holidays and the subsidy change are not looked at: that is the forecast's edge.
 * - splits that over the menu by each dish's portions sold per cover when it was last served at this meal
 *   (the last time and the remembered figure before it, half and half), scaled so each role (mains, extras)
 *   gets its portions per cover of the last four services; a dish that sold out is remembered as 10–30 %
 *   more popular than its sales showed (sell-outs hide demand, and chefs know it), while the role's total
 *   stays what sold (most diners facing a gap take another dish); a dish never served here gets an even share
 *   of its role (the mean of its companions).
 * - cooks that plus a buffer: the chef's habit (6–10 %) plus the dish's (`DishAppeal.buffer`: more for cheap,
 *   quick items), half a square-root margin for small batches, and the day-to-day slack of the cooks (±5 %).
 * Everything is drawn from the seed, so the demo stays reproducible byte for byte.
 */
export class Chef {
  /** Per canteen × meal: (day index, day slot, covers) of past services, oldest first. */
  private readonly services: Array<Array<{ day: number; slot: number; covers: number }>>;
  /** Per canteen × meal and dish: portions sold per cover when last served (sell-outs uplifted); NaN = never. */
  private readonly perCover: Float64Array[];
  /** Per canteen × meal and role (0 mains, 1 extras): portions per cover of the last services, oldest first. */
  private readonly roleRates: number[][][];
  private readonly habit: Array<{ weeks: number; buffer: number }>;

  constructor(private readonly params: { seed: number; canteens: number; specs: readonly DishSpec[] }) {
    const slots = params.canteens * 4;
    this.services = Array.from({ length: slots }, () => []);
    this.perCover = Array.from({ length: slots }, () => new Float64Array(params.specs.length).fill(Number.NaN));
    this.roleRates = Array.from({ length: slots }, () => [[], []]);
    this.habit = Array.from({ length: params.canteens }, (_, canteenIndex) => {
      const random = new Random(params.seed, 'chef', canteenIndex);
      return { weeks: 2 + random.int(3), buffer: random.between(0.06, 0.1) };
    });
  }

  /** Portions to cook per menu position (mains first, then extras). */
  plan(params: { canteenIndex: number; meal: MealPeriod; day: DayInfo; menu: Menu; dishBuffer: Float64Array; openingCovers: number; random: Random }): Int32Array {
    const { canteenIndex, meal, menu, random } = params;
    const slot = canteenIndex * 4 + MEAL_INDEX[meal];
    const covers = this.coversEstimate({ slot, day: params.day, habitWeeks: this.habit[canteenIndex].weeks }) ?? params.openingCovers * Math.exp(0.15 * random.normal());
    const prepared = new Int32Array(menu.mains.length + menu.extras.length);
    const buffer = this.habit[canteenIndex].buffer;
    const split = (dishes: number[], role: number, offset: number) => {
      const memory = this.perCover[slot];
      const rates = this.roleRates[slot][role];
      let known = 0;
      let knownSum = 0;
      for (const dish of dishes)
        if (!Number.isNaN(memory[dish])) {
          known++;
          knownSum += memory[dish];
        }
      const roleRate = rates.length > 0 ? mean(rates) : this.openingRoleRate({ dishes, role, meal });
      // A new dish gets an even share of the role: the mean remembered rate of its companions, or 1/n of all.
      const stand = known > 0 ? knownSum / known : roleRate / dishes.length;
      let total = 0;
      for (const dish of dishes) total += Number.isNaN(memory[dish]) ? stand : memory[dish];
      dishes.forEach((dish, i) => {
        const weight = Number.isNaN(memory[dish]) ? stand : memory[dish];
        const expected = total > 0 ? (covers * roleRate * weight) / total : (covers * roleRate) / dishes.length;
        const planned = expected * (1 + buffer + params.dishBuffer[dish]) * Math.exp(0.05 * random.normal()) + 0.5 * Math.sqrt(expected);
        prepared[offset + i] = Math.max(MIN_BATCH, Math.ceil(planned));
      });
    };
    split(menu.mains, 0, 0);
    split(menu.extras, 1, menu.mains.length);
    return prepared;
  }

  /** What the chef remembers of a service: covers served, and each dish's sales per cover. */
  record(params: { canteenIndex: number; meal: MealPeriod; day: DayInfo; menu: Menu; prepared: Int32Array; sold: Int32Array; covers: number; random: Random }): void {
    const { menu, prepared, sold, covers, random } = params;
    const slot = params.canteenIndex * 4 + MEAL_INDEX[params.meal];
    const services = this.services[slot];
    services.push({ day: params.day.index, slot: daySlot(params.day), covers });
    if (services.length > SERVICES_KEPT) services.shift();
    if (covers <= 0) return;
    const remember = (dishes: number[], role: number, offset: number) => {
      let rate = 0;
      dishes.forEach((dish, i) => {
        const soldOut = sold[offset + i] >= prepared[offset + i];
        const value = (sold[offset + i] / covers) * (soldOut ? random.between(1.1, 1.3) : 1);
        // Last time and the time before count alike: one odd day does not reset the chef's view of a dish.
        const before = this.perCover[slot][dish];
        this.perCover[slot][dish] = Number.isNaN(before) ? value : (value + before) / 2;
        // The role's total is what sold: most diners who find a dish gone take another of the same role.
        rate += sold[offset + i] / covers;
      });
      const rates = this.roleRates[slot][role];
      rates.push(rate);
      if (rates.length > ROLE_SERVICES) rates.shift();
    };
    remember(menu.mains, 0, 0);
    remember(menu.extras, 1, menu.mains.length);
  }

  /** Mean covers of the last `habitWeeks` same-slot services within the memory window; null before any service. */
  private coversEstimate(params: { slot: number; day: DayInfo; habitWeeks: number }): number | null {
    const services = this.services[params.slot];
    const slot = daySlot(params.day);
    const recent = services.filter((service) => params.day.index - service.day <= MEMORY_DAYS);
    const same = recent.filter((service) => service.slot === slot).slice(-params.habitWeeks);
    if (same.length > 0) return mean(same.map((service) => service.covers));
    // No same-slot service to go by: the last few services of the meal, or the last ones ever (after a closure).
    const fallback = (recent.length > 0 ? recent : services).slice(-FALLBACK_SERVICES);
    return fallback.length > 0 ? mean(fallback.map((service) => service.covers)) : null;
  }

  /** Before any service: one main per diner (pieces counted as the menu says), extras at the usual take rate. */
  private openingRoleRate(params: { dishes: number[]; role: number; meal: MealPeriod }): number {
    const { dishes, role, meal } = params;
    if (dishes.length === 0) return 0;
    let pieces = 0;
    for (const dish of dishes) {
      const spec = this.params.specs[dish];
      pieces += spec.byPiece ? (spec.role === 'main' ? 1.9 : 1.3) : 1;
    }
    return (pieces / dishes.length) * (role === 0 ? 1 : OPENING_EXTRA_RATE[meal]);
  }
}

const MIN_BATCH = 5;
/** Services further back than six weeks are not what the chef goes by. */
const MEMORY_DAYS = 42;
const SERVICES_KEPT = 40;
const FALLBACK_SERVICES = 5;
const ROLE_SERVICES = 4;
const OPENING_EXTRA_RATE: Record<MealPeriod, number> = { breakfast: 0.55, lunch: 0.15, dinner: 0.12, night: 0.16 };

/** The kind of day a chef compares with: the menu's weekday slot on working days (make-up weekends serve a weekday), weekends apart. */
function daySlot(day: DayInfo): number {
  if (!day.working) return day.weekday;
  return day.weekday <= 5 ? day.weekday : day.weekday - 5;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
