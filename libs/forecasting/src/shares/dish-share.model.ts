import { isoWeekday } from '../core/iso-date';

/** A dish and what it competes with: dishes of one `group` (mains, sides…) split that group's portions. */
export interface DishInfo {
  readonly dish: string;
  /** Cold-start prior: a new dish starts at its category's mean attractiveness. */
  readonly category: string;
  readonly group?: string;
}

export interface MenuDayObservation {
  /**
   * Epoch day; needed with `halfLifeDays` (older days then weigh less). With `weekdayPriorStrength` it
   * gives the day's weekday; a day without it informs the dishes' overall attractiveness only.
   */
  readonly day?: number;
  readonly covers: number;
  /**
   * Every dish on that day's menu with the portions sold (0 is a valid observation). `censored`: the
   * dish sold out, so its demand was at least `quantity` — a lower bound, not a measurement.
   */
  readonly dishes: readonly DishObservation[];
}

export interface DishObservation {
  readonly dish: string;
  /** Portions sold. */
  readonly quantity: number;
  /**
   * Diners who bought the dish, when known. Diners choose dishes; portions are choices × pieces each
   * (three buns, one bowl of congee), so the split is fitted on choices and scaled back by the dish's
   * own portions per diner — a menu heavy in by-the-piece dishes then sells more portions per cover.
   * Absent (or 0 with sales): every portion counts as a choice.
   */
  readonly diners?: number;
  /** Sold out: demand was at least `quantity`, a lower bound rather than a measurement. */
  readonly censored?: boolean;
}

export interface DishShareFitInput {
  readonly days: readonly MenuDayObservation[];
  readonly dishes: readonly DishInfo[];
}

export interface DishShareModelOptions {
  /** Precision of the Gaussian prior a_i ~ N(category mean, 1/priorStrength). */
  readonly priorStrength?: number;
  readonly maxIterations?: number;
  /**
   * Days over which a day's weight in the fit halves, counted back from the latest day fitted; default
   * Infinity (every day alike). Tastes drift and dishes come in and out of season, so recent sales may say
   * more than last year's; whether they do is for a backtest to decide (`chooseShareHalfLife` in @larder/demand).
   */
  readonly halfLifeDays?: number;
  /**
   * Precision of the Gaussian prior b_{i,w} ~ N(0, 1/weekdayPriorStrength) of each dish's weekday effect
   * (in choices: a weekday's effect is shrunk about as if by this many more choices at the dish's usual
   * share); default Infinity (no weekday effect). Cakes sell on weekends, a staff canteen sells more of
   * some dishes on Fridays; whether a canteen's weekdays say enough is for a backtest to decide
   * (`chooseShareHalfLife` in @larder/demand).
   */
  readonly weekdayPriorStrength?: number;
}

/** How a group's fit ended: what `maxIterations` and the stopping rule left. */
export interface DishShareFitConvergence {
  /** Iterations run (at most `maxIterations`). */
  readonly iterations: number;
  /** Whether the stopping rule was met before `maxIterations` ran out. */
  readonly converged: boolean;
  /** Largest change of an a_i or b_{i,w} in the last iteration. */
  readonly largestStep: number;
  /** Largest |∂/∂a_i| or |∂/∂b_{i,w}| of the penalised log-likelihood at the last iteration's start, in choices. */
  readonly largestGradient: number;
}

/** A day to predict: its date gives the weekday effects (none without it). */
export interface DishShareRequest {
  readonly covers: number;
  readonly menu: readonly (string | DishInfo)[];
  /** Epoch day predicted; without it the dishes' overall attractiveness splits the menu. */
  readonly day?: number;
}

const DEFAULT_GROUP = 'all';
/** Pseudo-dishes at attractiveness 0 that shrink a category mean learnt from few dishes. */
const CATEGORY_SHRINK = 1;
/** Largest change of an attractiveness in one iteration (a trust region of e-fold in a dish's weight). */
const MAX_STEP = 1;
/** Weekday slots of the fit: 0–6 Monday–Sunday (isoWeekday), 7 for a day without its date. */
const WEEKDAYS = 7;
const SLOTS = WEEKDAYS + 1;

