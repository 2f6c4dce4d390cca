import { Injectable } from '@nestjs/common';
import type { WeekPlan } from '../planning/week-planner';
import { ComputedWeek, PlanService } from './plan.service';
import { PlanStore } from './plan-store';
import type { PlanView } from './plan-views';

export type DraftOutcome = 'drafted' | 'approved-kept' | 'unchanged' | 'overridden-kept';

export interface DraftResult {
  outcome: DraftOutcome;
  /** The plan that now stands for the week: the new draft, or the one kept. */
  planId: string | null;
  version: number | null;
}

/** Who the unattended drafts are made by, in the plan history and the audit log. */
export const NIGHTLY_PLANNER = 'nightly';

/**
 * Unattended drafts for a canteen's coming week. An approved plan is never replaced; a draft a
 * manager has overridden is kept (their changes would be lost); a chosen service level carries
 * over; and a draft identical to the
 * newest one (same quantities and orders) is not stored again, so re-running a night
 * adds nothing.
 */
@Injectable()
export class DraftPlanService {
  constructor(
    private readonly plans: PlanService,
    private readonly store: PlanStore,
  ) {}

  async draftWeek(params: { canteenId: number; week: string; at?: Date }): Promise<DraftResult> {
    const versions = await this.plans.listPlans({ canteenId: params.canteenId, week: params.week });
    const approved = versions.find((plan) => plan.status === 'approved');
    if (approved) return { outcome: 'approved-kept', planId: approved.id, version: approved.version };
    const newest = versions.find((plan) => plan.status === 'draft');
    if (newest && (await this.store.overrides(newest.id)).length > 0) return { outcome: 'overridden-kept', planId: newest.id, version: newest.version };
    // A manager's chosen service level carries over to the next draft of the week.
    const serviceLevel = newest?.serviceLevel ?? undefined;
    const computed = await this.plans.computeWeek({ canteenId: params.canteenId, week: params.week, at: params.at, serviceLevel });
    if (newest && sameContents(computed, await this.plans.getPlan(newest.id))) {
      return { outcome: 'unchanged', planId: newest.id, version: newest.version };
    }
    const id = await this.plans.storeDraft({ request: { canteenId: params.canteenId, week: params.week, at: params.at, serviceLevel, createdBy: NIGHTLY_PLANNER }, computed, unlessApproved: true });
    if (id === null) return { outcome: 'approved-kept', planId: null, version: null };
    const stored = versions.length === 0 ? 1 : Math.max(...versions.map((plan) => plan.version)) + 1;
    return { outcome: 'drafted', planId: id, version: stored };
  }
}

/** Quantities and orders, not the forecast run's id: a re-run night makes a new run with the same figures. */
function sameContents(computed: ComputedWeek, stored: PlanView): boolean {
  return fingerprint(computed.plan) === storedFingerprint(stored);
}

function fingerprint(plan: WeekPlan): string {
  const lines = plan.production.map((line) => `${line.serviceDate}|${line.meal}|${line.dishId}|${line.plannedPortions}`).sort();
  const orders = plan.orders.flatMap((order) => order.lines.map((line) => `${order.supplierId}|${order.orderDate}|${order.deliveryDate}|${line.supplierItemId}|${line.packs}`)).sort();
  return JSON.stringify([lines, orders]);
}

function storedFingerprint(plan: PlanView): string {
  const lines = plan.lines.map((line) => `${line.serviceDate}|${line.meal}|${line.dishId}|${line.plannedPortions}`).sort();
  const orders = plan.orders
    .filter((order) => order.status === 'draft')
    .flatMap((order) => order.lines.map((line) => `${order.supplierId}|${order.orderDate}|${order.deliveryDate}|${line.supplierItemId}|${line.packs}`))
    .sort();
  return JSON.stringify([lines, orders]);
}
