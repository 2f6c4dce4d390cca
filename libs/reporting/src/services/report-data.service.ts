import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccuracyService,
  FinanceService,
  ForecastValueAddedService,
  MIN_GROUP_DINERS,
  ParticipationService,
  ReleasedSatisfactionService,
  releasedSatisfactionResult,
  SubsidyReachService,
  WasteService,
  WeeklyParticipation,
  withoutMoney,
} from '@larder/analytics';
import { addDays, isoWeek, isoWeekday, localDate } from '@larder/domain';
import { query } from '@larder/database';
import { currentPlanOf } from '@larder/procurement';
import type { AccuracyReportData } from '../layout/accuracy.layout';
import type { PurchasePlanData, SupplierOrders } from '../layout/purchase-plan.layout';
import type { Named } from '../layout/report-context';
import type { SatisfactionReportData } from '../layout/satisfaction.layout';
import type { WasteReportData } from '../layout/waste.layout';
import { DISH_NAMES_SQL, DishNameRow, PLAN_VERSIONS_SQL, PlanVersionRow, PURCHASE_PLAN_LINES_SQL, PurchasePlanLineRow } from './report-data.queries';
import { ReportScope } from './report-scope.service';

/** Gathers the figures of the satisfaction, waste, accuracy and purchase-plan reports from the shared analytics. */
@Injectable()
export class ReportDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly satisfaction: ReleasedSatisfactionService,
    private readonly participation: ParticipationService,
    private readonly waste: WasteService,
    private readonly finance: FinanceService,
    private readonly accuracy: AccuracyService,
    private readonly valueAdded: ForecastValueAddedService,
    private readonly subsidy: SubsidyReachService,
  ) {}

  private async dishes(): Promise<Map<number, Named>> {
    const rows = await query<DishNameRow>(this.dataSource, DISH_NAMES_SQL);
    return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name, nameEn: row.name_en }]));
  }

  private range(scope: ReportScope) {
    return { from: scope.period.from, to: scope.period.to, canteenIds: scope.canteenIds, allSites: scope.allCanteens, meal: scope.meal };
  }

  /**
   * The union's report: ratings, tags and participation from the released cells of the whole ISO
   * weeks that ended by the time the report is made, as on the satisfaction panel, so that no two
   * reports (weeks, months, a canteen or all) differ by a group under five diners.
   */
  async satisfactionData(scope: ReportScope): Promise<SatisfactionReportData> {
    const range = this.range(scope);
    const { period, cells } = await this.satisfaction.released(range, { today: localDate(scope.context.generatedAt, scope.context.timeZone) });
    const weekly = period ? await this.participation.weekly({ ...range, ...period, minDiners: MIN_GROUP_DINERS }) : [];
    const counts = (rows: WeeklyParticipation[]) => {
      const staffOnDutyDays = rows.reduce((sum, row) => sum + row.staffOnDutyDays, 0);
      const dinerDays = rows.reduce((sum, row) => sum + row.dinerDays, 0);
      return { dinerDays, staffOnDutyDays, participation: staffOnDutyDays > 0 ? dinerDays / staffOnDutyDays : null };
    };
    return {
      context: scope.context,
      period,
      canteens: scope.canteens.map((canteen) => ({
        id: canteen.id,
        code: canteen.code,
        name: canteen.name,
        nameEn: canteen.nameEn,
        participation: counts(weekly.filter((row) => row.canteenId === canteen.id)).participation,
      })),
      dishes: await this.dishes(),
      result: releasedSatisfactionResult(cells, scope.canteenIds),
      participationTotal: { ...counts(weekly.filter((row) => row.canteenId === null)), allSites: scope.allCanteens },
      weeklyParticipation: weekly,
      subsidyReach: await this.reachWithoutMoney(scope),
    };
  }

  private async reachWithoutMoney(scope: ReportScope) {
    const view = await this.subsidy.reach({ from: scope.period.from, to: scope.period.to });
    return { ...view, ...withoutMoney(view) };
  }

  async wasteData(scope: ReportScope): Promise<WasteReportData> {
    const range = this.range(scope);
    const waste = await this.waste.waste(range);
    const finance = await this.finance.figures(range);
    const dishes = await this.dishes();
    const byId = new Map(scope.canteens.map((canteen) => [canteen.id, canteen]));
    const empty = (canteenId: number) => ({
      canteenId,
      preparedPortions: 0,
      soldPortions: 0,
      overproductionPortions: 0,
      overproductionKg: 0,
      overproductionCostFen: 0,
      plateKg: 0,
      spoilageKg: 0,
      spoilageCostFen: 0,
      spoilageUncostedKg: 0,
      wasteCostFen: 0,
    });
    return {
      context: scope.context,
      canteens: scope.canteens.map((canteen) => ({
        id: canteen.id,
        code: canteen.code,
        name: canteen.name,
        nameEn: canteen.nameEn,
        covers: finance.canteens.find((row) => row.canteenId === canteen.id)?.figures.covers ?? 0,
        waste: waste.canteens.find((row) => row.canteenId === canteen.id) ?? empty(canteen.id),
      })),
      dishes: scope.canteens.flatMap((canteen) =>
        (waste.dishes.get(canteen.id) ?? [])
          .filter((dish) => dish.wastedPortions > 0 || dish.wastedKg > 0)
          .sort((a, b) => b.wasteCostFen - a.wasteCostFen)
          .map((dish) => ({ canteen, dish: dishes.get(dish.dishId) ?? { code: String(dish.dishId), name: String(dish.dishId), nameEn: String(dish.dishId) }, waste: dish })),
      ),
      daily: (await this.waste.daily(range)).map((day) => ({ ...day, canteen: byId.get(day.canteenId)! })),
    };
  }

  /** Covers and every dish, or the one dish of the scope against its portions sold. */
  async accuracyData(scope: ReportScope): Promise<AccuracyReportData> {
    const range = { ...this.range(scope), dishId: scope.dish?.id ?? null };
    const stored = await this.accuracy.forecastPairs(range);
    const valueAdded = await this.valueAdded.figures(range);
    return {
      context: scope.context,
      canteens: scope.canteens.map((canteen) => ({ id: canteen.id, code: canteen.code, name: canteen.name, nameEn: canteen.nameEn })),
      dish: scope.dish,
      dishes: await this.dishes(),
      stored: stored.stored,
      pairs: stored.pairs,
      leadPairs: stored.stored > 0 ? await this.accuracy.leadPairs(range) : [],
      valueAdded,
    };
  }

  /**
   * The orders of the given plans, else of each canteen's current plan (`currentPlanOf`, as the
   * Purchasing page shows it) of the weeks that begin in the period; cancelled ones left out,
   * grouped by supplier.
   */
  async purchasePlanData(scope: ReportScope, planIds?: readonly string[]): Promise<PurchasePlanData> {
    const chosen = planIds ?? (await this.currentPlans(scope));
    const rows = await query<PurchasePlanLineRow>(this.dataSource, PURCHASE_PLAN_LINES_SQL, [scope.canteenIds, [...chosen]]);
    const suppliers = new Map<number, SupplierOrders & { orderIds: Set<string> }>();
    for (const row of rows) {
      const id = row.supplier_id;
      let entry = suppliers.get(id);
      if (!entry) {
        entry = {
          supplier: { code: row.supplier_code, name: row.supplier_name, nameEn: row.supplier_name_en, contact: row.contact },
          orders: 0,
          lines: [],
          orderIds: new Set(),
        };
        suppliers.set(id, entry);
      }
      entry.orderIds.add(row.order_id);
      entry.lines.push({
        canteen: { code: row.canteen_code, name: row.canteen_name, nameEn: row.canteen_name_en },
        orderDate: row.order_date,
        deliveryDate: row.delivery_date,
        ingredient: { code: row.ingredient_code, name: row.ingredient_name, nameEn: row.ingredient_name_en },
        unit: row.unit,
        sku: row.sku,
        packSize: row.pack_size,
        packs: row.packs,
        packPriceFen: row.pack_price_fen,
        amountFen: row.amount_fen,
        status: row.status,
        late: row.late,
      });
    }
    return {
      context: scope.context,
      suppliers: [...suppliers.values()].map(({ orderIds, ...entry }) => ({ ...entry, orders: orderIds.size })),
    };
  }

  /** Each scope canteen's current plan of every ISO week that begins in the period. */
  private async currentPlans(scope: ReportScope): Promise<string[]> {
    const weeks: string[] = [];
    for (let day = scope.period.from; day <= scope.period.to; day = addDays(day, 1)) if (isoWeekday(day) === 1) weeks.push(isoWeek(day));
    const plans = await query<PlanVersionRow>(this.dataSource, PLAN_VERSIONS_SQL, [scope.canteenIds, weeks]);
    const byWeek = new Map<string, PlanVersionRow[]>();
    for (const plan of plans) {
      const key = `${plan.canteen_id}|${plan.week}`;
      byWeek.set(key, [...(byWeek.get(key) ?? []), plan]);
    }
    return [...byWeek.values()].flatMap((versions) => currentPlanOf(versions)?.id ?? []);
  }
}
