import { addDays, IsoDate, MealPeriod } from '@larder/domain';
import { seasonalEstimate } from '@larder/forecasting';
import type { CostPolicy } from './newsvendor';
import { PlanningCatalogue } from './planning-catalogue';
import { planProduction } from './production-planner';
import { COVERS_DISH_ID, CoversHistory, DemandForecast, DishHistory } from './planning-types';
import { quantileAt } from './quantile-interpolation';

/** What happened to one dish at one meal in a past week: the truth the replay is scored on. */
export interface ReplaySlot {
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId: number;
  readonly sold: number;
  readonly prepared: number;
  /**
   * For a sell-out (sold ≥ prepared): the share of the meal's sales made by the time the dish's last
   * portion sold. Demand is then estimated as sold / share (sales-rate extrapolation); null = unknown.
   */
  readonly soldOutShare?: number | null;
}

/** Lowest share used for extrapolation: a dish gone in the first tenth of service counts at most ten times its sales. */
export const MIN_SOLD_OUT_SHARE = 0.1;

export function isCensored(slot: Pick<ReplaySlot, 'sold' | 'prepared'>): boolean {
  return slot.prepared > 0 && slot.sold >= slot.prepared;
}

/** Demand of a slot: what sold, or for a sell-out, sales extrapolated to the whole service. */
export function estimatedDemand(slot: ReplaySlot): number {
  if (!isCensored(slot) || slot.soldOutShare === null || slot.soldOutShare === undefined) return slot.sold;
  return slot.sold / Math.min(1, Math.max(MIN_SOLD_OUT_SHARE, slot.soldOutShare));
}

export interface ReplayWeekInput {
  readonly canteenId: number;
  readonly week: string;
  readonly weekStart: IsoDate;
  /** The week's dishes as they were served. */
  readonly slots: readonly ReplaySlot[];
  /** Rollup history; only days up to `asOf` are used. */
  readonly covers: readonly CoversHistory[];
  readonly dishes: readonly DishHistory[];
  readonly catalogue: PlanningCatalogue;
  readonly policy: CostPolicy;
  readonly daysOff?: ReadonlySet<IsoDate>;
  /** Days before the week the plan is made (default 3: on the Friday before); history ends the day before that. */
  readonly planDaysAhead?: number;
  /** Forecasts made as of the day before the planning day; slots they miss get the seasonal estimate. */
  readonly forecasts?: readonly DemandForecast[];
}

/** The planning day and the last day of history of a replayed week. */
export function replayDays(weekStart: IsoDate, planDaysAhead = 3): { planDay: IsoDate; asOf: IsoDate } {
  const planDay = addDays(weekStart, -planDaysAhead);
  return { planDay, asOf: addDays(planDay, -1) };
}

export interface Outcome {
  /** Portions cooked (or planned). */
  readonly portions: number;
  readonly leftover: number;
  readonly shortfall: number;
  /** Ingredient cost of the portions at the prices in force on the planning day, in fen. */
  readonly costFen: number;
}

export interface ReplayWeekResult {
  readonly week: string;
  readonly canteenId: number;
  /** Estimated demand (sell-outs extrapolated) and what sold. */
  readonly demand: number;
  readonly sold: number;
  readonly censoredSlots: number;
  readonly slots: number;
  /** Slots the forecasts did not cover, planned from the seasonal estimate instead. */
  readonly estimatedSlots: number;
  readonly system: Outcome;
  readonly recorded: Outcome;
  /** Shortfall when demand is taken as what sold (a lower bound; the recorded plan then never runs short). */
  readonly systemShortfallVsSold: number;
  /**
   * The same scored per day, meal and choice group (mains; sides = soup, drink, dessert) instead of per
   * dish: as if a diner who finds a dish sold out always takes another of the group (full substitution).
   */
  readonly pooled: { readonly system: Pick<Outcome, 'leftover' | 'shortfall'>; readonly recorded: Pick<Outcome, 'leftover' | 'shortfall'> };
  /** Leftover and shortfall (portions) if every dish were planned at REPLAY_LEVELS[i] instead of its newsvendor level. */
  readonly curve: { readonly leftover: number[]; readonly shortfall: number[] };
}

/** Uniform service levels on which the replay traces the system's leftover/shortfall trade-off. */
export const REPLAY_LEVELS: readonly number[] = Array.from({ length: 50 }, (_, i) => Math.round((0.5 + i * 0.01) * 100) / 100);

