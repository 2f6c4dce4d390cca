import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { dayService, DayKind, isMealPeriod, MealPeriod, subsidyRuleInForce, SubsidyRuleTerms } from '@larder/domain';
import { createCalendar, DishInfo, parseIsoDate as toEpochDay, ServiceCalendar } from '@larder/forecasting';
import type { DishDay } from './dish-split';
import {
  CALENDAR_DAYS_SQL,
  CalendarDayRow,
  CANTEEN_BY_CODE_SQL,
  CanteenRow,
  canteensSql,
  CLOSURES_SQL,
  ClosureRow,
  COVERS_SQL,
  CoversRow,
  DISH_CATEGORIES_SQL,
  DISH_LINES_SHARED_SQL,
  DISH_SALES_SQL,
  DishCategoryRow,
  DishLinesRow,
  DishSaleRow,
  HEADCOUNT_SQL,
  HeadcountRow,
  IdRow,
  LastDayRow,
  LATEST_SERVICE_DATE_SQL,
  MENU_ITEMS_SQL,
  MenuItemRow,
  OnSiteRow,
  OUTLYING_ON_SITE_SQL,
  SUBSIDY_RULES_SQL,
  SubsidyRuleRow,
} from './demand-history.queries';
import type { MealForecastInput } from './meal-forecaster';

export interface CanteenRef {
  readonly id: number;
  readonly code: string;
  readonly siteId: number;
  readonly opensWeekends: boolean;
}

/** Epoch-day window of one run. */
export interface RunWindow {
  /** First day of covers history read. */
  readonly historyFrom: number;
  /** First day of dish history read (the share model's window). */
  readonly sharesFrom: number;
  readonly asOf: number;
  /** Last day of the horizon (asOf + horizonDays). */
  readonly horizonEnd: number;
}

export type MealInput = Omit<MealForecastInput, 'dishInfo' | 'calendar'>;

interface DishSale {
  readonly quantity: number;
  readonly diners: number;
  readonly soldOut: boolean;
}

/** Driver columns of the covers models, in the order the regression sees them. */
export const DRIVERS = ['staff_on_duty', 'staff_on_leave', 'staff_travelling', 'overtime', 'staff_remote', 'subsidy_fen'] as const;
type DriverName = (typeof DRIVERS)[number];
/** The named drivers, plus `staff_on_site_<site>` for each site without a canteen of its own. */
type DriverRow = Record<DriverName, number> & Record<string, number>;

/** Dish categories whose dishes are side orders when their sales do not say: they split their own portions, not the mains'. */
const SIDE_CATEGORIES = new Set(['soup', 'drink', 'dessert']);
/** Days of sale lines read to tell sides from mains. */
const ROLE_DAYS = 28;
/** Fewer lines than this in those days and the category decides. */
const MIN_ROLE_LINES = 30;
/**
 * Share of a dish's lines in multi-line transactions above which it is a side. Mains are bought alone
 * most of the time (a side with them now and then); sides almost never are. Between the two there is
 * a wide gap, so the exact value matters little.
 */
const SIDE_SHARED_SHARE = 2 / 3;

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Reads what a forecast run needs, from the rollups (never raw sales), menus, closures, HR
 * headcount, subsidy rules and the holiday calendar. One canteen at a time keeps memory flat.
 */
