import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlNumber } from '@larder/database';
import { emptyFinanceInputs, FinanceFigures, FinanceInputs, financeFigures, sumFinanceInputs } from './finance.calculator';
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

const MEALS_SQL = `
SELECT canteen_id, sum(covers)::bigint AS covers, sum(transactions)::bigint AS transactions, sum(refunds)::bigint AS refunds,
       sum(paid_fen)::bigint AS paid_fen, sum(subsidy_fen)::bigint AS subsidy_fen
FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

const CHANNELS_SQL = `
SELECT canteen_id, channel, sum(paid_fen)::bigint AS paid_fen
FROM daily_channel_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1, 2`;

/** Portions prepared (sold, where the kitchen logged nothing) at the recipe cost of the day, summed in the cost rollup. */
const INGREDIENT_COST_SQL = `
SELECT canteen_id, sum(ingredient_cost_fen) AS cost_fen, sum(uncosted_portions)::bigint AS uncosted
FROM daily_cost_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

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
      this.dataSource.query(MEALS_SQL, parameters) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(CHANNELS_SQL, parameters) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(INGREDIENT_COST_SQL, parameters) as Promise<Record<string, unknown>[]>,
      this.wasteService.canteens(scope),
      withParticipation ? this.participation.byCanteen(scope) : new Map<number, ParticipationCounts>(),
      withParticipation ? this.participation.total(scope) : { dinerDays: 0, staffOnDutyDays: 0, serviceDays: 0 },
    ]);
    const inputs = new Map<number, FinanceInputs>(scope.canteenIds.map((id) => [id, emptyFinanceInputs()]));
    const of = (id: unknown): FinanceInputs => inputs.get(sqlNumber(id)) ?? emptyFinanceInputs();
    for (const row of meals) {
      Object.assign(of(row.canteen_id), {
        covers: sqlNumber(row.covers), transactions: sqlNumber(row.transactions), refunds: sqlNumber(row.refunds), paidFen: sqlNumber(row.paid_fen), subsidyFen: sqlNumber(row.subsidy_fen),
      });
    }
    for (const row of channels) of(row.canteen_id).paidByChannel[String(row.channel)] = sqlNumber(row.paid_fen);
    for (const row of costs) {
      const target = of(row.canteen_id);
      target.ingredientCostFen += Math.round(sqlNumber(row.cost_fen));
      target.uncostedPortions = sqlNumber(row.uncosted);
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
