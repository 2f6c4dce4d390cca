import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@larder/auth';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { addDays, IsoDate, isMealPeriod, isoWeekStart, MealPeriod } from '@larder/domain';
import { CostPolicy, validateServiceLevel } from '../planning/newsvendor';
import { surplusValueFen } from '../planning/order-rules';
import { approvalReasons, ConfirmationReason, describeReasons, overrideReasons } from '../planning/plan-guards';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import { DemandForecast, PlanningMoment, slotKey } from '../planning/planning-types';
import type { StockLot } from '../planning/stock-netting';
import { planWeek, summarisePlan, WeekPlan } from '../planning/week-planner';
import { PlanDemandService, PlanDemand } from './plan-demand.service';
import { PlanningDataLoader } from './planning-data.loader';
import { localMoment } from './planning-clock';
import { PlanHeader, PlanStore } from './plan-store';
import { APPROVED_ORDERS_SQL, ApprovedOrdersRow } from './plan-store.queries';
import type { PlanListItem, PlanView, PurchaseOrderView } from './plan-views';

export interface CreatePlanRequest {
  canteenId: number;
  week: string;
  /** The manager's level for every dish; omitted = each dish's newsvendor level. */
  serviceLevel?: number;
  createdBy?: string;
  /** When the plan is made (default now): decides which orders can still arrive in time. */
  at?: Date;
  policy?: Omit<CostPolicy, 'serviceLevel'>;
}

export interface OverrideRequest {
  serviceDate: string;
  meal: string;
  dishId: number;
  portions: number;
  reason: string;
  createdBy?: string;
  at?: Date;
  /** The manager has seen why the quantity is unusual and its cost, and makes it anyway. */
  confirm?: boolean;
}

export interface ApproveRequest {
  approvedBy?: string;
  at?: Date;
  /** The manager has seen the warnings (orders past their cut-off, a week begun) and approves anyway. */
  confirm?: boolean;
}

/** A plan's overrides as the planner takes them: the new portions keyed like slotKey(). */
function overridesBySlot(canteenId: number, overrides: readonly { serviceDate: string; meal: string; dishId: number; newPortions: number }[]): Map<string, number> {
  return new Map(overrides.map((entry) => [slotKey({ canteenId, ...entry }), entry.newPortions]));
}

/** The inputs of a stored plan's computation (PlanService.planParameters). */
export interface PlanParameters {
  canteenId: number;
  week: string;
  serviceLevel: number | null;
  runId: string | null;
  overrides: ReadonlyMap<string, number>;
}

/** A week computed but not stored: what createPlan stores and what-if compares. */
export interface ComputedWeek {
  plan: WeekPlan;
  demand: PlanDemand;
  catalogue: PlanningCatalogue;
  from: IsoDate;
  to: IsoDate;
  now: PlanningMoment;
  stock: Map<string, StockLot[]>;
}

export function parseWeek(week: string): { from: IsoDate; to: IsoDate } {
  let from: IsoDate;
  try {
    from = isoWeekStart(week);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `week: ${(error as Error).message}`);
  }
  return { from, to: addDays(from, 6) };
}

