import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COST_CTES } from '@larder/database';

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

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

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

const LOGGED_WASTE_SQL = `
WITH ${COST_CTES}
SELECT w.canteen_id,
       COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'plate'), 0) AS plate_kg,
       COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_kg,
       COALESCE(sum(w.kg * uc.fen_per_unit) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_fen,
       COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage' AND uc.fen_per_unit IS NULL), 0) AS spoilage_uncosted_kg
FROM waste_log w
LEFT JOIN ingredient i ON i.id = w.ingredient_id
LEFT JOIN unit_cost uc ON uc.d = w.service_date AND uc.ingredient_id = w.ingredient_id AND i.unit IN ('kg', 'l')
WHERE w.service_date BETWEEN $1::date AND $2::date AND w.canteen_id = ANY($3::int[]) AND w.kind IN ('plate', 'spoilage')
  AND ($4::text IS NULL OR w.meal = $4)
GROUP BY 1`;

@Injectable()
export class WasteService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per canteen and per dish in one pass; the per-canteen cost is the sum of the dish costs, rounded once per canteen. */
  async waste(scope: WasteScope): Promise<{ canteens: CanteenWaste[]; dishes: Map<number, DishWaste[]> }> {
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal ?? null];
    const dishRows: Record<string, unknown>[] = await this.dataSource.query(DISH_WASTE_SQL, parameters);
    const loggedRows: Record<string, unknown>[] = await this.dataSource.query(LOGGED_WASTE_SQL, parameters);
    const dishes = new Map<number, DishWaste[]>();
    const canteens = new Map<number, CanteenWaste>();
    const canteen = (id: number): CanteenWaste => {
      let row = canteens.get(id);
      if (!row) {
        row = {
          canteenId: id, preparedPortions: 0, soldPortions: 0, overproductionPortions: 0, overproductionKg: 0, overproductionCostFen: 0,
          plateKg: 0, spoilageKg: 0, spoilageCostFen: 0, spoilageUncostedKg: 0, wasteCostFen: 0,
        };
        canteens.set(id, row);
      }
      return row;
    };
    for (const row of dishRows) {
      const id = num(row.canteen_id);
      const dish: DishWaste = {
        dishId: num(row.dish_id), preparedPortions: num(row.prepared), soldPortions: num(row.sold), wastedPortions: num(row.wasted_portions),
        wastedKg: num(row.wasted_kg), wasteCostFen: num(row.waste_fen),
      };
      dishes.set(id, [...(dishes.get(id) ?? []), dish]);
      const target = canteen(id);
      target.preparedPortions += dish.preparedPortions;
      target.soldPortions += dish.soldPortions;
      target.overproductionPortions += dish.wastedPortions;
      target.overproductionKg += dish.wastedKg;
      target.overproductionCostFen += dish.wasteCostFen;
    }
    for (const row of loggedRows) {
      const target = canteen(num(row.canteen_id));
      target.plateKg = num(row.plate_kg);
      target.spoilageKg = num(row.spoilage_kg);
      target.spoilageCostFen = Math.round(num(row.spoilage_fen));
      target.spoilageUncostedKg = num(row.spoilage_uncosted_kg);
    }
    for (const target of canteens.values()) {
      target.overproductionCostFen = Math.round(target.overproductionCostFen);
      target.overproductionKg = Math.round(target.overproductionKg * 1000) / 1000;
      target.wasteCostFen = target.overproductionCostFen + target.spoilageCostFen;
    }
    for (const list of dishes.values()) {
      for (const dish of list) dish.wasteCostFen = Math.round(dish.wasteCostFen);
    }
    return { canteens: [...canteens.values()].sort((a, b) => a.canteenId - b.canteenId), dishes };
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
      serviceDate: String(row.day), canteenId: num(row.canteen_id), overproductionKg: num(row.over_kg), plateKg: num(row.plate_kg), spoilageKg: num(row.spoil_kg),
    }));
  }
}