/** Plans one past week from the data before it, and scores the plan and what the kitchen cooked against demand. */
export function replayWeek(input: ReplayWeekInput): ReplayWeekResult {
  const { planDay, asOf } = replayDays(input.weekStart, input.planDaysAhead);
  const categories = new Map([...input.catalogue.dishes.values()].map((dish) => [dish.id, dish.category as string]));
  const forecast = new Set((input.forecasts ?? []).map((slot) => `${slot.serviceDate}|${slot.meal}|${slot.dishId}`));
  const missing = input.slots.filter((slot) => !forecast.has(`${slot.serviceDate}|${slot.meal}|${slot.dishId}`));
  const estimated =
    missing.length === 0
      ? []
      : seasonalEstimate({
          canteenId: input.canteenId,
          covers: input.covers,
          dishes: input.dishes,
          asOf,
          daysOff: input.daysOff,
          categories,
          slots: missing.map((slot) => ({ serviceDate: slot.serviceDate, meal: slot.meal, dishId: slot.dishId })),
        });
  const demand = [...(input.forecasts ?? []), ...estimated.filter((slot) => slot.dishId !== COVERS_DISH_ID)];
  const plan = planProduction({ demand, catalogue: input.catalogue, policy: input.policy, priceDate: planDay });
  const planned = new Map(plan.lines.map((line) => [`${line.serviceDate}|${line.meal}|${line.dishId}`, line]));
  const system = { portions: 0, leftover: 0, shortfall: 0, costFen: 0 };
  const recorded = { portions: 0, leftover: 0, shortfall: 0, costFen: 0 };
  let total = 0;
  let sold = 0;
  let censored = 0;
  let shortVsSold = 0;
  const curve = { leftover: REPLAY_LEVELS.map(() => 0), shortfall: REPLAY_LEVELS.map(() => 0) };
  const groups = new Map<string, { demand: number; system: number; recorded: number }>();
  for (const slot of input.slots) {
    const line = planned.get(`${slot.serviceDate}|${slot.meal}|${slot.dishId}`);
    const cost = line?.costPerPortionFen ?? input.catalogue.costPerPortionOn(slot.dishId, planDay);
    const quantity = line?.plannedPortions ?? 0;
    const wanted = estimatedDemand(slot);
    total += wanted;
    sold += slot.sold;
    if (isCensored(slot)) censored++;
    score(system, quantity, wanted, cost);
    score(recorded, slot.prepared, wanted, cost);
    shortVsSold += Math.max(0, slot.sold - quantity);
    const side = SIDE_CATEGORIES.has(input.catalogue.dishes.get(slot.dishId)?.category ?? '');
    const groupKey = `${slot.serviceDate}|${slot.meal}|${side ? 'side' : 'main'}`;
    const group = groups.get(groupKey) ?? { demand: 0, system: 0, recorded: 0 };
    group.demand += wanted;
    group.system += quantity;
    group.recorded += slot.prepared;
    groups.set(groupKey, group);
    REPLAY_LEVELS.forEach((level, i) => {
      const portions = line ? Math.ceil(quantileAt(line.distribution, level) - 1e-9) : 0;
      curve.leftover[i] += Math.max(0, portions - wanted);
      curve.shortfall[i] += Math.max(0, wanted - portions);
    });
  }
  return {
    week: input.week,
    canteenId: input.canteenId,
    demand: total,
    sold,
    censoredSlots: censored,
    slots: input.slots.length,
    estimatedSlots: missing.length,
    system: rounded(system),
    recorded: rounded(recorded),
    systemShortfallVsSold: shortVsSold,
    curve,
    pooled: { system: pooledOutcome(groups, 'system'), recorded: pooledOutcome(groups, 'recorded') },
  };
}

/** Categories whose dishes are side orders, as the demand engine groups them. */
const SIDE_CATEGORIES = new Set(['soup', 'drink', 'dessert']);

function pooledOutcome(groups: ReadonlyMap<string, { demand: number; system: number; recorded: number }>, key: 'system' | 'recorded'): { leftover: number; shortfall: number } {
  let leftover = 0;
  let shortfall = 0;
  for (const group of groups.values()) {
    leftover += Math.max(0, group[key] - group.demand);
    shortfall += Math.max(0, group.demand - group[key]);
  }
  return { leftover: round2(leftover), shortfall: round2(shortfall) };
}

function score(outcome: { portions: number; leftover: number; shortfall: number; costFen: number }, quantity: number, demand: number, cost: number): void {
  outcome.portions += quantity;
  outcome.leftover += Math.max(0, quantity - demand);
  outcome.shortfall += Math.max(0, demand - quantity);
  outcome.costFen += quantity * cost;
}

function rounded(outcome: Outcome): Outcome {
  return { portions: outcome.portions, leftover: round2(outcome.leftover), shortfall: round2(outcome.shortfall), costFen: Math.round(outcome.costFen) };
}

export interface ReplayFigures {
  /** Fractions of estimated demand. */
  readonly leftoverPct: number;
  readonly shortfallPct: number;
  /** Yuan. */
  readonly purchaseCost: number;
}