/** Production plans: made from forecasts, kept as drafts until approved, frozen once approved, overridden with reasons. */
@Injectable()
export class PlanService {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly loader: PlanningDataLoader,
    private readonly demandService: PlanDemandService,
    private readonly store: PlanStore,
    private readonly audit: AuditService,
  ) {}

  /** Plans one canteen's week without storing it. `demandOverride` lets what-if change the demand. */
  async computeWeek(params: {
    canteenId: number;
    week: string;
    serviceLevel?: number | null;
    at?: Date;
    runId?: string | null;
    overrides?: ReadonlyMap<string, number>;
    policy?: Omit<CostPolicy, 'serviceLevel'>;
    transformDemand?: (demand: DemandForecast[]) => DemandForecast[];
  }): Promise<ComputedWeek> {
    const { from, to } = parseWeek(params.week);
    if (params.serviceLevel !== undefined && params.serviceLevel !== null) this.checkLevel(params.serviceLevel);
    await this.loader.requireCanteen(params.canteenId);
    const now = localMoment(params.at ?? new Date(), this.config.timezone);
    const catalogue = await this.loader.catalogue({ from: now.date, to: now.date });
    const demand = await this.demandService.demandFor({ canteenId: params.canteenId, from, to, runId: params.runId, catalogue });
    const stock = await this.loader.openingStock({ canteenId: params.canteenId, today: now.date, useUntil: from, catalogue, week: params.week });
    const plan = planWeek({
      catalogue,
      now,
      stock: stock.lots,
      overrides: params.overrides,
      demand: params.transformDemand ? params.transformDemand(demand.demand) : demand.demand,
      policy: { ...params.policy, serviceLevel: params.serviceLevel ?? undefined },
    });
    if (stock.countedOn === null) plan.warnings.push(`no stock count for canteen ${params.canteenId} yet: nothing is netted off as on hand`);
    if (now.date >= from) plan.warnings.push(`the week starts on ${from}, not after today (${now.date}): days already begun may not be served by new orders`);
    return { plan, demand, catalogue, from, to, now, stock: stock.lots };
  }

  async createPlan(request: CreatePlanRequest): Promise<PlanView> {
    const computed = await this.computeWeek({ canteenId: request.canteenId, week: request.week, serviceLevel: request.serviceLevel, at: request.at, policy: request.policy });
    const id = await this.storeDraft({ request, computed, unlessApproved: false });
    return this.getPlan(id!, [...computed.demand.notes, ...computed.plan.warnings]);
  }

  /**
   * Stores a computed week as the new draft version, superseding earlier drafts. `unlessApproved`:
   * stores nothing (null) when the week has an approved plan, checked inside the transaction so an
   * approval at the same moment is never overtaken by an unattended draft.
   */
  async storeDraft(params: {
    request: CreatePlanRequest;
    computed: ComputedWeek;
    unlessApproved: boolean;
    /** More to write in the same transaction once the draft exists (a revision's carried overrides). */
    also?: (manager: EntityManager, id: string, version: number) => Promise<void>;
  }): Promise<string | null> {
    const { request, computed } = params;
    const id = randomUUID();
    let stored = true;
    await this.inTransaction(`canteen ${request.canteenId} ${request.week} was planned by someone else at the same moment; plan again`, async (manager) => {
      if (params.unlessApproved && (await this.store.hasApproved(manager, request.canteenId, request.week))) {
        stored = false;
        return;
      }
      await this.store.supersedeDrafts(manager, request.canteenId, request.week);
      const version = await this.store.nextVersion(manager, request.canteenId, request.week);
      await this.store.insertHeader(manager, {
        id,
        canteenId: request.canteenId,
        week: request.week,
        version,
        status: 'draft',
        serviceLevel: request.serviceLevel ?? null,
        forecastRunId: computed.demand.runId,
        createdBy: request.createdBy ?? 'system',
      });
      await this.store.writeContents(manager, { planId: id, canteenId: request.canteenId, plan: computed.plan });
      await params.also?.(manager, id, version);
    });
    return stored ? id : null;
  }

  /** The canteen a plan belongs to (for access checks). */
  async canteenOf(id: string): Promise<number> {
    return (await this.requirePlan(id)).canteenId;
  }

  async listPlans(filter: { canteenId?: number; week?: string } = {}): Promise<PlanListItem[]> {
    if (filter.week !== undefined) parseWeek(filter.week);
    return this.store.list(filter);
  }

  async getPlan(id: string, notes: string[] = []): Promise<PlanView> {
    const header = await this.requirePlan(id);
    const { covers, lines } = await this.store.lines(id);
    const overrides = await this.store.overrides(id);
    const orders = await this.store.orders({ planId: id });
    const priceDate = header.createdAt.slice(0, 10);
    const catalogue = await this.loader.catalogue({ from: priceDate, to: priceDate });
    const summary = summarisePlan({
      covers,
      production: lines.map((line) => ({
        ...line,
        portionKg: catalogue.dishes.get(line.dishId)?.portionKg ?? 0,
        costPerPortionFen: catalogue.costPerPortionOn(line.dishId, priceDate),
      })),
      orders: orders
        .filter((order) => order.status !== 'cancelled')
        .map((order) => ({
          totalFen: order.totalFen,
          late: order.late,
          surplusFen: order.lines.reduce((sum, line) => sum + surplusValueFen({ ...line, packSize: catalogue.supplierItems.get(line.supplierItemId)?.packSize ?? 1 }), 0),
        })),
    });
    const origin = header.forecastRunId ? 'stored' : 'seasonal-estimate';
    const originNote =
      origin === 'seasonal-estimate' ? 'planned from the seasonal estimate of the daily rollups (no stored forecast run was available)' : `planned from forecast run ${header.forecastRunId}`;
    return {
      ...header,
      forecastSource: origin,
      notes: [originNote, ...notes.filter((note) => note !== originNote)],
      summary,
      covers,
      lines,
      overrides,
      orders,
      approvalWarnings: header.status === 'draft' ? await this.approvalWarnings(header) : [],
    };
  }

  /**
   * Approves a draft; the week's other versions give way and the orders of a plan it replaces are
   * cancelled (audited). Orders past their cut-off or a week already begun need `confirm`.
   */
  async approve(id: string, params: ApproveRequest = {}): Promise<PlanView> {
    const approvedBy = params.approvedBy ?? 'system';
    const first = await this.requirePlan(id);
    this.requireDraft(first, 'approve');
    const warnings = await this.approvalWarnings(first, params.at);
    if (warnings.length > 0 && !params.confirm) {
      throw new LarderError('CONFIRMATION_REQUIRED', `approving plan ${id} needs confirmation: ${describeReasons(warnings)}; send it again with "confirm": true`, { reasons: warnings });
    }
    await this.store.transaction(async (manager) => {
      const header = await this.requirePlan(id, manager);
      this.requireDraft(header, 'approve');
      await manager.query(
        `UPDATE purchase_order SET status = 'cancelled' WHERE status = 'draft' AND plan_id IN
         (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $2 AND status = 'draft' AND id <> $3)`,
        [header.canteenId, header.week, id],
      );
      const replaced = await this.store.cancelApprovedOrders(manager, { canteenId: header.canteenId, week: header.week, except: id });
      for (const order of replaced) {
        await this.audit.record(
          {
            actor: approvedBy,
            action: 'purchase-order.cancel',
            detail: {
              orderId: order.id,
              planId: order.planId,
              supplierId: order.supplierId,
              deliveryDate: order.deliveryDate,
              totalFen: order.totalFen,
              replacedBy: id,
              canteenId: header.canteenId,
              week: header.week,
            },
          },
          manager,
        );
      }
      await manager.query(`UPDATE production_plan SET status = 'superseded' WHERE canteen_id = $1 AND week = $2 AND status IN ('approved', 'draft') AND id <> $3`, [header.canteenId, header.week, id]);
      await manager.query(`UPDATE production_plan SET status = 'approved', approved_at = $2, approved_by = $3 WHERE id = $1`, [id, params.at ?? new Date(), approvedBy]);
      await manager.query(`UPDATE purchase_order SET status = 'approved' WHERE plan_id = $1 AND status = 'draft'`, [id]);
      const [orders] = await query<ApprovedOrdersRow>(manager, APPROVED_ORDERS_SQL, [id]);
      await this.audit.record(
        {
          actor: approvedBy,
          action: 'plan.approve',
          detail: {
            planId: id,
            canteenId: header.canteenId,
            week: header.week,
            version: header.version,
            orders: Number(orders.n),
            ordersFen: Number(orders.fen),
            cancelledOrders: replaced.length,
            warnings: warnings.map((warning) => warning.code),
          },
        },
        manager,
      );
    });
    return this.getPlan(id);
  }

  /**
   * A new draft version of an approved week, from the newest forecasts, with the approved plan's
   * overrides carried over. The approved plan and its orders stand until the revision is approved.
   */
  async revise(id: string, params: { createdBy?: string; at?: Date } = {}): Promise<PlanView> {
    const header = await this.requirePlan(id);
    if (header.status !== 'approved') {
      throw new LarderError('CONFLICT', `plan ${id} (${header.week}, version ${header.version}) is ${header.status}; only an approved plan is revised — a draft is changed with overrides`);
    }
    const carried = await this.store.overrides(id);
    const overrides = overridesBySlot(header.canteenId, carried);
    const createdBy = params.createdBy ?? 'system';
    const computed = await this.computeWeek({ canteenId: header.canteenId, week: header.week, serviceLevel: header.serviceLevel, at: params.at, overrides });
    const newId = await this.storeDraft({
      request: { canteenId: header.canteenId, week: header.week, serviceLevel: header.serviceLevel ?? undefined, createdBy },
      computed,
      unlessApproved: false,
      also: async (manager, planId, version) => {
        for (const entry of carried) await this.store.insertOverride(manager, { ...entry, planId });
        await this.audit.record(
          {
            actor: createdBy,
            action: 'plan.revise',
            detail: { planId, revises: id, canteenId: header.canteenId, week: header.week, version, fromVersion: header.version, carriedOverrides: carried.length },
          },
          manager,
        );
      },
    });
    return this.getPlan(newId!, [...computed.demand.notes, ...computed.plan.warnings]);
  }

  /** Sets one quantity with a reason (kept in plan_override) and re-computes the draft's needs and orders. */
  async override(id: string, request: OverrideRequest): Promise<PlanView> {
    const header = await this.requirePlan(id);
    this.requireDraft(header, 'override');
    const meal = request.meal;
    if (!isMealPeriod(meal)) throw new LarderError('VALIDATION_FAILED', `meal must be breakfast, lunch, dinner or night, got ${JSON.stringify(meal)}`);
    if (!Number.isInteger(request.portions) || request.portions < 0) throw new LarderError('VALIDATION_FAILED', `portions must be a whole number >= 0, got ${request.portions}`);
    const reason = (request.reason ?? '').trim();
    const actor = request.createdBy ?? 'system';
    if (reason.length === 0) throw new LarderError('VALIDATION_FAILED', 'an override needs a reason');
    const { lines } = await this.store.lines(id);
    const line = lines.find((entry) => entry.serviceDate === request.serviceDate && entry.meal === meal && entry.dishId === request.dishId);
    if (!line) throw new LarderError('NOT_FOUND', `plan ${id} has no line for dish ${request.dishId} at ${meal} on ${request.serviceDate}`);
    const overrides = overridesBySlot(header.canteenId, await this.store.overrides(id));
    const before = new Map(overrides);
    overrides.set(slotKey({ canteenId: header.canteenId, serviceDate: request.serviceDate, meal, dishId: request.dishId }), request.portions);
    const week = { canteenId: header.canteenId, week: header.week, serviceLevel: header.serviceLevel, at: request.at, runId: header.forecastRunId };
    const computed = await this.computeWeek({ ...week, overrides });
    const slot = computed.demand.demand.find((entry) => entry.serviceDate === request.serviceDate && entry.meal === meal && entry.dishId === request.dishId);
    const reasons = overrideReasons({
      portions: request.portions,
      distribution: slot?.distribution ?? null,
      seats: await this.loader.seats(header.canteenId),
      mealsThatDay: new Set(lines.filter((entry) => entry.serviceDate === request.serviceDate).map((entry) => entry.meal)).size,
    });
    if (reasons.length > 0 && !request.confirm) {
      // The same computation without this override, so the change shown is the override's own.
      const base = (await this.computeWeek({ ...week, overrides: before })).plan.summary;
      const after = computed.plan.summary;
      const figures = (summary: typeof after) => ({
        purchaseCostFen: summary.purchaseCostFen,
        foodCostFen: summary.foodCostFen,
        expectedLeftoverKg: summary.expectedLeftoverKg,
        expectedLeftoverFen: summary.expectedLeftoverFen,
      });
      throw new LarderError('CONFIRMATION_REQUIRED', `${request.portions} portions is out of the usual range: ${describeReasons(reasons)}; send it again with "confirm": true to make it`, {
        reasons,
        portions: request.portions,
        previousPortions: line.plannedPortions,
        before: figures(base),
        after: figures(after),
      });
    }
    await this.store.transaction(async (manager) => {
      const current = await this.requirePlan(id, manager);
      this.requireDraft(current, 'override');
      await this.store.insertOverride(manager, {
        planId: id,
        serviceDate: request.serviceDate,
        meal: meal as MealPeriod,
        dishId: request.dishId,
        previousPortions: line.plannedPortions,
        newPortions: request.portions,
        reason,
        createdBy: actor,
      });
      await this.audit.record(
        {
          actor,
          action: 'plan.override',
          detail: {
            planId: id,
            canteenId: header.canteenId,
            week: header.week,
            version: header.version,
            serviceDate: request.serviceDate,
            meal,
            dishId: request.dishId,
            from: line.plannedPortions,
            to: request.portions,
            reason,
            confirmed: reasons.map((entry) => entry.code),
          },
        },
        manager,
      );
      await this.store.writeContents(manager, { planId: id, canteenId: header.canteenId, plan: computed.plan });
    });
    return this.getPlan(id, [...computed.demand.notes, ...computed.plan.warnings]);
  }

  /** What approving this plan now would warn about: its orders past their cut-off, the week already begun. */
  private async approvalWarnings(header: PlanHeader, at?: Date): Promise<ConfirmationReason[]> {
    const orders = (await this.store.orders({ planId: header.id })).filter((order) => order.status === 'draft');
    const catalogue = await this.loader.catalogue();
    return approvalReasons({
      orders: orders.map((order) => ({
        orderDate: order.orderDate,
        deliveryDate: order.deliveryDate,
        items: order.lines.flatMap((line) => catalogue.supplierItems.get(line.supplierItemId) ?? []),
      })),
      weekStart: parseWeek(header.week).from,
      now: localMoment(at ?? new Date(), this.config.timezone),
    });
  }

  async orders(filter: { planId?: string; canteenId?: number; status?: string; from?: string; to?: string }): Promise<PurchaseOrderView[]> {
    if (filter.planId !== undefined) await this.requirePlan(filter.planId);
    return this.store.orders(filter);
  }

  /** A unique-key clash (two versions numbered alike) reads as a conflict, not a server error. */
  private async inTransaction(conflict: string, work: Parameters<PlanStore['transaction']>[0]): Promise<void> {
    try {
      await this.store.transaction(work);
    } catch (error) {
      if ((error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505' || (error as { code?: string }).code === '23505') {
        throw new LarderError('CONFLICT', conflict);
      }
      throw error;
    }
  }

  private checkLevel(level: number): void {
    try {
      validateServiceLevel(level);
    } catch (error) {
      throw new LarderError('VALIDATION_FAILED', (error as Error).message);
    }
  }

  /**
   * What a stored plan was computed with: its canteen and week, the manager's service level, the
   * forecast run and its overrides (keyed like slotKey), so a computation of the week reproduces it.
   */
  async planParameters(id: string): Promise<PlanParameters> {
    const header = await this.requirePlan(id);
    const overrides = overridesBySlot(header.canteenId, await this.store.overrides(id));
    return { canteenId: header.canteenId, week: header.week, serviceLevel: header.serviceLevel, runId: header.forecastRunId, overrides };
  }

  private async requirePlan(id: string, manager?: Parameters<PlanStore['header']>[1]): Promise<PlanHeader> {
    const header = await this.store.header(id, manager);
    if (!header) throw new LarderError('NOT_FOUND', `no plan with id ${id}`);
    return header;
  }

  private requireDraft(header: PlanHeader, action: string): void {
    if (header.status === 'approved') {
      throw new LarderError('CONFLICT', `plan ${header.id} (${header.week}, version ${header.version}) is approved and frozen; cannot ${action} it — plan the week again to make a new version`);
    }
    if (header.status === 'superseded') throw new LarderError('CONFLICT', `plan ${header.id} was superseded by a newer version; cannot ${action} it`);
  }
}