@Injectable()
export class DemandHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canteens(ids?: readonly number[]): Promise<CanteenRef[]> {
    const rows = await query<CanteenRow>(this.dataSource, canteensSql(ids !== undefined), ids ? [ids] : []);
    return rows.map((row) => ({ id: row.id, code: row.code, siteId: row.site_id, opensWeekends: row.opens_weekends }));
  }

  async canteenByCode(code: string): Promise<CanteenRef | undefined> {
    const [row] = await query<IdRow>(this.dataSource, CANTEEN_BY_CODE_SQL, [code]);
    return row ? (await this.canteens([row.id]))[0] : undefined;
  }

  async latestServiceDate(): Promise<string | null> {
    const [row] = await query<LastDayRow>(this.dataSource, LATEST_SERVICE_DATE_SQL);
    return row?.last ?? null;
  }

  /** Holidays and make-up working days from `calendar_day`, plus the summer months as a period. */
  async calendar(window: RunWindow): Promise<ServiceCalendar> {
    const from = iso(window.historyFrom - 14);
    const to = iso(window.horizonEnd + 14);
    const rows = await query<CalendarDayRow>(this.dataSource, CALENDAR_DAYS_SQL, [from, to]);
    const days: Record<string, DayKind> = {};
    for (const row of rows) if (row.kind !== 'workday') days[row.day] = row.kind;
    const periods = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) periods.push({ name: 'summer', from: `${year}-07-01`, to: `${year}-08-31` });
    return createCalendar({ days, periods });
  }

  /**
   * Every dish with its category (the cold-start prior) and its group: side orders or mains. A side is
   * what diners buy *with* something else (congee, a tea egg, a drink beside the main), whatever its
   * category: so the group comes from how the dish was bought in the `ROLE_DAYS` up to `asOf` in these
   * canteens — a dish sold in a transaction of two or more lines more than `SIDE_SHARED_SHARE` of the
   * time is a side. Dishes with too few recent sales fall back to their category.
   */
  async dishInfo(scope: { asOf: number; canteenIds: readonly number[] }): Promise<Map<string, DishInfo>> {
    const rows = await query<DishCategoryRow>(this.dataSource, DISH_CATEGORIES_SQL);
    const bought = await query<DishLinesRow>(this.dataSource, DISH_LINES_SHARED_SQL, [[...scope.canteenIds], iso(scope.asOf - ROLE_DAYS + 1), iso(scope.asOf)]);
    const byDish = new Map(bought.map((row) => [row.dish_id, row]));
    return new Map(
      rows.map((row) => {
        const sales = byDish.get(row.id);
        const side = sales && sales.lines >= MIN_ROLE_LINES ? sales.shared / sales.lines > SIDE_SHARED_SHARE : SIDE_CATEGORIES.has(row.category);
        return [String(row.id), { dish: String(row.id), category: row.category, group: side ? 'side' : 'main' }];
      }),
    );
  }

  /** Day kinds of the horizon, for the weekday-only rule. */
  async dayKinds(window: RunWindow): Promise<Map<number, DayKind>> {
    const rows = await query<CalendarDayRow>(this.dataSource, CALENDAR_DAYS_SQL, [iso(window.asOf + 1), iso(window.horizonEnd)]);
    return new Map(rows.map((row) => [toEpochDay(row.day), row.kind]));
  }

  /** The inputs of every meal of one canteen that has service history up to asOf. */
  async mealInputs(canteen: CanteenRef, window: RunWindow): Promise<Map<MealPeriod, MealInput>> {
    const covers = await this.covers(canteen.id, window);
    const drivers = await this.driverTable(canteen.siteId, window);
    const menus = await this.menus(canteen, window);
    const sold = await this.dishSales(canteen.id, window);
    const inputs = new Map<MealPeriod, MealInput>();
    for (const [meal, history] of covers) {
      const rows = drivers(meal);
      const horizon = [...(menus.future.get(meal) ?? new Map<number, string[]>())].sort(([a], [b]) => a - b).map(([day, menu]) => ({ day, menu: menu.sort() }));
      const dishDays: DishDay[] = [];
      for (const [day, menu] of [...(menus.past.get(meal) ?? [])].sort(([a], [b]) => a - b)) {
        const dayCovers = history.get(day);
        if (dayCovers === undefined) continue;
        const quantities = sold.get(`${meal}|${day}`) ?? new Map<string, DishSale>();
        const dishes = [...new Set([...menu, ...quantities.keys()])].sort().map((dish) => {
          const sale = quantities.get(dish);
          if (!sale) return { dish, quantity: 0 };
          return sale.soldOut ? { dish, quantity: sale.quantity, diners: sale.diners, censored: true } : { dish, quantity: sale.quantity, diners: sale.diners };
        });
        dishDays.push({ day, covers: dayCovers, dishes });
      }
      const days = [...history.keys()].sort((a, b) => a - b);
      inputs.set(meal, {
        days,
        covers: days.map((day) => history.get(day)!),
        drivers: columns(days.map((day) => rows(day))),
        horizon,
        horizonDrivers: columns(horizon.map((entry) => rows(entry.day))),
        dishDays,
      });
    }
    return inputs;
  }

  private async covers(canteenId: number, window: RunWindow): Promise<Map<MealPeriod, Map<number, number>>> {
    const rows = await query<CoversRow>(this.dataSource, COVERS_SQL, [canteenId, iso(window.historyFrom), iso(window.asOf)]);
    const byMeal = new Map<MealPeriod, Map<number, number>>();
    for (const row of rows) {
      if (!isMealPeriod(row.meal)) continue;
      const series = byMeal.get(row.meal) ?? new Map<number, number>();
      series.set(toEpochDay(row.service_date), row.covers);
      byMeal.set(row.meal, series);
    }
    return byMeal;
  }

  /**
   * Site headcount (planned figures for future days) and the meal's subsidy, by day. A day without
   * a headcount row takes the nearest earlier one (the first one before any), so a late HR feed
   * does not stop the forecast; without any headcount the staff drivers are left out.
   */
  private async driverTable(siteId: number, window: RunWindow): Promise<(meal: MealPeriod) => (day: number) => Partial<DriverRow>> {
    const headcount = await query<HeadcountRow>(this.dataSource, HEADCOUNT_SQL, [siteId, iso(window.historyFrom), iso(window.horizonEnd)]);
    const staffDays = Int32Array.from(headcount, (row) => toEpochDay(row.day));
    const ruleRows = await query<SubsidyRuleRow>(this.dataSource, SUBSIDY_RULES_SQL);
    const rules: SubsidyRuleTerms[] = ruleRows.map((row) => ({ validFrom: row.valid_from, meal: row.meal, subsidyFen: row.subsidy_fen }));
    const outlying = await this.outlyingSitesOnSite(window);
    const staffOn = (day: number): Partial<DriverRow> => {
      if (headcount.length === 0) return {};
      let index = upperBound(staffDays, day) - 1;
      if (index < 0) index = 0;
      const row = headcount[index];
      const own: Partial<DriverRow> = {
        staff_on_duty: row.on_duty,
        staff_on_leave: row.on_leave,
        staff_travelling: row.travelling,
        overtime: row.overtime,
        staff_remote: row.remote,
      };
      return { ...own, ...outlying(day) };
    };
    return (meal) => {
      const mealRules = rules.filter((rule) => rule.meal === meal);
      return (day) => {
        const drivers = staffOn(day);
        if (mealRules.length === 0) return drivers;
        // Before the meal's first rule the driver takes that rule, so the model sees no step that never happened.
        const rule = subsidyRuleInForce(mealRules, meal, iso(day)) ?? mealRules[0];
        return { ...drivers, subsidy_fen: rule.subsidyFen };
      };
    };
  }

  /**
   * Staff at work on the sites that have no canteen of their own (stations, substations), by day:
   * on duty less those working away. They eat at whichever canteen is near, so the covers of the
   * canteens they use swing with how many of them are about (a station roster changes every day);
   * the regression learns per canteen which of those sites' swing reaches it and how much. One
   * column `staff_on_site_<site id>` per such site.
   */
  private async outlyingSitesOnSite(window: RunWindow): Promise<(day: number) => Record<string, number>> {
    const rows = await query<OnSiteRow>(this.dataSource, OUTLYING_ON_SITE_SQL, [iso(window.historyFrom), iso(window.horizonEnd)]);
    const bySite = new Map<number, { days: number[]; values: number[] }>();
    for (const row of rows) {
      const site = bySite.get(row.site_id) ?? { days: [], values: [] };
      site.days.push(toEpochDay(row.day));
      site.values.push(row.on_site);
      bySite.set(row.site_id, site);
    }
    const sites = [...bySite].map(([id, site]) => ({ name: `staff_on_site_${id}`, days: Int32Array.from(site.days), values: site.values }));
    return (day) => {
      const row: Record<string, number> = {};
      for (const site of sites) {
        // A late HR feed: the nearest earlier row stands, as for the canteen's own site.
        row[site.name] = site.values[Math.max(0, upperBound(site.days, day) - 1)];
      }
      return row;
    };
  }

  /**
   * Menus by meal and day: past ones (share model) and future service days — a day with a menu,
   * outside any closure, and for a weekday-only canteen not a weekend or public holiday.
   */
  private async menus(canteen: CanteenRef, window: RunWindow) {
    const rows = await query<MenuItemRow>(this.dataSource, MENU_ITEMS_SQL, [canteen.id, iso(window.sharesFrom), iso(window.horizonEnd)]);
    const closures = await query<ClosureRow>(this.dataSource, CLOSURES_SQL, [canteen.id, iso(window.asOf + 1), iso(window.horizonEnd)]);
    const closed = closures.map((closure) => ({ from: toEpochDay(closure.from_date), to: toEpochDay(closure.to_date) }));
    const kinds = await this.dayKinds(window);
    // the overview's rule (dayService): a day with a menu is served unless the canteen is closed then
    const isServiceDay = (day: number) =>
      dayService({
        date: iso(day),
        kind: kinds.get(day) ?? null,
        opensWeekends: canteen.opensWeekends,
        closure: closed.some((closure) => closure.from <= day && day <= closure.to) ? { reason: '' } : null,
        hasMenu: true,
      }).state !== 'closed';
    const past = new Map<MealPeriod, Map<number, string[]>>();
    const future = new Map<MealPeriod, Map<number, string[]>>();
    for (const row of rows) {
      if (!isMealPeriod(row.meal)) continue;
      const day = toEpochDay(row.service_date);
      if (day > window.asOf && !isServiceDay(day)) continue;
      const target = day <= window.asOf ? past : future;
      const byDay = target.get(row.meal) ?? new Map<number, string[]>();
      byDay.set(day, [...(byDay.get(day) ?? []), String(row.dish_id)]);
      target.set(row.meal, byDay);
    }
    return { past, future };
  }

  /** Portions sold per dish and day; `soldOut` when everything prepared sold (demand was at least that). */
  private async dishSales(canteenId: number, window: RunWindow): Promise<Map<string, Map<string, DishSale>>> {
    const rows = await query<DishSaleRow>(this.dataSource, DISH_SALES_SQL, [canteenId, iso(window.sharesFrom), iso(window.asOf)]);
    const byDay = new Map<string, Map<string, DishSale>>();
    for (const row of rows) {
      const key = `${row.meal}|${toEpochDay(row.service_date)}`;
      const quantities = byDay.get(key) ?? new Map<string, DishSale>();
      const { quantity, prepared } = row;
      quantities.set(String(row.dish_id), { quantity, diners: row.diners, soldOut: prepared > 0 && quantity >= prepared });
      byDay.set(key, quantities);
    }
    return byDay;
  }
}

/** Index of the first element greater than `value` in an increasing array. */
function upperBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Rows of drivers to columns; only drivers present on every row are kept. */
function columns(rows: readonly Partial<DriverRow>[]): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  const names = new Set<string>(DRIVERS);
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  for (const name of names) {
    if (rows.length > 0 && rows.every((row) => row[name] !== undefined)) result[name] = rows.map((row) => row[name]!);
  }
  return result;
}
