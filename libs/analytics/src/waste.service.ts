import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlNumber } from '@larder/database';

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

/** Portions cooked and thrown away, priced at the recipe cost of the day (stored on the rollup); kg without portions count as kg ÷ portion size. */
const DISH_WASTE_SQL = `
SELECT r.canteen_id, r.dish_id,
       sum(r.prepared)::bigint AS prepared, sum(r.quantity)::bigint AS sold,
       sum(r.wasted_portions)::bigint AS wasted_portions, sum(r.wasted_kg) AS wasted_kg,
       sum(CASE WHEN r.wasted_portions > 0 THEN r.wasted_portions WHEN d.portion_kg > 0 THEN r.wasted_kg / d.portion_kg ELSE 0 END
           * r.fen_per_portion) AS waste_fen
FROM daily_dish_rollup r
JOIN dish d ON d.id = r.dish_id
WHERE r.service_date BETWEEN $1::date AND $2::date AND r.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR r.meal = $4)
GROUP BY 1, 2`;

/** Per canteen from the cost rollup, where overproduction is costed as DISH_WASTE_SQL costs it per dish and spoilage at the day's unit cost. */
const CANTEEN_WASTE_SQL = `
SELECT canteen_id, sum(prepared_portions)::bigint AS prepared, sum(sold_portions)::bigint AS sold,
       sum(overproduction_portions)::bigint AS overproduction_portions, sum(overproduction_kg) AS overproduction_kg,
       sum(overproduction_cost_fen) AS overproduction_fen, sum(plate_kg) AS plate_kg, sum(spoilage_kg) AS spoilage_kg,
       sum(spoilage_cost_fen) AS spoilage_fen, sum(spoilage_uncosted_kg) AS spoilage_uncosted_kg
FROM daily_cost_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

@Injectable()
export class WasteService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per canteen and per dish; a canteen's costs are the sums of its dishes' and spoiled ingredients' costs, rounded once. */
  async waste(scope: WasteScope): Promise<{ canteens: CanteenWaste[]; dishes: Map<number, DishWaste[]> }> {
    const dishRows: Record<string, unknown>[] = await this.dataSource.query(DISH_WASTE_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    const dishes = new Map<number, DishWaste[]>();
    for (const row of dishRows) {
      const id = sqlNumber(row.canteen_id);
      const dish: DishWaste = {
        dishId: sqlNumber(row.dish_id), preparedPortions: sqlNumber(row.prepared), soldPortions: sqlNumber(row.sold), wastedPortions: sqlNumber(row.wasted_portions),
        wastedKg: sqlNumber(row.wasted_kg), wasteCostFen: Math.round(sqlNumber(row.waste_fen)),
      };
      dishes.set(id, [...(dishes.get(id) ?? []), dish]);
    }
    return { canteens: await this.canteens(scope), dishes };
  }

  /** Per canteen only, from the cost rollup: what finance and the overview need. */
  async canteens(scope: WasteScope): Promise<CanteenWaste[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(CANTEEN_WASTE_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    return rows
      .map((row) => {
        const overproductionCostFen = Math.round(sqlNumber(row.overproduction_fen));
        const spoilageCostFen = Math.round(sqlNumber(row.spoilage_fen));
        return {
          canteenId: sqlNumber(row.canteen_id), preparedPortions: sqlNumber(row.prepared), soldPortions: sqlNumber(row.sold),
          overproductionPortions: sqlNumber(row.overproduction_portions), overproductionKg: Math.round(sqlNumber(row.overproduction_kg) * 1000) / 1000,
          overproductionCostFen, plateKg: sqlNumber(row.plate_kg), spoilageKg: sqlNumber(row.spoilage_kg), spoilageCostFen,
          spoilageUncostedKg: sqlNumber(row.spoilage_uncosted_kg), wasteCostFen: overproductionCostFen + spoilageCostFen,
        };
      })
      .sort((a, b) => a.canteenId - b.canteenId);
  }

  async daily(scope: WasteScope): Promise<DailyWaste[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT service_date::text AS day, canteen_id,
              COALESCE(sum(kg) FILTER (WHERE kind = 'overproduction'), 0) AS over_kg,
              COALESCE(sum(kg) FILTER (WHERE kind = 'plate'), 0) AS plate_kg,
              COALESCE(sum(kg) FILTER (WHERE kind = 'spoilage'), 0) AS spoil_kg
       FROM waste_log WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [scope.from, scope.to, scope.canteenIds, scope.meal ?? null],
    );
    return rows.map((row) => ({
      serviceDate: String(row.day), canteenId: sqlNumber(row.canteen_id), overproductionKg: sqlNumber(row.over_kg), plateKg: sqlNumber(row.plate_kg), spoilageKg: sqlNumber(row.spoil_kg),
    }));
  }
}
