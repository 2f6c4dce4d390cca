import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@larder/auth';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { LarderError } from '@larder/common';
import { addDays, IsoDate, isMealPeriod, isoWeekStart, MealPeriod } from '@larder/domain';
import { CostPolicy, validateServiceLevel } from '../planning/newsvendor';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import { DemandForecast, PlanningMoment, slotKey } from '../planning/planning-types';
import type { StockLot } from '../planning/stock-netting';
import { planWeek, summarisePlan, WeekPlan } from '../planning/week-planner';
import { PlanDemandService, PlanDemand } from './plan-demand.service';
import { PlanningDataLoader } from './planning-data.loader';
import { localMoment } from './planning-clock';
import { PlanHeader, PlanStore } from './plan-store';
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
    canteenId: number; week: string; serviceLevel?: number | null; at?: Date; runId?: string | null;
    overrides?: ReadonlyMap<string, number>; policy?: Omit<CostPolicy, 'serviceLevel'>;
    transformDemand?: (demand: DemandForecast[]) => DemandForecast[];
  }): Promise<ComputedWeek> {
    const { from, to } = parseWeek(params.week);
    if (params.serviceLevel !== undefined && params.serviceLevel !== null) this.checkLevel(params.serviceLevel);
    await this.loader.requireCanteen(params.canteenId);
    const now = localMoment(params.at ?? new Date(), this.config.timezone);
    const catalogue = await this.loader.catalogue();
    const demand = await this.demandService.demandFor({ canteenId: params.canteenId, from, to, runId: params.runId, catalogue });
    const stock = await this.loader.openingStock({ canteenId: params.canteenId, today: now.date, useUntil: from, catalogue });
    const plan = planWeek({
      catalogue, now, stock: stock.lots, overrides: params.overrides,
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
  async storeDraft(params: { request: CreatePlanRequest; computed: ComputedWeek; unlessApproved: boolean }): Promise<string | null> {
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
        id, canteenId: request.canteenId, week: request.week, version, status: 'draft',
        serviceLevel: request.serviceLevel ?? null, forecastRunId: computed.demand.runId, createdBy: request.createdBy ?? 'system',
      });
      await this.store.writeContents(manager, { planId: id, canteenId: request.canteenId, plan: computed.plan });
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
    const catalogue = await this.loader.catalogue();
    const priceDate = header.createdAt.slice(0, 10);
    const summary = summarisePlan({
      covers,
      production: lines.map((line) => ({
        ...line, portionKg: catalogue.dishes.get(line.dishId)?.portionKg ?? 0, costPerPortionFen: catalogue.costPerPortionOn(line.dishId, priceDate),
      })),
      orders: orders.filter((order) => order.status !== 'cancelled').map((order) => ({
        totalFen: order.totalFen,
        late: false,
        surplusFen: order.lines.reduce((sum, line) => {
          const packSize = catalogue.supplierItems.get(line.supplierItemId)?.packSize ?? 1;
          return sum + Math.round((Math.max(0, line.packs * packSize - line.neededQuantity) / packSize) * line.packPriceFen);
        }, 0),
      })),
    });
    const origin = header.forecastRunId ? 'stored' : 'seasonal-estimate';
    const originNote = origin === 'seasonal-estimate'
      ? 'planned from the seasonal estimate of the daily rollups (no stored forecast run was available)'
      : `planned from forecast run ${header.forecastRunId}`;
    return {
      ...header, forecastSource: origin, notes: [originNote, ...notes.filter((note) => note !== originNote)],
      summary, covers, lines, overrides, orders,
    };
  }

  async approve(id: string, params: { approvedBy?: string; at?: Date } = {}): Promise<PlanView> {
    const approvedBy = params.approvedBy ?? 'system';
    await this.store.transaction(async (manager) => {
      const header = await this.requirePlan(id, manager);
      this.requireDraft(header, 'approve');
      await manager.query(
        `UPDATE purchase_order SET status = 'cancelled' WHERE status = 'draft' AND plan_id IN
         (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $2 AND status = 'draft' AND id <> $3)`,
        [header.canteenId, header.week, id],
      );
      await manager.query(`UPDATE production_plan SET status = 'superseded' WHERE canteen_id = $1 AND week = $2 AND status IN ('approved', 'draft') AND id <> $3`, [header.canteenId, header.week, id]);
      await manager.query(`UPDATE production_plan SET status = 'approved', approved_at = $2, approved_by = $3 WHERE id = $1`, [id, params.at ?? new Date(), approvedBy]);
      await manager.query(`UPDATE purchase_order SET status = 'approved' WHERE plan_id = $1 AND status = 'draft'`, [id]);
      const [orders]: { n: number; fen: string }[] = await manager.query(
        `SELECT count(*)::int AS n, COALESCE(sum(total_fen), 0)::text AS fen FROM purchase_order WHERE plan_id = $1 AND status = 'approved'`, [id],
      );
      await this.audit.record({
        actor: approvedBy, action: 'plan.approve',
        detail: { planId: id, canteenId: header.canteenId, week: header.week, version: header.version, orders: Number(orders.n), ordersFen: Number(orders.fen) },
      }, manager);
    });
    return this.getPlan(id);
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
    const previous = await this.store.overrides(id);
    const overrides = new Map<string, number>();
    for (const entry of previous) overrides.set(slotKey({ canteenId: header.canteenId, ...entry }), entry.newPortions);
    overrides.set(slotKey({ canteenId: header.canteenId, serviceDate: request.serviceDate, meal, dishId: request.dishId }), request.portions);
    const computed = await this.computeWeek({ canteenId: header.canteenId, week: header.week, serviceLevel: header.serviceLevel, at: request.at, runId: header.forecastRunId, overrides });
    await this.store.transaction(async (manager) => {
      const current = await this.requirePlan(id, manager);
      this.requireDraft(current, 'override');
      await this.store.insertOverride(manager, {
        planId: id, serviceDate: request.serviceDate, meal: meal as MealPeriod, dishId: request.dishId, previousPortions: line.plannedPortions,
        newPortions: request.portions, reason, createdBy: actor,
      });
      await this.audit.record({
        actor, action: 'plan.override',
        detail: {
          planId: id, canteenId: header.canteenId, week: header.week, version: header.version,
          serviceDate: request.serviceDate, meal, dishId: request.dishId, from: line.plannedPortions, to: request.portions, reason,
        },
      }, manager);
      await this.store.writeContents(manager, { planId: id, canteenId: header.canteenId, plan: computed.plan });
    });
    return this.getPlan(id, [...computed.demand.notes, ...computed.plan.warnings]);
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
