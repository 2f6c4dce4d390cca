import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { CANTEEN_WASTE_SQL, CanteenWasteRow, DAILY_WASTE_SQL, DailyWasteRow, DISH_WASTE_SQL, DishWasteRow } from './waste.queries';

export interface WasteScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** One meal period only; spoilage, logged without a meal, then drops out. Absent or null for all meals. */
  meal?: string | null;
}

/** Waste of one canteen over a period. Plate waste is weighed without a dish, so it has no cost. */
export interface CanteenWaste {
  canteenId: number;
  preparedPortions: number;
  soldPortions: number;
  overproductionPortions: number;
  overproductionKg: number;
  overproductionCostFen: number;
  plateKg: number;
  spoilageKg: number;
  spoilageCostFen: number;
  /** Spoiled kg without a price (counted in pieces or no supplier): weighed, not costed. */
  spoilageUncostedKg: number;
  /** Overproduction plus spoilage cost, in fen. */
  wasteCostFen: number;
}

export interface DishWaste {
  dishId: number;
  preparedPortions: number;
  soldPortions: number;
  wastedPortions: number;
  wastedKg: number;
  wasteCostFen: number;
}

export interface DailyWaste {
  serviceDate: string;
  canteenId: number;
  overproductionKg: number;
  plateKg: number;
  spoilageKg: number;
}

@Injectable()
export class WasteService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per canteen and per dish; a canteen's costs are the sums of its dishes' and spoiled ingredients' costs, rounded once. */
  async waste(scope: WasteScope): Promise<{ canteens: CanteenWaste[]; dishes: Map<number, DishWaste[]> }> {
    const dishRows = await query<DishWasteRow>(this.dataSource, DISH_WASTE_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    const dishes = new Map<number, DishWaste[]>();
    for (const row of dishRows) {
      const id = row.canteen_id;
      const dish: DishWaste = {
        dishId: row.dish_id,
        preparedPortions: row.prepared ?? 0,
        soldPortions: row.sold ?? 0,
        wastedPortions: row.wasted_portions ?? 0,
        wastedKg: row.wasted_kg ?? 0,
        wasteCostFen: Math.round(row.waste_fen ?? 0),
      };
      dishes.set(id, [...(dishes.get(id) ?? []), dish]);
    }
    return { canteens: await this.canteens(scope), dishes };
  }

  /** Per canteen only, from the cost rollup: what finance and the overview need. */
  async canteens(scope: WasteScope): Promise<CanteenWaste[]> {
    const rows = await query<CanteenWasteRow>(this.dataSource, CANTEEN_WASTE_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    return rows
      .map((row) => {
        const overproductionCostFen = Math.round(row.overproduction_fen ?? 0);
        const spoilageCostFen = Math.round(row.spoilage_fen ?? 0);
        return {
          canteenId: row.canteen_id,
          preparedPortions: row.prepared ?? 0,
          soldPortions: row.sold ?? 0,
          overproductionPortions: row.overproduction_portions ?? 0,
          overproductionKg: Math.round((row.overproduction_kg ?? 0) * 1000) / 1000,
          overproductionCostFen,
          plateKg: row.plate_kg ?? 0,
          spoilageKg: row.spoilage_kg ?? 0,
          spoilageCostFen,
          spoilageUncostedKg: row.spoilage_uncosted_kg ?? 0,
          wasteCostFen: overproductionCostFen + spoilageCostFen,
        };
      })
      .sort((a, b) => a.canteenId - b.canteenId);
  }

  async daily(scope: WasteScope): Promise<DailyWaste[]> {
    const rows = await query<DailyWasteRow>(this.dataSource, DAILY_WASTE_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    return rows.map((row) => ({ serviceDate: row.day, canteenId: row.canteen_id, overproductionKg: row.over_kg, plateKg: row.plate_kg, spoilageKg: row.spoil_kg }));
  }
}