/** One dish on one day as the fit uses it: choices (diners) rather than portions. */
interface GroupItem {
  dish: string;
  choices: number;
  censored: boolean;
}

interface GroupDay {
  covers: number;
  /** isoWeekday of the day, or WEEKDAYS when the day is not known. */
  weekday: number;
  weight: number;
  items: GroupItem[];
}

interface GroupFit {
  choicesPerCover: number;
  portionsPerCover: number;
  /** Portions per choice over the group's dishes: for a dish not seen yet. */
  portionsPerChoice: number;
  categoryMeans: Map<string, number>;
  convergence: DishShareFitConvergence;
}

/**
 * Multinomial-logit dish shares: on a day with menu M and weekday w, dish i takes
 * share_i = exp(a_i + b_{i,w}) / Σ_{j∈M, same group} exp(a_j + b_{j,w}) of its group's choices (diners), and
 * portions_i = covers × choicesPerCover(group) × share_i × portionsPerChoice_i. Taking a dish off the menu
 * hands its demand to the remaining dishes in proportion to their attractiveness.
 * a_i is fitted by penalised maximum likelihood (block-diagonal Newton steps, then the exact step of the
 * group's common level, which only the priors set: see levelSteps) with a category prior;
 * b_{i,w}, the dish's weekday effect, only with `weekdayPriorStrength` (else 0), shrunk toward 0 by its prior.
 * Sell-outs are censored observations: they do not enter the shares (see fitGroup).
 */
export class DishShareModel {
  private readonly priorStrength: number;
  private readonly maxIterations: number;
  private readonly halfLifeDays: number;
  private readonly weekdayPriorStrength: number;
  private readonly info = new Map<string, DishInfo>();
  private readonly attractiveness = new Map<string, number>();
  /** b_{i,w} of each dish seen, Monday–Sunday (only with a weekday prior). */
  private readonly weekdayEffects = new Map<string, Float64Array>();
  private readonly groups = new Map<string, GroupFit>();
  /** Portions per choice of each dish seen (weighted like the days). */
  private readonly portionsPerChoice = new Map<string, number>();

  constructor(options: DishShareModelOptions = {}) {
    this.priorStrength = options.priorStrength ?? 1;
    this.maxIterations = options.maxIterations ?? 500;
    this.halfLifeDays = options.halfLifeDays ?? Number.POSITIVE_INFINITY;
    if (!(this.halfLifeDays > 0)) throw new Error(`dish shares: halfLifeDays must be positive, got ${this.halfLifeDays}`);
    this.weekdayPriorStrength = options.weekdayPriorStrength ?? Number.POSITIVE_INFINITY;
    if (!(this.weekdayPriorStrength > 0)) throw new Error(`dish shares: weekdayPriorStrength must be positive, got ${this.weekdayPriorStrength}`);
  }

  fit(input: DishShareFitInput): this {
    for (const dish of input.dishes) this.info.set(dish.dish, dish);
    const byGroup = new Map<string, GroupDay[]>();
    const weightOf = this.dayWeights(input.days);
    const pieces = new Map<string, { portions: number; choices: number }>();
    for (const [d, day] of input.days.entries()) {
      const split = new Map<string, GroupItem[]>();
      for (const item of day.dishes) {
        const group = this.infoOf(item.dish).group ?? DEFAULT_GROUP;
        if (!(item.quantity >= 0)) throw new Error(`dish shares: negative or missing quantity for ${item.dish}`);
        const choices = item.diners !== undefined && item.diners > 0 ? Math.min(item.diners, item.quantity) : item.quantity;
        const items = split.get(group) ?? [];
        items.push({ dish: item.dish, choices, censored: item.censored === true });
        split.set(group, items);
        const entry = pieces.get(item.dish) ?? { portions: 0, choices: 0 };
        entry.portions += item.quantity * weightOf[d];
        entry.choices += choices * weightOf[d];
        pieces.set(item.dish, entry);
      }
      const weekday = day.day === undefined ? WEEKDAYS : isoWeekday(day.day);
      for (const [group, items] of split) {
        const groupDays = byGroup.get(group) ?? [];
        groupDays.push({ covers: day.covers, weekday, weight: weightOf[d], items });
        byGroup.set(group, groupDays);
      }
    }
    for (const [dish, entry] of pieces) if (entry.choices > 0) this.portionsPerChoice.set(dish, entry.portions / entry.choices);
    for (const [group, days] of byGroup) this.fitGroup(group, days);
    return this;
  }

