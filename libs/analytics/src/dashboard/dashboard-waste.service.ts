import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { WasteService } from '../waste.service';
import type { WastePanel } from './dashboard.contract';
import { DashboardDailyService } from './dashboard-daily.service';
import { ratio, trendGrain } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';
import { CANTEEN_COVERS_SQL, CanteenCoversRow, PLATE_PORTIONS_SQL, PlatePortionsRow } from './dashboard-waste.queries';

/** The share of prepared portions thrown away that the waste page measures against (5%, a common kitchen target). */
export const WASTE_TARGET_SHARE = 0.05;

const kg = (value: number) => Math.round(value * 1000) / 1000;

/** The waste page: by kind, dish and canteen, priced as in the waste report, and its daily share. */
@Injectable()
export class DashboardWasteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wasteService: WasteService,
    private readonly daily: DashboardDailyService,
  ) {}

  async waste(scope: DashboardScope): Promise<WastePanel> {
    const grain = trendGrain(scope);
    const range = [scope.from, scope.to, scope.canteenIds, scope.meal];
    const [result, sums, plateRows, coverRows] = await Promise.all([
      this.wasteService.waste(scope),
      this.daily.sums({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, grain, allSites: scope.allSites, parts: ['costs'] }),
      query<PlatePortionsRow>(this.dataSource, PLATE_PORTIONS_SQL, range),
      query<CanteenCoversRow>(this.dataSource, CANTEEN_COVERS_SQL, range),
    ]);
    const covers = new Map(coverRows.map((row) => [row.canteen_id, row.covers]));
    const canteens = result.canteens;
    const sum = (pick: (row: (typeof canteens)[number]) => number) => canteens.reduce((total, row) => total + pick(row), 0);
    const byDish = new Map<number, { dishId: number; kg: number; portions: number; costFen: number }>();
    for (const list of result.dishes.values()) {
      for (const dish of list) {
        const row = byDish.get(dish.dishId) ?? { dishId: dish.dishId, kg: 0, portions: 0, costFen: 0 };
        row.kg += dish.wastedKg;
        row.portions += dish.wastedPortions;
        row.costFen += dish.wasteCostFen;
        byDish.set(dish.dishId, row);
      }
    }
    return {
      filters: scope.filters,
      byKind: [
        { kind: 'overproduction', kg: kg(sum((row) => row.overproductionKg)), portions: sum((row) => row.overproductionPortions), costFen: sum((row) => row.overproductionCostFen) },
        // Plate waste is weighed without a dish, so it has no recipe cost.
        { kind: 'plate', kg: kg(sum((row) => row.plateKg)), portions: plateRows[0]?.portions ?? 0, costFen: 0 },
        { kind: 'spoilage', kg: kg(sum((row) => row.spoilageKg)), portions: 0, costFen: sum((row) => row.spoilageCostFen) },
      ],
      byDish: [...byDish.values()]
        .map((row) => ({ ...row, kg: kg(row.kg) }))
        .filter((row) => row.kg > 0 || row.portions > 0)
        .sort((a, b) => b.costFen - a.costFen || a.dishId - b.dishId),
      byCanteen: canteens.map((row) => ({
        canteenId: row.canteenId,
        kg: kg(row.overproductionKg + row.plateKg + row.spoilageKg),
        pct: ratio(row.overproductionPortions, row.preparedPortions),
        costFen: row.wasteCostFen,
        platePerCoverG: covers.get(row.canteenId) ? (row.plateKg * 1000) / covers.get(row.canteenId)! : null,
      })),
      trend: sums.map((row) => ({ date: row.bucket, pct: ratio(row.overproductionPortions, row.preparedPortions), kg: kg(row.wasteKg) })),
      targetPct: WASTE_TARGET_SHARE,
      costFen: sum((row) => row.wasteCostFen),
    };
  }
}
