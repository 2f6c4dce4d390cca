import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '@larder/domain';
import { query } from '@larder/database';
import type { AccuracyScope } from './accuracy.service';
import type { ForecastValueAdded } from './dashboard/dashboard.contract';
import { forecastValueAdded, ServedDay, ValueAddedDay } from './forecast-value-added.calculator';
import { DAYS_SQL, SERVED_SQL, ServedRow, ValueAddedDayRow } from './forecast-value-added.queries';

/**
 * How far back before the scope the dishes' servings are read: four servings of a dish on a two-week
 * rotation and a forecast made weeks ahead fit; a dish served more rarely is judged by fewer servings.
 */
const HISTORY_DAYS = 91;

/** Forecast value added on dish portions: the accuracy page and the accuracy workbook read it here. */
@Injectable()
export class ForecastValueAddedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: AccuracyScope): Promise<ForecastValueAdded> {
    const dishId = scope.dishId === 0 ? null : (scope.dishId ?? null);
    const meal = scope.meal ?? null;
    const [days, served] = await Promise.all([
      query<ValueAddedDayRow>(this.dataSource, DAYS_SQL, [scope.from, scope.to, scope.canteenIds, meal, dishId]),
      query<ServedRow>(this.dataSource, SERVED_SQL, [addDays(scope.from, -HISTORY_DAYS), scope.to, scope.canteenIds, meal, dishId]),
    ]);
    return forecastValueAdded(days.map(toDay), served.map(toServed));
  }
}

function toDay(row: ValueAddedDayRow): ValueAddedDay {
  return {
    canteenId: row.canteen_id,
    serviceDate: row.service_date,
    meal: row.meal,
    dishId: row.dish_id,
    asOf: row.as_of,
    p10: row.p10,
    p50: row.p50,
    p90: row.p90,
    quantiles: row.quantiles,
    actual: row.actual,
    kitchen: row.kitchen,
  };
}

function toServed(row: ServedRow): ServedDay {
  return { canteenId: row.canteen_id, serviceDate: row.service_date, meal: row.meal, dishId: row.dish_id, quantity: row.quantity };
}