  /** 0.5^(age / half-life), the age counted from the latest day; all 1 without a half-life. */
  private dayWeights(days: readonly MenuDayObservation[]): Float64Array {
    const weights = new Float64Array(days.length).fill(1);
    if (!Number.isFinite(this.halfLifeDays) || days.length === 0) return weights;
    let latest = Number.NEGATIVE_INFINITY;
    for (const day of days) {
      if (day.day === undefined) throw new Error('dish shares: a half-life needs the day of every observation');
      latest = Math.max(latest, day.day);
    }
    days.forEach((day, i) => (weights[i] = Math.pow(0.5, (latest - day.day!) / this.halfLifeDays)));
    return weights;
  }

  private infoOf(dish: string): DishInfo {
    const info = this.info.get(dish);
    if (!info) throw new Error(`dish shares: unknown dish "${dish}" (pass its DishInfo with the menu)`);
    return info;
  }

  private fitGroup(group: string, days: GroupDay[]): void {
    const dishes = [...new Set(days.flatMap((day) => day.items.map((item) => item.dish)))];
    const index = new Map(dishes.map((dish, i) => [dish, i]));
    const categories = dishes.map((dish) => this.infoOf(dish).category);
    const a = new Float64Array(dishes.length);
    const prior = new Float64Array(dishes.length);
    // Menus flattened: members[start[m]..start[m+1]) with their (weighted) quantities and each menu's total.
    // A sold-out dish is left out of its day's choice set: the day then says how the dishes that did not
    // sell out split among themselves (a conditional logit), which the sell-out does not bias — diners who
    // found it gone chose among the rest in the same proportions — while its own capped sales would.
    const observed = days.map((day) => day.items.filter((item) => !item.censored));
    const start = new Int32Array(days.length + 1);
    observed.forEach((items, m) => (start[m + 1] = start[m] + items.length));
    const members = new Int32Array(start[days.length]);
    const quantities = new Float64Array(start[days.length]);
    const totals = new Float64Array(days.length);
    days.forEach((day, m) =>
      observed[m].forEach((item, k) => {
        members[start[m] + k] = index.get(item.dish)!;
        quantities[start[m] + k] = item.choices * day.weight;
        totals[m] += item.choices * day.weight;
      }),
    );
    // Weekday effects b[i·7 + w]; each dish's data terms are gathered per weekday slot (slot 7: days
    // without a date), so that a dish's a_i and b_{i,·} are stepped together (see blockStep).
    const withWeekdays = Number.isFinite(this.weekdayPriorStrength);
    const b = new Float64Array(withWeekdays ? dishes.length * WEEKDAYS : 0);
    const weekdays = Int32Array.from(days, (day) => (withWeekdays ? day.weekday : WEEKDAYS));
    // seenOn[i·7 + w]: dish i is on a menu of weekday w (its b_{i,w} has data).
    const seenOn = new Uint8Array(b.length);
    if (withWeekdays) for (let m = 0; m < days.length; m++) for (let k = start[m]; k < start[m + 1]; k++) if (weekdays[m] < WEEKDAYS) seenOn[members[k] * WEEKDAYS + weekdays[m]] = 1;
    const exp = new Float64Array(dishes.length * SLOTS);
    const gradient = new Float64Array(dishes.length * SLOTS);
    const curvature = new Float64Array(dishes.length * SLOTS);
    const step = new Float64Array(SLOTS);
    const categoryIds = new Map([...new Set(categories)].map((category, c) => [category, c]));
    const categoryOf = Int32Array.from(categories, (category) => categoryIds.get(category)!);
    const categoryCounts = new Float64Array(categoryIds.size);
    for (const c of categoryOf) categoryCounts[c]++;
    let categoryMeans = new Map<string, number>();
    let convergence: DishShareFitConvergence = { iterations: 0, converged: false, largestStep: 0, largestGradient: 0 };
    for (let iteration = 0; iteration < this.maxIterations; iteration++) {
      gradient.fill(0);
      curvature.fill(0);
      for (let i = 0; i < a.length; i++) {
        exp[i * SLOTS + WEEKDAYS] = Math.exp(a[i]);
        if (withWeekdays) for (let w = 0; w < WEEKDAYS; w++) exp[i * SLOTS + w] = Math.exp(a[i] + b[i * WEEKDAYS + w]);
      }
      for (let m = 0; m < days.length; m++) {
        const w = weekdays[m];
        let normaliser = 0;
        for (let k = start[m]; k < start[m + 1]; k++) normaliser += exp[members[k] * SLOTS + w];
        const total = totals[m];
        for (let k = start[m]; k < start[m + 1]; k++) {
          const slot = members[k] * SLOTS + w;
          const share = exp[slot] / normaliser;
          gradient[slot] += quantities[k] - total * share;
          curvature[slot] += total * share * (1 - share);
        }
      }
      let largestStep = 0;
      let largestGradient = 0;
      for (let i = 0; i < a.length; i++) {
        largestGradient = Math.max(largestGradient, this.largestGradientOf({ a: a[i] - prior[i], b: withWeekdays ? b.subarray(i * WEEKDAYS, (i + 1) * WEEKDAYS) : null, gradient, offset: i * SLOTS }));
        this.blockStep({ a: a[i] - prior[i], b: withWeekdays ? b.subarray(i * WEEKDAYS, (i + 1) * WEEKDAYS) : null, gradient, curvature, offset: i * SLOTS, step });
        a[i] += step[WEEKDAYS];
        largestStep = Math.max(largestStep, Math.abs(step[WEEKDAYS]));
        if (withWeekdays)
          for (let w = 0; w < WEEKDAYS; w++) {
            b[i * WEEKDAYS + w] += step[w];
            largestStep = Math.max(largestStep, Math.abs(step[w]));
          }
      }
      largestStep = Math.max(largestStep, this.levelSteps({ a, b, seenOn, categoryOf, categoryCounts }));
      categoryMeans = meansByCategory(categories, a);
      categories.forEach((category, i) => (prior[i] = categoryMeans.get(category)!));
      convergence = { iterations: iteration + 1, converged: largestStep < 1e-7, largestStep, largestGradient };
      if (largestStep < 1e-7) break;
    }
    if (withWeekdays) dishes.forEach((dish, i) => this.weekdayEffects.set(dish, b.slice(i * WEEKDAYS, (i + 1) * WEEKDAYS)));
    dishes.forEach((dish, i) => this.attractiveness.set(dish, a[i]));
    let portions = 0;
    let choices = 0;
    let covers = 0;
    for (const day of days) {
      covers += day.covers * day.weight;
      for (const item of day.items) {
        choices += item.choices * day.weight;
        portions += item.choices * (this.portionsPerChoice.get(item.dish) ?? 1) * day.weight;
      }
    }
    this.groups.set(group, {
      choicesPerCover: covers > 0 ? choices / covers : 0,
      portionsPerCover: covers > 0 ? portions / covers : 0,
      portionsPerChoice: choices > 0 ? portions / choices : 1,
      categoryMeans,
      convergence,
    });
  }

