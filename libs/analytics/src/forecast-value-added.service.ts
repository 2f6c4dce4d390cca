import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '@larder/domain';
import { latestForecastBeforeDaySql } from '@larder/demand';
import { sqlNumber } from '@larder/database';
import type { AccuracyScope } from './accuracy.service';
import type { ForecastValueAdded } from './dashboard/dashboard.contract';
import { forecastValueAdded, ServedDay, ValueAddedDay } from './forecast-value-added.calculator';

/**
 * How far back before the scope the dishes' servings are read: four servings of a dish on a two-week
 * rotation and a forecast made weeks ahead fit; a dish served more rarely is judged by fewer servings.
 */
const HISTORY_DAYS = 91;

/**
 * The kitchen's number for a service is what it prepared (production_log): the quantity diners met,
 * whoever decided it. Where nothing was logged, a manager's override in the approved plan stands in:
 * an approved line without an override is Larder's own number, not the kitchen's, and is left out.
 * Services of days without sales in the rollups (closed, not yet imported) are not scored, as in accuracy.
 */
const DAYS_SQL = `
WITH latest AS (${latestForecastBeforeDaySql(
  'f.p50, f.p10, f.p90, r.as_of::text AS as_of',
  'f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR f.meal = $4) AND f.dish_id <> 0 AND ($5::int IS NULL OR f.dish_id = $5)',
)}
), overridden AS (
  SELECT DISTINCT ON (l.canteen_id, l.service_date, l.meal, l.dish_id) l.canteen_id, l.service_date, l.meal, l.dish_id, l.planned_portions
  FROM plan_line l JOIN production_plan p ON p.id = l.plan_id AND p.status = 'approved'
  WHERE l.service_date BETWEEN $1::date AND $2::date AND l.canteen_id = ANY($3::int[])
    AND EXISTS (SELECT 1 FROM plan_override o WHERE o.plan_id = l.plan_id AND o.service_date = l.service_date AND o.meal = l.meal AND o.dish_id = l.dish_id)
  ORDER BY l.canteen_id, l.service_date, l.meal, l.dish_id, p.version DESC
)
SELECT l.canteen_id, l.service_date::text AS service_date, l.meal, l.dish_id, l.as_of, l.p10, l.p50, l.p90,
       COALESCE(d.quantity, 0) AS actual, COALESCE(pl.portions_prepared, o.planned_portions) AS kitchen
FROM latest l
JOIN daily_meal_rollup m ON m.canteen_id = l.canteen_id AND m.service_date = l.service_date AND m.meal = l.meal
LEFT JOIN daily_dish_rollup d ON d.canteen_id = l.canteen_id AND d.service_date = l.service_date AND d.meal = l.meal AND d.dish_id = l.dish_id
LEFT JOIN production_log pl ON pl.canteen_id = l.canteen_id AND pl.service_date = l.service_date AND pl.meal = l.meal AND pl.dish_id = l.dish_id
LEFT JOIN overridden o ON o.canteen_id = l.canteen_id AND o.service_date = l.service_date AND o.meal = l.meal AND o.dish_id = l.dish_id
ORDER BY 1, 2, 3, 4`;

const SERVED_SQL = `
SELECT canteen_id, service_date::text AS service_date, meal, dish_id, quantity
FROM daily_dish_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) AND dish_id <> 0 AND ($5::int IS NULL OR dish_id = $5)`;

/** Forecast value added on dish portions: the accuracy page and the accuracy workbook read it here. */
@Injectable()
export class ForecastValueAddedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: AccuracyScope): Promise<ForecastValueAdded> {
    const dishId = scope.dishId === 0 ? null : (scope.dishId ?? null);
    const meal = scope.meal ?? null;
    const [days, served] = await Promise.all([
      this.dataSource.query(DAYS_SQL, [scope.from, scope.to, scope.canteenIds, meal, dishId]) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(SERVED_SQL, [addDays(scope.from, -HISTORY_DAYS), scope.to, scope.canteenIds, meal, dishId]) as Promise<Record<string, unknown>[]>,
    ]);
    return forecastValueAdded(days.map(toDay), served.map(toServed));
  }
}

function toDay(row: Record<string, unknown>): ValueAddedDay {
  return {
    canteenId: sqlNumber(row.canteen_id), serviceDate: String(row.service_date), meal: String(row.meal), dishId: sqlNumber(row.dish_id),
    asOf: String(row.as_of), p10: sqlNumber(row.p10), p50: sqlNumber(row.p50), p90: sqlNumber(row.p90), actual: sqlNumber(row.actual),
    kitchen: row.kitchen === null ? null : sqlNumber(row.kitchen),
  };
}

function toServed(row: Record<string, unknown>): ServedDay {
  return { canteenId: sqlNumber(row.canteen_id), serviceDate: String(row.service_date), meal: String(row.meal), dishId: sqlNumber(row.dish_id), quantity: sqlNumber(row.quantity) };
}
