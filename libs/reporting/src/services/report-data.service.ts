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
import { sqlNumber } from '@larder/database';
import { currentPlanOf } from '@larder/procurement';
import type { AccuracyReportData } from '../layout/accuracy.layout';
import type { PurchasePlanData, SupplierOrders } from '../layout/purchase-plan.layout';
import type { Named } from '../layout/report-context';
import type { SatisfactionReportData } from '../layout/satisfaction.layout';
import type { WasteReportData } from '../layout/waste.layout';
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
    const rows: Record<string, unknown>[] = await this.dataSource.query('SELECT id, code, name, name_en FROM dish');
    return new Map(rows.map((row) => [sqlNumber(row.id), { code: String(row.code), name: String(row.name), nameEn: String(row.name_en) }]));
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
    const share = (rows: WeeklyParticipation[]) => {
      const staff = rows.reduce((sum, row) => sum + row.staffOnDutyDays, 0);
      return staff > 0 ? rows.reduce((sum, row) => sum + row.dinerDays, 0) / staff : null;
    };
    return {
      context: scope.context,
      period,
      canteens: scope.canteens.map((canteen) => ({
        id: canteen.id,
        code: canteen.code,
        name: canteen.name,
        nameEn: canteen.nameEn,
        participation: share(weekly.filter((row) => row.canteenId === canteen.id)),
      })),
      dishes: await this.dishes(),
      result: releasedSatisfactionResult(cells, scope.canteenIds),
      totalParticipation: share(weekly.filter((row) => row.canteenId === null)),
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

  async accuracyData(scope: ReportScope): Promise<AccuracyReportData> {
    const stored = await this.accuracy.forecastPairs(this.range(scope));
    const valueAdded = await this.valueAdded.figures(this.range(scope));
    return {
      context: scope.context,
      canteens: scope.canteens.map((canteen) => ({ id: canteen.id, code: canteen.code, name: canteen.name, nameEn: canteen.nameEn })),
      dishes: await this.dishes(),
      stored: stored.stored,
      pairs: stored.pairs,
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
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name, s.name_en AS supplier_name_en, s.contact,
              o.id AS order_id, o.order_date::text AS order_date, o.delivery_date::text AS delivery_date, o.status,
              c.code AS canteen_code, c.name AS canteen_name, c.name_en AS canteen_name_en,
              i.code AS ingredient_code, i.name AS ingredient_name, i.name_en AS ingredient_name_en, i.unit,
              si.sku, si.pack_size, l.packs, l.pack_price_fen, l.amount_fen
       FROM purchase_order o
       JOIN purchase_order_line l ON l.order_id = o.id
       JOIN supplier s ON s.id = o.supplier_id
       JOIN canteen c ON c.id = o.canteen_id
       JOIN ingredient i ON i.id = l.ingredient_id
       JOIN supplier_item si ON si.id = l.supplier_item_id
       WHERE o.plan_id = ANY($2::uuid[]) AND o.canteen_id = ANY($1::int[]) AND o.status <> 'cancelled'
       ORDER BY s.code, o.delivery_date, c.code, i.code, si.sku`,
      [scope.canteenIds, [...chosen]],
    );
    const suppliers = new Map<number, SupplierOrders & { orderIds: Set<string> }>();
    for (const row of rows) {
      const id = sqlNumber(row.supplier_id);
      let entry = suppliers.get(id);
      if (!entry) {
        entry = {
          supplier: { code: String(row.supplier_code), name: String(row.supplier_name), nameEn: String(row.supplier_name_en), contact: row.contact === null ? null : String(row.contact) },
          orders: 0,
          lines: [],
          orderIds: new Set(),
        };
        suppliers.set(id, entry);
      }
      entry.orderIds.add(String(row.order_id));
      entry.lines.push({
        canteen: { code: String(row.canteen_code), name: String(row.canteen_name), nameEn: String(row.canteen_name_en) },
        orderDate: String(row.order_date),
        deliveryDate: String(row.delivery_date),
        ingredient: { code: String(row.ingredient_code), name: String(row.ingredient_name), nameEn: String(row.ingredient_name_en) },
        unit: String(row.unit),
        sku: String(row.sku),
        packSize: sqlNumber(row.pack_size),
        packs: sqlNumber(row.packs),
        packPriceFen: sqlNumber(row.pack_price_fen),
        amountFen: sqlNumber(row.amount_fen),
        status: String(row.status),
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
    const plans: PlanVersionRow[] = await this.dataSource.query('SELECT id, canteen_id, week, version, status FROM production_plan WHERE canteen_id = ANY($1::int[]) AND week = ANY($2::text[])', [
      scope.canteenIds,
      weeks,
    ]);
    const byWeek = new Map<string, PlanVersionRow[]>();
    for (const plan of plans) {
      const key = `${plan.canteen_id}|${plan.week}`;
      byWeek.set(key, [...(byWeek.get(key) ?? []), plan]);
    }
    return [...byWeek.values()].flatMap((versions) => currentPlanOf(versions)?.id ?? []);
  }
}

interface PlanVersionRow {
  id: string;
  canteen_id: number;
  week: string;
  version: number;
  status: string;
}
