import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { menuEngineering } from '@larder/analytics';
import { query } from '@larder/database';
import { currentForecastRuns, DemandHistoryService } from '@larder/demand';
import { addDays, eachDate, IsoDate, isMealPeriod, isoWeekday, MealPeriod } from '@larder/domain';
import { DishInfo, DishShareModel, MenuDayObservation, parseIsoDate as toEpochDay } from '@larder/forecasting';
import type { MenuCandidate, MenuSlot, ServedDish, SlotPredictor } from '../menu/menu-proposal-types';
import {
  CoversRow,
  DAY_DISHES_SQL,
  DayDishRow,
  DISH_MEALS_SQL,
  DISHES_SQL,
  DishRow,
  FORECAST_COVERS_SQL,
  MenuRow,
  MissingRow,
  RATINGS_SQL,
  RatingRow,
  SALES_SQL,
  SalesRow,
  UNPRICED_DAYS_SQL,
} from './menu-proposal.queries';
import { PlanningDataLoader } from './planning-data.loader';
import { MENU_SQL } from './planning-data.queries';

/** How far back dishes' sales, waste and ratings are read. */
export const MENU_HISTORY_DAYS = 180;
/** The demo and most canteens rotate on a four-week cycle: a day without a menu takes the one four weeks before. */
const ROTATION_DAYS = 28;
const ROTATION_LOOKBACK = 3;
/** Weeks of covers averaged for a day the current forecast does not reach. */
const COVERS_WEEKS = 8;

export interface MenuProposalData {
  readonly candidates: MenuCandidate[];
  readonly current: MenuSlot[];
  readonly recent: ServedDish[];
  readonly predict: SlotPredictor;
}

/**
 * What a menu proposal needs of the database: the candidates' sales, waste, ratings, costs and
 * availability at this canteen, its current menu (the rotation where none is written yet), the
 * covers expected and a share model fitted on its past menus. No proposal logic here.
 */