export interface ReplaySummary {
  readonly system: ReplayFigures;
  readonly recorded: ReplayFigures;
  readonly weeks: readonly (Omit<ReplayWeekResult, 'curve' | 'pooled'> & { systemFigures: ReplayFigures; recordedFigures: ReplayFigures })[];
  readonly demand: { readonly estimated: number; readonly sold: number; readonly censoredShare: number };
  /**
   * The trade-off curve at uniform levels: the level at which the system runs short as much as the
   * recorded production did, and the leftover it would have had there; and the shortfall at the level
   * where it leaves over as much as the recorded production.
   */
  readonly atRecordedShortfall: { readonly level: number; readonly leftoverPct: number; readonly shortfallPct: number };
  readonly atRecordedLeftover: { readonly level: number; readonly leftoverPct: number; readonly shortfallPct: number };
  /** Scored per day, meal and choice group (full substitution) rather than per dish (none): the truth lies between. */
  readonly pooled: { readonly system: Omit<ReplayFigures, 'purchaseCost'>; readonly recorded: Omit<ReplayFigures, 'purchaseCost'> };
  /** Demand taken as what sold: the system's shortfall against sales alone (the recorded one is zero by construction). */
  readonly lowerBound: { readonly systemShortfallPct: number; readonly systemLeftoverPctOfSold: number; readonly recordedLeftoverPctOfSold: number };
}

export function summariseReplay(weeks: readonly ReplayWeekResult[]): ReplaySummary {
  const figures = (results: readonly ReplayWeekResult[], pick: (week: ReplayWeekResult) => Outcome): ReplayFigures => {
    const demand = results.reduce((sum, week) => sum + week.demand, 0);
    const sum = (key: keyof Outcome) => results.reduce((total, week) => total + pick(week)[key], 0);
    return {
      leftoverPct: demand > 0 ? round4(sum('leftover') / demand) : 0,
      shortfallPct: demand > 0 ? round4(sum('shortfall') / demand) : 0,
      purchaseCost: Math.round(sum('costFen')) / 100,
    };
  };
  const byWeek = new Map<string, ReplayWeekResult[]>();
  for (const week of weeks) byWeek.set(week.week, [...(byWeek.get(week.week) ?? []), week]);
  const estimated = weeks.reduce((sum, week) => sum + week.demand, 0);
  const sold = weeks.reduce((sum, week) => sum + week.sold, 0);
  const slots = weeks.reduce((sum, week) => sum + week.slots, 0);
  const censored = weeks.reduce((sum, week) => sum + week.censoredSlots, 0);
  const shortVsSold = weeks.reduce((sum, week) => sum + week.systemShortfallVsSold, 0);
  // Leftover against sales: portions cooked − portions sold that the plan would have covered.
  const leftoverVsSold = (pick: (week: ReplayWeekResult) => Outcome) => weeks.reduce((sum, week) => sum + pick(week).portions, 0) - (sold - (pick === systemOf ? shortVsSold : 0));
  const recorded = figures(weeks, recordedOf);
  const left = REPLAY_LEVELS.map((_, i) => weeks.reduce((sum, week) => sum + week.curve.leftover[i], 0) / Math.max(estimated, 1e-9));
  const short = REPLAY_LEVELS.map((_, i) => weeks.reduce((sum, week) => sum + week.curve.shortfall[i], 0) / Math.max(estimated, 1e-9));
  const at = (index: number) => ({ level: REPLAY_LEVELS[index], leftoverPct: round4(left[index]), shortfallPct: round4(short[index]) });
  // Shortfall falls and leftover rises with the level: take the first level that is at least as good.
  const shortIndex = short.findIndex((value) => value <= recorded.shortfallPct);
  const leftIndex = [...left.keys()].reverse().find((i) => left[i] <= recorded.leftoverPct) ?? 0;
  return {
    system: figures(weeks, systemOf),
    recorded,
    atRecordedShortfall: at(shortIndex === -1 ? REPLAY_LEVELS.length - 1 : shortIndex),
    atRecordedLeftover: at(leftIndex),
    pooled: {
      system: pooledFigures(weeks, 'system', estimated),
      recorded: pooledFigures(weeks, 'recorded', estimated),
    },
    weeks: weeks.map(({ curve: _curve, pooled: _pooled, ...week }) => ({
      ...week,
      systemFigures: figures([week as ReplayWeekResult], systemOf),
      recordedFigures: figures([week as ReplayWeekResult], recordedOf),
    })),
    demand: { estimated: round2(estimated), sold, censoredShare: slots > 0 ? round4(censored / slots) : 0 },
    lowerBound: {
      systemShortfallPct: sold > 0 ? round4(shortVsSold / sold) : 0,
      systemLeftoverPctOfSold: sold > 0 ? round4(leftoverVsSold(systemOf) / sold) : 0,
      recordedLeftoverPctOfSold: sold > 0 ? round4(leftoverVsSold(recordedOf) / sold) : 0,
    },
  };
}

function pooledFigures(weeks: readonly ReplayWeekResult[], key: 'system' | 'recorded', demand: number): { leftoverPct: number; shortfallPct: number } {
  const sum = (field: 'leftover' | 'shortfall') => weeks.reduce((total, week) => total + week.pooled[key][field], 0);
  return { leftoverPct: demand > 0 ? round4(sum('leftover') / demand) : 0, shortfallPct: demand > 0 ? round4(sum('shortfall') / demand) : 0 };
}

function systemOf(week: ReplayWeekResult): Outcome {
  return week.system;
}

function recordedOf(week: ReplayWeekResult): Outcome {
  return week.recorded;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