  /** Largest |gradient| of the penalised log-likelihood in one dish's (a_i, b_{i,·}) (`a`: a_i less its prior mean). */
  private largestGradientOf(params: { a: number; b: Float64Array | null; gradient: Float64Array; offset: number }): number {
    const { b, gradient, offset } = params;
    let gradientA = -this.priorStrength * params.a;
    for (let w = 0; w < SLOTS; w++) gradientA += gradient[offset + w];
    let largest = Math.abs(gradientA);
    if (b !== null) for (let w = 0; w < WEEKDAYS; w++) largest = Math.max(largest, Math.abs(gradient[offset + w] - this.weekdayPriorStrength * b[w]));
    return largest;
  }

  /**
   * Half a Newton step of one dish's (a_i, b_{i,0..6}), against the block of a bound of the Hessian
   * that couples them; writes b's steps to step[0..6] and a's to step[7].
   *
   * Half a step: the softmax Hessian couples the dishes of a menu, and the full step overshoots (with
   * two dishes always served together it oscillates for ever). The data terms of the days of weekday w
   * are terms of η = a_i + b_{i,w}; Gershgorin bounds their Hessian by twice its diagonal
   * (c_w = Σ total × share × (1 − share) over those days), so the penalised Hessian is below twice the
   * per-dish block B = [[Σc + λa, cᵀ], [c, diag(c + λb)]] and 0.5 B⁻¹g converges near the optimum.
   * Without weekdays B is the diagonal and this is the half diagonal step. With them the block is
   * solved whole (an arrow matrix, by its Schur complement): a_i and b_{i,w} move η alike, and for a
   * dish served on one weekday the data fix a_i + b_{i,w} and only the priors split it, which separate
   * steps would take hundreds of iterations to find.
   * Far from the optimum (a long menu where a few dishes take most of the sales, started from equal
   * attractiveness) the quadratic model is wrong and a step of many units overshoots into overflow:
   * each step is bounded (a, every b and every a + b by MAX_STEP), which leaves the steps near the
   * optimum as they were.
   */
  private blockStep(params: { a: number; b: Float64Array | null; gradient: Float64Array; curvature: Float64Array; offset: number; step: Float64Array }): void {
    const { b, gradient, curvature, offset, step } = params;
    let gradientA = -this.priorStrength * params.a;
    let curvatureA = this.priorStrength;
    for (let w = 0; w < SLOTS; w++) {
      gradientA += gradient[offset + w];
      curvatureA += curvature[offset + w];
    }
    step.fill(0);
    if (b === null) {
      step[WEEKDAYS] = Math.max(-MAX_STEP, Math.min(MAX_STEP, (0.5 * gradientA) / curvatureA));
      return;
    }
    // Schur complement of the diagonal b block: B is an arrow matrix.
    let schur = curvatureA;
    let reduced = gradientA;
    for (let w = 0; w < WEEKDAYS; w++) {
      const c = curvature[offset + w];
      const d = c + this.weekdayPriorStrength;
      const g = gradient[offset + w] - this.weekdayPriorStrength * b[w];
      step[w] = g;
      schur -= (c * c) / d;
      reduced -= (c * g) / d;
    }
    const stepA = reduced / schur;
    let largest = Math.abs(stepA);
    for (let w = 0; w < WEEKDAYS; w++) {
      const c = curvature[offset + w];
      step[w] = (step[w] - c * stepA) / (c + this.weekdayPriorStrength);
      largest = Math.max(largest, Math.abs(step[w]), Math.abs(step[w] + stepA));
    }
    const scale = Math.min(0.5, MAX_STEP / largest);
    for (let w = 0; w < WEEKDAYS; w++) step[w] *= scale;
    step[WEEKDAYS] = stepA * scale;
  }

