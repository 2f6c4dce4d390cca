import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { emptyFinanceInputs, FinanceFigures, FinanceInputs, financeFigures, sumFinanceInputs } from './finance.calculator';
import { CHANNELS_SQL, ChannelRow, INGREDIENT_COST_SQL, IngredientCostRow, MEALS_SQL, MealMoneyRow } from './finance.queries';
import { ParticipationCounts, ParticipationService } from './participation.service';
import { CanteenWaste, WasteService } from './waste.service';

export interface FinanceScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** Count the staff of every site in the total participation (true when no canteen was chosen). */
  allSites: boolean;
  /** One meal period only (the dashboard's filter); absent or null for all meals, as the reports ask. */
  meal?: string | null;
  /** Count diners and staff on duty; false leaves participation empty for a caller that shows none. */
  participation?: boolean;
}

export interface CanteenFinance {
  canteenId: number;
  figures: FinanceFigures;
}

export interface FinanceResult {
  canteens: CanteenFinance[];
  total: FinanceFigures;
  /** The waste figures the costs include, per canteen, so a caller needing both reads them once. */
  waste: CanteenWaste[];
}

/** The month's money per canteen and in total, from the rollups and the small master tables. */
@Injectable()
export class FinanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participation: ParticipationService,
    private readonly wasteService: WasteService,
  ) {}

  async figures(scope: FinanceScope): Promise<FinanceResult> {
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal ?? null];
    const withParticipation = scope.participation ?? true;
    // Independent reads: on a server each takes a pooled connection of its own.
    const [meals, channels, costs, waste, participation, total] = await Promise.all([
      query<MealMoneyRow>(this.dataSource, MEALS_SQL, parameters),
      query<ChannelRow>(this.dataSource, CHANNELS_SQL, parameters),
      query<IngredientCostRow>(this.dataSource, INGREDIENT_COST_SQL, parameters),
      this.wasteService.canteens(scope),
      withParticipation ? this.participation.byCanteen(scope) : new Map<number, ParticipationCounts>(),
      withParticipation ? this.participation.total(scope) : { dinerDays: 0, staffOnDutyDays: 0, serviceDays: 0 },
    ]);
    const inputs = new Map<number, FinanceInputs>(scope.canteenIds.map((id) => [id, emptyFinanceInputs()]));
    const of = (id: number): FinanceInputs => inputs.get(id) ?? emptyFinanceInputs();
    for (const row of meals) {
      Object.assign(of(row.canteen_id), { covers: row.covers, transactions: row.transactions, refunds: row.refunds, paidFen: row.paid_fen, subsidyFen: row.subsidy_fen });
    }
    for (const row of channels) of(row.canteen_id).paidByChannel[row.channel] = row.paid_fen;
    for (const row of costs) {
      const target = of(row.canteen_id);
      target.ingredientCostFen += Math.round(row.cost_fen ?? 0);
      target.uncostedPortions = row.uncosted;
    }
    for (const row of waste) {
      const target = of(row.canteenId);
      target.ingredientCostFen += row.spoilageCostFen;
      target.wasteCostFen = row.wasteCostFen;
    }
    for (const [id, counts] of participation) Object.assign(of(id), counts);
    const canteens = scope.canteenIds.map((canteenId) => ({ canteenId, figures: financeFigures(inputs.get(canteenId)!) }));
    return { canteens, total: financeFigures(sumFinanceInputs([...inputs.values()], total)), waste };
  }
}
