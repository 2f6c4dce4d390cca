import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MealSubsidyService } from '@larder/analytics';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { MenuChangeStatus, MenuProposal as ProposalRow, MenuProposalChange as ChangeRow, query } from '@larder/database';
import { addDays, IsoDate, MealPeriod } from '@larder/domain';
import { MenuFigures } from '../menu/menu-figures.calculator';
import { proposeMenu } from '../menu/menu-proposal.calculator';
import { MenuWhatIf, menuWhatIf } from '../menu/menu-what-if.calculator';
import type { MenuChange, MenuIssue, MenuRules, MenuSlot, ProposedSlot, SlotFigures } from '../menu/menu-proposal-types';
import { MenuProposalLoader } from './menu-proposal.loader';
import { DISH_EXISTS_SQL, DISH_NAMES_SQL, DishNameRow, ExistsRow, MENU_WRITTEN_SQL } from './menu-proposal.queries';

/** Never the same dish two days running unless the manager says otherwise: a longer gap empties breakfast, whose few dishes come back daily. */
export const DEFAULT_REPEAT_GAP_DAYS = 2;
export const MAX_PROPOSAL_WEEKS = 4;

export type MenuDecision = 'accept' | 'reject' | 'edit';

export interface MenuProposalRequest {
  readonly canteenId: number;
  readonly from: IsoDate;
  readonly weeks: number;
  readonly repeatGapDays?: number;
  /** One budget for every meal; absent: no meal may cost more per cover than its dearest current day. */
  readonly maxCostPerCoverFen?: number;
  readonly pinned?: readonly number[];
  readonly banned?: readonly number[];
  readonly createdBy: string;
}