  /**
   * Moves every a_i of the group, and every b_{i,w} of each weekday w, by the one amount that maximises
   * the penalised log-likelihood; returns the largest move. Every share of the group is the same when all
   * its a_i move alike (or all b_{i,w} of one weekday): the data do not see such a move, only the priors
   * set that level, and they are weak against the data's curvature in each dish's block (a category mean
   * learnt from n dishes pulls their common level by a precision of λ/(n + 1)), so the block steps took
   * thousands of iterations to find it — 500 left London's 248 dishes 0.04 off, still moving by 1e-5 an
   * iteration. Along such a move the objective is the priors' quadratic, maximised in closed form: with
   * the category means m_c = S_c / (n_c + CATEGORY_SHRINK) taken at their optimum, a shift δ of all a_i
   * has derivative −λ Σ_c (S_c + n_c δ) · CATEGORY_SHRINK / (n_c + CATEGORY_SHRINK), and a shift of the
   * b_{i,w} of one weekday −λ_b Σ_i (b_{i,w} + δ), over the dishes on that weekday's menus (every menu
   * of the weekday is made of them; another dish's b_{i,w} has only its prior, and stays at 0).
   */
  private levelSteps(params: { a: Float64Array; b: Float64Array; seenOn: Uint8Array; categoryOf: Int32Array; categoryCounts: Float64Array }): number {
    const { a, b, seenOn, categoryOf, categoryCounts } = params;
    const sums = new Float64Array(categoryCounts.length);
    for (let i = 0; i < a.length; i++) sums[categoryOf[i]] += a[i];
    let numerator = 0;
    let denominator = 0;
    for (let c = 0; c < categoryCounts.length; c++) {
      numerator += sums[c] / (categoryCounts[c] + CATEGORY_SHRINK);
      denominator += categoryCounts[c] / (categoryCounts[c] + CATEGORY_SHRINK);
    }
    const shift = denominator > 0 ? -numerator / denominator : 0;
    for (let i = 0; i < a.length; i++) a[i] += shift;
    let largest = Math.abs(shift);
    if (b.length === 0) return largest;
    for (let w = 0; w < WEEKDAYS; w++) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < a.length; i++)
        if (seenOn[i * WEEKDAYS + w] === 1) {
          sum += b[i * WEEKDAYS + w];
          count++;
        }
      if (count === 0) continue;
      const shiftB = -sum / count;
      for (let i = 0; i < a.length; i++) if (seenOn[i * WEEKDAYS + w] === 1) b[i * WEEKDAYS + w] += shiftB;
      largest = Math.max(largest, Math.abs(shiftB));
    }
    return largest;
  }

  /** Learnt attractiveness a_i; a dish never sold gets its category prior (0 for an unknown category). */
  attractivenessOf(dish: string | DishInfo): number {
    const info = typeof dish === 'string' ? this.infoOf(dish) : dish;
    const learnt = this.attractiveness.get(info.dish);
    if (learnt !== undefined) return learnt;
    return this.groups.get(info.group ?? DEFAULT_GROUP)?.categoryMeans.get(info.category) ?? 0;
  }

  /** b_{i,w} of a dish on an epoch day's weekday: 0 without a day, a weekday prior or data on the dish. */
  weekdayEffectOf(dish: string, day?: number): number {
    if (day === undefined) return 0;
    return this.weekdayEffects.get(dish)?.[isoWeekday(day)] ?? 0;
  }

  /**
   * Shares of each dish within its group for one day's menu (new dishes may be given as DishInfo); the
   * epoch day, when given, adds the dishes' effects of its weekday.
   */
  shares(menu: readonly (string | DishInfo)[], day?: number): Map<string, number> {
    const entries = menu.map((dish) => {
      const info = typeof dish === 'string' ? this.infoOf(dish) : dish;
      return { dish: info.dish, group: info.group ?? DEFAULT_GROUP, weight: Math.exp(this.attractivenessOf(info) + this.weekdayEffectOf(info.dish, day)) };
    });
    const totals = new Map<string, number>();
    for (const entry of entries) totals.set(entry.group, (totals.get(entry.group) ?? 0) + entry.weight);
    return new Map(entries.map((entry) => [entry.dish, entry.weight / totals.get(entry.group)!]));
  }

  /** Expected portions per dish: covers × choices per cover of its group × share × the dish's portions per choice. */
  portions(request: DishShareRequest): Map<string, number> {
    const shares = this.shares(request.menu, request.day);
    const result = new Map<string, number>();
    for (const dish of request.menu) {
      const info = typeof dish === 'string' ? this.infoOf(dish) : dish;
      const group = this.groups.get(info.group ?? DEFAULT_GROUP);
      const pieces = this.portionsPerChoice.get(info.dish) ?? group?.portionsPerChoice ?? 1;
      result.set(info.dish, request.covers * (group?.choicesPerCover ?? 1) * shares.get(info.dish)! * pieces);
    }
    return result;
  }

  /** How the fit of a group's shares ended (undefined for a group not fitted). */
  convergenceOf(group: string = DEFAULT_GROUP): DishShareFitConvergence | undefined {
    return this.groups.get(group)?.convergence;
  }

  portionsPerCover(group: string = DEFAULT_GROUP): number | undefined {
    return this.groups.get(group)?.portionsPerCover;
  }
}

function meansByCategory(categories: readonly string[], values: Float64Array): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  categories.forEach((category, i) => {
    const entry = sums.get(category) ?? { sum: 0, count: 0 };
    entry.sum += values[i];
    entry.count++;
    sums.set(category, entry);
  });
  return new Map([...sums].map(([category, { sum, count }]) => [category, sum / (count + CATEGORY_SHRINK)]));
}
