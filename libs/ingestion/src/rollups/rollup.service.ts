import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { query } from '@larder/database';
import { DAY_PAIRS, DAY_RANGE, deleteChannelRollup, deleteCostRollup, insertChannelRollup, insertCostRollup } from './rollup-canteen-day.sql';
import { CLEAR_DISH_COST_DAYS, CLEAR_DISH_COST_MEALS, PRICE_DISH_COST_DAYS, PRICE_DISH_COST_MEALS } from './rollup-cost.sql';
import { DAYS, deleteRollup, INSERT_FEEDBACK_ROLLUP, insertDishRollup, insertHourlyRollup, insertMealRollup, MEALS } from './rollup.sql';

export interface RollupScope {
  canteenIds: number[];
  from: string;
  to: string;
}

/** A canteen-day-meal: "canteenId|yyyy-mm-dd|meal". */
export type MealKey = string;

export function mealArrays(meals: readonly MealKey[]): [number[], string[], string[]] {
  const parts = meals.map((meal) => meal.split('|'));
  return [parts.map((part) => Number(part[0])), parts.map((part) => part[1]), parts.map((part) => part[2])];
}

/** The DAY_PAIRS parameters of these meals' canteen-days: first date, last date, canteen ids, dates. */
function canteenDays(meals: readonly MealKey[]): [string, string, number[], string[]] {
  const days = [...new Set(meals.map((meal) => meal.slice(0, meal.lastIndexOf('|'))))].map((day) => day.split('|'));
  const dates = days.map((day) => day[1]).sort();
  return [dates[0], dates[dates.length - 1], days.map((day) => Number(day[0])), days.map((day) => day[1])];
}

/** Keeps the daily rollups that dashboards and reports read in step with the facts. */
@Injectable()
export class RollupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rebuilds the rollups of the given canteen-days; pass the manager of an open transaction to join it. */
  async refresh(scope: RollupScope, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (scope.canteenIds.length === 0) return;
    const parameters = [scope.canteenIds, scope.from, scope.to];
    await manager.query(deleteRollup('daily_dish_rollup', DAYS), parameters);
    await manager.query(deleteRollup('daily_meal_rollup', DAYS), parameters);
    await manager.query(insertDishRollup(DAYS), parameters);
    await manager.query(insertMealRollup(DAYS), parameters);
    await this.priceDays({ canteenIds: scope.canteenIds, from: scope.from, to: scope.to }, manager);
    const days = [scope.from, scope.to, scope.canteenIds];
    await manager.query(deleteChannelRollup(DAY_RANGE), days);
    await manager.query(insertChannelRollup(DAY_RANGE), days);
    await manager.query(deleteRollup('hourly_load_rollup', DAYS), parameters);
    await manager.query(insertHourlyRollup(DAYS), parameters);
    await this.refreshFeedback(scope, manager);
  }

  /**
   * Rebuilds the rollups that facts of one import kind feed: feedback feeds only its own rollup, so a
   * year of answers does not rebuild a year of sales rollups; every other kind feeds the lot.
   */
  async refreshKind(kind: string, scope: RollupScope, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await (kind === 'feedback' ? this.refreshFeedback(scope, manager) : this.refresh(scope, manager));
  }

  async refreshFeedback(scope: RollupScope, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (scope.canteenIds.length === 0) return;
    const parameters = [scope.canteenIds, scope.from, scope.to];
    await manager.query(deleteRollup('daily_feedback_rollup', DAYS), parameters);
    await manager.query(INSERT_FEEDBACK_ROLLUP, parameters);
  }

  /** Rebuilds the rollups of exactly these canteen-day-meals from all their facts. */
  async refreshMeals(meals: readonly MealKey[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (meals.length === 0) return;
    const parameters = mealArrays(meals);
    await manager.query(deleteRollup('daily_dish_rollup', MEALS), parameters);
    await manager.query(deleteRollup('daily_meal_rollup', MEALS), parameters);
    await manager.query(insertDishRollup(MEALS), parameters);
    await manager.query(insertMealRollup(MEALS), parameters);
    await this.priceMeals(meals, manager);
    await this.refreshChannels(meals, manager);
    await this.refreshHours(meals, manager);
  }

  /**
   * Stores each dish rollup row's portion cost at the day's prices for these canteen-days (every
   * canteen when canteenIds is null), and rebuilds their cost rollup. Rollup rebuilds call it; so does
   * an import of prices, supplier items or recipes, which changes the cost of days whose facts did not change.
   */
  async priceDays(scope: { canteenIds: number[] | null; from: string; to: string }, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const parameters = [scope.from, scope.to, scope.canteenIds];
    await manager.query(CLEAR_DISH_COST_DAYS, parameters);
    await manager.query(PRICE_DISH_COST_DAYS, parameters);
    await manager.query(deleteCostRollup(DAY_RANGE), parameters);
    await manager.query(insertCostRollup(DAY_RANGE), parameters);
  }

  /** Re-prices every dish rollup row and the cost rollup, after the prices or recipes changed. */
  async priceAll(manager: EntityManager = this.dataSource.manager): Promise<void> {
    // Spoilage can be logged on days without a dish rollup row; the cost rollup prices those too.
    const [span] = await query<{ first: string | null; last: string | null }>(
      manager,
      `SELECT min(d)::text AS first, max(d)::text AS last
       FROM (SELECT min(service_date) AS d FROM daily_dish_rollup UNION ALL SELECT max(service_date) FROM daily_dish_rollup
             UNION ALL SELECT min(service_date) FROM waste_log UNION ALL SELECT max(service_date) FROM waste_log) ends`,
    );
    if (span?.first && span.last) await this.priceDays({ canteenIds: null, from: span.first, to: span.last }, manager);
  }

  /**
   * Stores the portion cost of the dish rollup rows of exactly these canteen-day-meals, and rebuilds
   * the cost rollup of their canteen-days (a day's spoilage is logged without a meal).
   */
  async priceMeals(meals: readonly MealKey[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (meals.length === 0) return;
    const [canteens, dates, periods] = mealArrays(meals);
    const days = canteenDays(meals);
    await manager.query(CLEAR_DISH_COST_MEALS, [canteens, dates, periods]);
    await manager.query(PRICE_DISH_COST_MEALS, [days[0], days[1], canteens, dates, periods]);
    await manager.query(deleteCostRollup(DAY_PAIRS), days);
    await manager.query(insertCostRollup(DAY_PAIRS), days);
  }

  /** Rebuilds the channel rollup of these meals' canteen-days from the meal rollup, after the payments of those meals changed. */
  async refreshChannels(meals: readonly MealKey[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (meals.length === 0) return;
    const days = canteenDays(meals);
    await manager.query(deleteChannelRollup(DAY_PAIRS), days);
    await manager.query(insertChannelRollup(DAY_PAIRS), days);
  }

  /**
   * Rebuilds only the hourly load of these canteen-day-meals. An import calls it for the meals whose
   * daily rollups it filled from the reader's figures: the reader keeps no hours, and reading the
   * payments of just those meals back goes through the (canteen, date) index, never a scan.
   */
  async refreshHours(meals: readonly MealKey[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (meals.length === 0) return;
    const parameters = mealArrays(meals);
    await manager.query(deleteRollup('hourly_load_rollup', MEALS), parameters);
    await manager.query(insertHourlyRollup(MEALS), parameters);
  }
}