/** A stored change: the engine's change as proposed, numbered, with its decision. */
export interface MenuChangeView extends Omit<MenuChange, 'kind'> {
  readonly seq: number;
  readonly kind: string;
  readonly status: MenuChangeStatus;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

export interface MenuProposalView {
  readonly id: string;
  readonly canteenId: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly rules: MenuRules;
  readonly totals: { readonly current: SlotFigures; readonly proposed: SlotFigures };
  /** Current against proposed over the cycle, with the subsidy of the rules in force today for its meals and days. */
  readonly whatIf: MenuWhatIf;
  readonly issues: readonly MenuIssue[];
  readonly slots: readonly ProposedSlot[];
  readonly changes: readonly MenuChangeView[];
  /** Names of every dish the proposal mentions, for the page and the CLI. */
  readonly dishes: Readonly<Record<number, { readonly name: string; readonly nameEn: string; readonly category: string }>>;
}

interface Summary {
  totals: MenuProposalView['totals'];
  issues: MenuIssue[];
  slots: ProposedSlot[];
}

/**
 * Menu proposals: made from the canteen's data by the pure engine, stored with each change, and
 * decided change by change. An accepted (or edited) change is written into the menu itself — the
 * table imported menus go to, which the next plan is made from — with who and why in the audit log.
 */
@Injectable()
export class MenuProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: MenuProposalLoader,
    private readonly audit: AuditService,
    private readonly subsidy: MealSubsidyService,
  ) {}

  async propose(request: MenuProposalRequest): Promise<MenuProposalView> {
    if (!Number.isInteger(request.weeks) || request.weeks < 1 || request.weeks > MAX_PROPOSAL_WEEKS) {
      throw new LarderError('VALIDATION_FAILED', `weeks must be a whole number from 1 to ${MAX_PROPOSAL_WEEKS}, got ${request.weeks}`, { parameter: 'weeks' });
    }
    const to = addDays(request.from, 7 * request.weeks - 1);
    const repeatGapDays = request.repeatGapDays ?? DEFAULT_REPEAT_GAP_DAYS;
    const data = await this.loader.load({ canteenId: request.canteenId, from: request.from, to, repeatGapDays });
    if (data.current.length === 0) throw new LarderError('NOT_FOUND', `canteen ${request.canteenId} has no menu to start from for ${request.from}..${to} (nor in the twelve weeks before)`);
    const rules: MenuRules = {
      repeatGapDays,
      maxCostPerCoverFen: this.budgets(request, data.current, new MenuFigures(data.candidates, data.predict)),
      pinned: [...(request.pinned ?? [])],
      banned: [...(request.banned ?? [])],
    };
    const proposal = proposeMenu({ ...data, rules });
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const summary: Summary = { totals: proposal.totals, issues: [...proposal.issues], slots: [...proposal.slots] };
      const proposals = manager.getRepository(ProposalRow);
      await proposals.save(
        proposals.create({
          id,
          canteenId: request.canteenId,
          fromDate: request.from,
          toDate: to,
          createdBy: request.createdBy,
          rules: rules as unknown as Record<string, unknown>,
          summary: summary as unknown as Record<string, unknown>,
        }),
      );
      const rows = proposal.changes.map((change, seq) => ({
        proposalId: id,
        seq: seq + 1,
        serviceDate: change.date,
        meal: change.meal,
        kind: change.kind,
        category: change.category,
        fromDishId: change.fromDishId,
        toDishId: change.toDishId,
        explanationZh: change.explanation.zh,
        explanationEn: change.explanation.en,
        effect: { before: change.before, after: change.after },
        status: 'proposed' as const,
      }));
      const changeRows = manager.getRepository(ChangeRow);
      for (let start = 0; start < rows.length; start += 500) await changeRows.save(changeRows.create(rows.slice(start, start + 500)));
      await this.audit.record({ actor: request.createdBy, action: 'menu.propose', detail: { proposalId: id, canteenId: request.canteenId, from: request.from, to, changes: rows.length } }, manager);
    });
    return this.get(id);
  }

  /** The rule's budget for every meal, or each meal's dearest current slot: a proposal never costs more than today's menu at its dearest. */
  private budgets(request: MenuProposalRequest, current: readonly MenuSlot[], figures: MenuFigures): Partial<Record<MealPeriod, number>> {
    const budgets: Partial<Record<MealPeriod, number>> = {};
    for (const slot of current) {
      const cost = request.maxCostPerCoverFen ?? figures.figures(slot, slot.dishIds).costFenPerCover;
      budgets[slot.meal] = Math.max(budgets[slot.meal] ?? 0, cost);
    }
    return budgets;
  }

  async list(params: { canteenIds?: readonly number[] }): Promise<Array<Omit<MenuProposalView, 'slots' | 'changes' | 'dishes' | 'issues' | 'whatIf'>>> {
    const query = this.dataSource.getRepository(ProposalRow).createQueryBuilder('p').orderBy('p.createdAt', 'DESC').take(50);
    if (params.canteenIds) query.where('p.canteenId IN (:...ids)', { ids: [...params.canteenIds, -1] });
    const rows = await query.getMany();
    return rows.map((row) => {
      const summary = row.summary as unknown as Summary;
      return {
        id: row.id,
        canteenId: row.canteenId,
        from: row.fromDate,
        to: row.toDate,
        createdAt: row.createdAt.toISOString(),
        createdBy: row.createdBy,
        rules: row.rules as unknown as MenuRules,
        totals: summary.totals,
      };
    });
  }

  async canteenOf(proposalId: string): Promise<number> {
    return (await this.proposalRow(proposalId)).canteenId;
  }

  async get(proposalId: string): Promise<MenuProposalView> {
    const row = await this.proposalRow(proposalId);
    const changes = await this.dataSource.getRepository(ChangeRow).find({ where: { proposalId }, order: { seq: 'ASC' } });
    const summary = row.summary as unknown as Summary;
    const ids = new Set<number>();
    for (const slot of summary.slots) for (const dishId of [...slot.dishIds, ...slot.currentDishIds]) ids.add(dishId);
    for (const change of changes) for (const dishId of [change.fromDishId, change.toDishId]) if (dishId !== null) ids.add(dishId);
    const whatIf = menuWhatIf(summary.slots, await this.subsidy.perCover(summary.slots));
    const dishRows = await query<DishNameRow>(this.dataSource, DISH_NAMES_SQL, [[...ids]]);
    return {
      id: row.id,
      canteenId: row.canteenId,
      from: row.fromDate,
      to: row.toDate,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      rules: row.rules as unknown as MenuRules,
      totals: summary.totals,
      whatIf,
      issues: summary.issues,
      slots: summary.slots,
      changes: changes.map((change) => ({
        seq: change.seq,
        date: change.serviceDate,
        meal: change.meal,
        kind: change.kind,
        category: change.category,
        fromDishId: change.fromDishId,
        toDishId: change.toDishId,
        explanation: { zh: change.explanationZh, en: change.explanationEn },
        before: (change.effect as { before: SlotFigures }).before,
        after: (change.effect as { after: SlotFigures }).after,
        status: change.status,
        decidedBy: change.decidedBy,
        reason: change.reason,
      })),
      dishes: Object.fromEntries(dishRows.map((dish) => [dish.id, { name: dish.name, nameEn: dish.name_en, category: dish.category }])),
    };
  }

  /**
   * A manager's decision on one change. Accepted or edited (another dish in its place), the change is
   * written into the menu of that day × meal; a slot still on the rotation gets its whole current menu
   * written first, so the change does not leave it with one dish.
   */
  async decide(params: { proposalId: string; seq: number; decision: MenuDecision; dishId?: number; reason?: string; decidedBy: string }): Promise<MenuChangeView> {
    const proposal = await this.proposalRow(params.proposalId);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ChangeRow);
      const change = await repository.findOne({ where: { proposalId: params.proposalId, seq: params.seq }, lock: { mode: 'pessimistic_write' } });
      if (!change) throw new LarderError('NOT_FOUND', `proposal ${params.proposalId} has no change ${params.seq}`);
      if (change.status !== 'proposed') throw new LarderError('CONFLICT', `change ${params.seq} was already ${change.status}`, { status: change.status });
      const status: MenuChangeStatus = params.decision === 'accept' ? 'accepted' : params.decision === 'reject' ? 'rejected' : 'edited';
      const toDishId = params.decision === 'edit' ? await this.editedDish(manager, params.dishId) : change.toDishId;
      if (status !== 'rejected') {
        const slot = (proposal.summary as unknown as Summary).slots.find((entry) => entry.date === change.serviceDate && entry.meal === change.meal);
        await this.writeMenu(manager, {
          canteenId: proposal.canteenId,
          date: change.serviceDate,
          meal: change.meal,
          currentDishIds: slot?.currentDishIds ?? [],
          fromDishId: change.fromDishId,
          toDishId,
        });
      }
      await repository.update({ proposalId: params.proposalId, seq: params.seq }, { status, toDishId, decidedBy: params.decidedBy, decidedAt: new Date(), reason: params.reason ?? null });
      await this.audit.record(
        {
          actor: params.decidedBy,
          action: `menu.change.${params.decision}`,
          detail: {
            proposalId: params.proposalId,
            seq: params.seq,
            canteenId: proposal.canteenId,
            date: change.serviceDate,
            meal: change.meal,
            fromDishId: change.fromDishId,
            toDishId,
            proposedDishId: change.toDishId,
            reason: params.reason ?? null,
          },
        },
        manager,
      );
    });
    const view = await this.get(params.proposalId);
    return view.changes.find((change) => change.seq === params.seq)!;
  }

  private async editedDish(manager: EntityManager, dishId: number | undefined): Promise<number> {
    if (dishId === undefined) throw new LarderError('VALIDATION_FAILED', 'an edit names the dish to serve instead (dishId)', { parameter: 'dishId' });
    const rows = await query<ExistsRow>(manager, DISH_EXISTS_SQL, [dishId]);
    if (rows.length === 0) throw new LarderError('NOT_FOUND', `no dish with id ${dishId}`);
    return dishId;
  }

  private async writeMenu(
    manager: EntityManager,
    params: { canteenId: number; date: IsoDate; meal: MealPeriod; currentDishIds: readonly number[]; fromDishId: number | null; toDishId: number | null },
  ): Promise<void> {
    const { canteenId, date, meal } = params;
    const written = await query<ExistsRow>(manager, MENU_WRITTEN_SQL, [canteenId, date, meal]);
    if (written.length === 0 && params.currentDishIds.length > 0) {
      await manager.query('INSERT INTO menu_item (canteen_id, service_date, meal, dish_id) SELECT $1, $2::date, $3, unnest($4::int[]) ON CONFLICT DO NOTHING', [
        canteenId,
        date,
        meal,
        [...params.currentDishIds],
      ]);
    }
    if (params.fromDishId !== null)
      await manager.query('DELETE FROM menu_item WHERE canteen_id = $1 AND service_date = $2::date AND meal = $3 AND dish_id = $4', [canteenId, date, meal, params.fromDishId]);
    if (params.toDishId !== null) {
      await manager.query('INSERT INTO menu_item (canteen_id, service_date, meal, dish_id) VALUES ($1, $2::date, $3, $4) ON CONFLICT DO NOTHING', [canteenId, date, meal, params.toDishId]);
    }
  }

  private async proposalRow(proposalId: string): Promise<ProposalRow> {
    if (!/^[0-9a-f-]{36}$/i.test(proposalId)) throw new LarderError('NOT_FOUND', `no menu proposal ${JSON.stringify(proposalId.slice(0, 64))}`);
    const row = await this.dataSource.getRepository(ProposalRow).findOne({ where: { id: proposalId } });
    if (!row) throw new LarderError('NOT_FOUND', `no menu proposal ${proposalId}`);
    return row;
  }
}