@Injectable()
export class MenuProposalLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planning: PlanningDataLoader,
    private readonly demand: DemandHistoryService,
  ) {}

  async load(params: { canteenId: number; from: IsoDate; to: IsoDate; repeatGapDays: number }): Promise<MenuProposalData> {
    const { canteenId, from, to } = params;
    const historyTo = addDays(from, -1);
    const historyFrom = addDays(from, -MENU_HISTORY_DAYS);
    const catalogue = await this.planning.catalogue({ from, to });
    const dishes = await query<DishRow>(this.dataSource, DISHES_SQL);
    const sales = await query<SalesRow>(this.dataSource, SALES_SQL, [canteenId, historyFrom, historyTo]);
    const ratings = await query<RatingRow>(this.dataSource, RATINGS_SQL, [canteenId, historyFrom, historyTo]);
    const madeFor = await query<MenuRow>(this.dataSource, DISH_MEALS_SQL);
    const missing = await query<MissingRow>(this.dataSource, UNPRICED_DAYS_SQL, [from, to]);

    const quantityOf = new Map<number, number>();
    for (const row of sales) quantityOf.set(row.dish_id, (quantityOf.get(row.dish_id) ?? 0) + row.quantity);
    const engineering = menuEngineering(
      dishes.map((dish) => ({
        dishId: dish.id,
        quantity: quantityOf.get(dish.id) ?? 0,
        marginFen: dish.list_price_fen - catalogue.costPerPortionOn(dish.id, from),
      })),
    );
    const mealsOf = groupBy(
      madeFor,
      (row) => row.dish_id,
      (row) => row.meal as MealPeriod,
    );
    const categoryMeals = new Map<string, Set<MealPeriod>>();
    for (const dish of dishes) for (const meal of mealsOf.get(dish.id) ?? []) categoryMeals.set(dish.category, new Set([...(categoryMeals.get(dish.category) ?? []), meal]));
    const salesOf = groupBy(
      sales,
      (row) => row.dish_id,
      (row) => row,
    );
    const ratingOf = new Map(ratings.map((row) => [row.dish_id, row]));
    const missingOf = groupBy(
      missing,
      (row) => row.dish_id,
      (row) => row.day,
    );
    const days = [...eachDate(from, to)];

    const candidates: MenuCandidate[] = dishes.map((dish) => {
      const rows = salesOf.get(dish.id) ?? [];
      const prepared = rows.reduce((sum, row) => sum + row.prepared, 0);
      const leftover = rows.reduce((sum, row) => sum + row.leftover, 0);
      const rating = ratingOf.get(dish.id);
      const outOfRange = days.filter((day) => (dish.introduced_on !== null && day < dish.introduced_on) || (dish.retired_on !== null && day >= dish.retired_on));
      return {
        dishId: dish.id,
        name: dish.name,
        nameEn: dish.name_en,
        category: dish.category,
        costFen: catalogue.costPerPortionOn(dish.id, from),
        portionKg: dish.portion_kg,
        wasteRate: prepared > 0 ? leftover / prepared : 0,
        rating: rating?.rating ?? null,
        ratingCount: rating?.ratings ?? 0,
        servingsByMeal: Object.fromEntries(rows.filter((row) => isMealPeriod(row.meal)).map((row) => [row.meal, row.servings])),
        // A dish never on any menu may go where its category goes; it is judged by that category until served.
        meals: [...(mealsOf.get(dish.id) ?? categoryMeals.get(dish.category) ?? [])],
        unavailableDays: [...new Set([...(missingOf.get(dish.id) ?? []), ...outOfRange])],
        quadrant: engineering.quadrants.get(dish.id) ?? null,
      };
    });
    const current = await this.currentMenu(canteenId, from, to);
    const recentRows = await query<MenuRow>(this.dataSource, MENU_SQL, [canteenId, addDays(from, -params.repeatGapDays), historyTo]);
    return {
      candidates,
      current,
      recent: recentRows.map((row) => ({ date: row.service_date, meal: row.meal as MealPeriod, dishId: row.dish_id })),
      predict: await this.sharePredictor(canteenId, historyFrom, historyTo, dishes),
    };
  }

  /** The written menu of each day × meal, else the rotation's (four weeks back), with the covers expected. */
  private async currentMenu(canteenId: number, from: IsoDate, to: IsoDate): Promise<MenuSlot[]> {
    const lookFrom = addDays(from, -ROTATION_DAYS * ROTATION_LOOKBACK);
    const rows = await query<MenuRow>(this.dataSource, MENU_SQL, [canteenId, lookFrom, to]);
    const menus = groupBy(
      rows,
      (row) => `${row.service_date}|${row.meal}`,
      (row) => row.dish_id,
    );
    const meals = [...new Set(rows.map((row) => row.meal as MealPeriod))];
    const covers = await this.expectedCovers(canteenId, from, to);
    const slots: MenuSlot[] = [];
    for (const date of eachDate(from, to)) {
      for (const meal of meals) {
        let dishIds: number[] | undefined;
        for (let back = 0; back <= ROTATION_LOOKBACK && !dishIds; back++) dishIds = menus.get(`${addDays(date, -ROTATION_DAYS * back)}|${meal}`);
        if (dishIds) slots.push({ date, meal, covers: covers(date, meal), dishIds });
      }
    }
    return slots;
  }

  /** The current forecast's covers (dish 0); where it does not reach, the mean of the same weekday × meal. */
  private async expectedCovers(canteenId: number, from: IsoDate, to: IsoDate): Promise<(date: IsoDate, meal: MealPeriod) => number> {
    const [run] = await currentForecastRuns(this.dataSource, { canteenIds: [canteenId], from, to });
    const forecast = run ? await query<CoversRow>(this.dataSource, FORECAST_COVERS_SQL, [run.runId, canteenId, from, to]) : [];
    const past = await this.planning.coversHistory({ canteenId, from: addDays(from, -7 * COVERS_WEEKS), to: addDays(from, -1) });
    const forecastOf = new Map(forecast.map((row) => [`${row.service_date}|${row.meal}`, row.covers]));
    const usual = groupBy(
      past,
      (row) => `${isoWeekday(row.serviceDate)}|${row.meal}`,
      (row) => row.covers,
    );
    return (date, meal) => forecastOf.get(`${date}|${meal}`) ?? mean(usual.get(`${isoWeekday(date)}|${meal}`) ?? []);
  }

  /** One share model per meal, fitted on the canteen's past menus: a dish's share depends on what it competes with. */
  private async sharePredictor(canteenId: number, from: IsoDate, to: IsoDate, dishes: readonly DishRow[]): Promise<SlotPredictor> {
    const rows = await query<DayDishRow>(this.dataSource, DAY_DISHES_SQL, [canteenId, from, to]);
    // Mains and sides split their own groups' choices, as in the demand forecast.
    const groups = await this.demand.dishInfo({ asOf: toEpochDay(to), canteenIds: [canteenId] });
    const info = new Map<number, DishInfo>(dishes.map((dish) => [dish.id, groups.get(String(dish.id)) ?? { dish: String(dish.id), category: dish.category }]));
    const models = new Map<MealPeriod, DishShareModel>();
    for (const [meal, mealRows] of groupBy(
      rows,
      (row) => row.meal as MealPeriod,
      (row) => row,
    )) {
      const days: MenuDayObservation[] = [
        ...groupBy(
          mealRows,
          (row) => row.service_date,
          (row) => row,
        ),
      ].map(([date, items]) => ({
        day: toEpochDay(date),
        covers: items[0].covers,
        dishes: items.map((item) => ({ dish: String(item.dish_id), quantity: item.quantity, diners: item.diners })),
      }));
      models.set(meal, new DishShareModel().fit({ days, dishes: [...info.values()] }));
    }
    const cache = new Map<string, ReadonlyMap<number, number>>();
    return (slot, dishIds) => {
      const key = `${slot.meal}|${[...dishIds].sort((a, b) => a - b).join(',')}`;
      const known = cache.get(key);
      if (known) return known;
      const model = models.get(slot.meal);
      // A meal never served here: an even split, which the cold-start penalty already distrusts.
      const portions = model
        ? new Map([...model.portions({ covers: 1, menu: dishIds.map((dishId) => info.get(dishId)!) })].map(([dish, value]) => [Number(dish), value]))
        : new Map(dishIds.map((dishId) => [dishId, 1 / dishIds.length]));
      cache.set(key, portions);
      return portions;
    };
  }
}

function groupBy<T, K, V>(rows: readonly T[], key: (row: T) => K, value: (row: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}
