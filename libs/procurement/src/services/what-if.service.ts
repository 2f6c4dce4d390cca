import { Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { applyScenario, addSummaries, compareSummaries, validateScenario, WhatIfComparison, WhatIfScenario } from '../planning/what-if';
import { planWeek } from '../planning/week-planner';
import { PlanningDataLoader } from './planning-data.loader';
import { ComputedWeek, PlanService } from './plan.service';

export interface WhatIfRequest {
  week: string;
  /**
   * The stored plan the scenario is set against: its canteen's week is computed with the plan's
   * service level, forecast run and overrides, so "the plan" column is that plan, not a fresh draft.
   */
  planId?: string;
  /** Canteens to compare (default: all); closed and receiving canteens are added. */
  canteenIds?: number[];
  scenario: WhatIfScenario;
  at?: Date;
}

export interface WhatIfResult extends WhatIfComparison {
  week: string;
  canteens: (WhatIfComparison & { canteenId: number })[];
  notes: string[];
}

/** Plans the week as it stands and under a scenario, stores neither, and compares them. */
@Injectable()
export class WhatIfService {
  constructor(
    private readonly plans: PlanService,
    private readonly loader: PlanningDataLoader,
  ) {}

  async compare(request: WhatIfRequest): Promise<WhatIfResult> {
    const problems = validateScenario(request.scenario);
    if (problems.length > 0) throw new LarderError('VALIDATION_FAILED', `what-if: ${problems.join('; ')}`);
    const { scenario } = request;
    const all = await this.loader.canteenIds();
    const wanted = new Set(request.canteenIds ?? all);
    for (const id of [...(scenario.closeCanteens ?? []), ...(scenario.redirect?.toCanteenIds ?? [])]) wanted.add(id);
    const unknown = [...wanted].filter((id) => !all.includes(id));
    if (unknown.length > 0) throw new LarderError('NOT_FOUND', `no canteen with id ${unknown.join(', ')}`);
    const canteenIds = [...wanted].sort((a, b) => a - b);
    const stored = request.planId === undefined ? null : await this.plans.planParameters(request.planId);
    if (stored && stored.week !== request.week) throw new LarderError('VALIDATION_FAILED', `what-if: plan ${request.planId} is for ${stored.week}, not ${request.week}`);
    if (stored && !(request.canteenIds ?? all).includes(stored.canteenId))
      throw new LarderError('VALIDATION_FAILED', `what-if: plan ${request.planId} is canteen ${stored.canteenId}'s, which is not compared`);
    const planOf = (canteenId: number) => (stored?.canteenId === canteenId ? stored : null);
    const base: ComputedWeek[] = [];
    for (const canteenId of canteenIds) {
      const own = planOf(canteenId);
      base.push(await this.plans.computeWeek({ canteenId, week: request.week, at: request.at, ...(own ? { serviceLevel: own.serviceLevel, runId: own.runId, overrides: own.overrides } : {}) }));
    }
    const prices = new Map((scenario.priceFactors ?? []).map((price) => [price.ingredientId, price.factor]));
    const missing = [...prices.keys()].filter((id) => base[0] && !base[0].catalogue.ingredients.has(id));
    if (missing.length > 0) throw new LarderError('NOT_FOUND', `no ingredient with id ${missing.join(', ')}`);
    const changed = applyScenario(
      base.flatMap((week) => (week.plan.production.length > 0 || week.plan.covers.length > 0 ? week.demand.demand : [])),
      scenario,
    );
    const canteens = base.map((week, index) => {
      const canteenId = canteenIds[index];
      const own = planOf(canteenId);
      // The manager's overrides stay as they are under the scenario: they are quantities, not forecasts.
      const plan = planWeek({
        catalogue: week.catalogue.repriced(prices),
        now: week.now,
        stock: week.stock,
        demand: changed.filter((slot) => slot.canteenId === canteenId),
        overrides: own?.overrides,
        policy: { serviceLevel: scenario.serviceLevel ?? own?.serviceLevel ?? undefined },
      });
      return { canteenId, ...compareSummaries(week.plan.summary, plan.summary) };
    });
    const notes = [...new Set(base.flatMap((week) => week.demand.notes))];
    for (const swap of scenario.swaps ?? []) {
      if (base[0] && !base[0].catalogue.dishes.has(swap.toDishId)) throw new LarderError('NOT_FOUND', `no dish with id ${swap.toDishId}`);
      if (base[0] && base[0].catalogue.recipeOf(swap.toDishId).length === 0) notes.push(`dish ${swap.toDishId} has no recipe: its food cost counts as zero`);
    }
    return {
      week: request.week,
      notes,
      canteens,
      ...compareSummaries(addSummaries(canteens.map((entry) => entry.base)), addSummaries(canteens.map((entry) => entry.scenario))),
    };
  }
}
