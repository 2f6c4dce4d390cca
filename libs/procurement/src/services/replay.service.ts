import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { addDays, IsoDate, isoWeek, isoWeekday, parseIsoDate, ProgressListener } from '@larder/domain';
import { CanteenRef, DemandHistoryService, forecastMealsOffThread, MealForecastResult } from '@larder/demand';
import { DishInfo, parseIsoDate as toEpochDay } from '@larder/forecasting';
import type { CostPolicy } from '../planning/newsvendor';
import type { DemandForecast } from '../planning/planning-types';
import { distributionFromStored } from '../planning/quantile-interpolation';
import { replayDays, replayWeek, ReplaySlot, ReplaySummary, ReplayWeekResult, summariseReplay } from '../planning/replay';
import { PlanningDataLoader } from './planning-data.loader';
import { SOLD_OUT_SHARES_SQL, SoldOutShareRow } from './replay.queries';

/** History the seasonal estimate reads before each replayed week. */
const HISTORY_DAYS = 130;

/** `demand`: the stored-forecast engine (@larder/demand) run as of each planning day; `seasonal`: the fallback estimate only. */
export type ReplayForecaster = 'demand' | 'seasonal';

export interface ReplayRequest {
  from: string;
  to: string;
  canteenIds?: number[];
  policy?: CostPolicy;
  forecaster?: ReplayForecaster;
  /** Weeks replayed of all (every canteen's weeks). */
  onProgress?: ProgressListener;
}

export interface ReplayReport extends ReplaySummary {
  from: IsoDate;
  to: IsoDate;
  forecaster: ReplayForecaster;
  method: string[];
}

/** Covers history (days) and share window the demand engine reads, as its product runs do. */
const ENGINE_HISTORY_DAYS = 730;
const ENGINE_SHARE_DAYS = 364;

/**
 * Plans every past week with only the data before it (the seasonal estimate: stored forecasts of the
 * past do not exist) and scores that plan and the kitchen's recorded production against demand.
 */
@Injectable()
export class ReplayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningDataLoader,
    private readonly demandHistory: DemandHistoryService,
  ) {}

  async replay(request: ReplayRequest): Promise<ReplayReport> {
    const from = date('--from', request.from);
    const to = date('--to', request.to);
    if (from > to) throw new LarderError('VALIDATION_FAILED', '--from must not be after --to');
    const firstMonday = addDays(from, (8 - isoWeekday(from)) % 7);
    const weekStarts: IsoDate[] = [];
    for (let monday = firstMonday; addDays(monday, 6) <= to; monday = addDays(monday, 7)) weekStarts.push(monday);
    if (weekStarts.length === 0) throw new LarderError('VALIDATION_FAILED', `no whole ISO week (Monday to Sunday) lies within ${from}..${to}`);
    const last = addDays(weekStarts[weekStarts.length - 1], 6);
    // Each week is priced on its planning day, a few days before its Monday.
    const catalogue = await this.loader.catalogue({ from: addDays(firstMonday, -7), to: last });
    const canteenIds = request.canteenIds ?? (await this.loader.canteenIds());
    const historyFrom = addDays(firstMonday, -HISTORY_DAYS);
    const daysOff = await this.loader.daysOff({ from: historyFrom, to: last });
    const forecaster = request.forecaster ?? 'demand';
    const failures: string[] = [];
    const results: ReplayWeekResult[] = [];
    const weeks = { done: 0, total: canteenIds.length * weekStarts.length };
    const weekDone = () => request.onProgress?.({ step: 'weeks replayed', done: ++weeks.done, total: weeks.total });
    request.onProgress?.({ step: 'weeks replayed', done: 0, total: weeks.total });
    for (const canteenId of canteenIds) {
      const [canteen] = await this.demandHistory.canteens([canteenId]);
      // Sides and mains told apart from the sales before the first replayed week's planning day: no look ahead.
      const dishInfo = forecaster === 'demand' ? await this.demandHistory.dishInfo({ asOf: toEpochDay(replayDays(firstMonday).asOf), canteenIds: [canteenId] }) : new Map<string, DishInfo>();
      const history = await this.loader.history({ canteenId, from: historyFrom, to: last });
      const shares = await this.soldOutShares({ canteenId, from: firstMonday, to: last });
      const byWeek = new Map<IsoDate, ReplaySlot[]>();
      for (const row of history.dishes) {
        if (row.serviceDate < firstMonday || row.prepared <= 0) continue;
        const monday = addDays(row.serviceDate, 1 - isoWeekday(row.serviceDate));
        const slot = { ...row, soldOutShare: shares.get(`${row.serviceDate}|${row.meal}|${row.dishId}`) ?? null };
        byWeek.set(monday, [...(byWeek.get(monday) ?? []), slot]);
      }
      for (const weekStart of weekStarts) {
        const slots = byWeek.get(weekStart) ?? [];
        if (slots.length === 0) {
          weekDone();
          continue;
        }
        const forecasts = forecaster === 'demand' ? await this.engineForecasts({ canteen, weekStart, dishInfo, failures }) : undefined;
        results.push(
          replayWeek({
            canteenId,
            week: isoWeek(weekStart),
            weekStart,
            slots,
            covers: history.covers,
            dishes: history.dishes,
            catalogue,
            policy: request.policy ?? {},
            daysOff,
            forecasts,
          }),
        );
        weekDone();
      }
    }
    if (results.length === 0) throw new LarderError('NOT_FOUND', `no production was recorded in ${from}..${to}: there is nothing to replay`);
    return {
      from: firstMonday,
      to: last,
      forecaster,
      ...summariseReplay(results),
      method: [
        forecaster === 'demand'
          ? "each week is planned on the Friday before, at each dish's newsvendor level, from forecasts the demand engine (@larder/demand, as its stored runs) makes as of the Thursday; dishes it does not forecast get the seasonal estimate"
          : "each week is planned on the Friday before from rollups up to the Thursday with the seasonal estimate (the fallback without stored forecasts), at each dish's newsvendor level",
        ...(failures.length > 0 ? [`the demand engine failed for ${failures.length} canteen-meal-week(s), planned with the seasonal estimate: ${failures.slice(0, 3).join('; ')}`] : []),
        "demand = portions sold; when a dish sold out (sold >= prepared) its demand is extrapolated from the share of the meal's sales made by the time its last portion sold (at most 10x); diners who then chose another dish still count for that dish, so demand is somewhat overstated overall",
        'leftover and shortfall are fractions of that demand; purchase cost = ingredient cost of the portions cooked (recorded) or planned (system) at the prices in force on the planning day, in yuan — recorded purchases are not in the data, so both sides are costed the same way',
        "lowerBound takes demand as what sold: the recorded production then never runs short, and the system's shortfall there is a floor",
      ],
    };
  }

  /** The demand engine's covers and dish quantiles for one week, made as of the replay's history cut-off. */
  private async engineForecasts(params: { canteen: CanteenRef; weekStart: IsoDate; dishInfo: Map<string, DishInfo>; failures: string[] }): Promise<DemandForecast[]> {
    const { canteen, weekStart } = params;
    const { asOf } = replayDays(weekStart);
    const asOfDay = toEpochDay(asOf);
    const weekEnd = addDays(weekStart, 6);
    const window = { historyFrom: asOfDay - ENGINE_HISTORY_DAYS + 1, sharesFrom: asOfDay - ENGINE_SHARE_DAYS + 1, asOf: asOfDay, horizonEnd: toEpochDay(weekEnd) };
    const calendar = await this.demandHistory.calendar(window);
    const inputs = [...(await this.demandHistory.mealInputs(canteen, window))].filter(([, input]) => input.horizon.length > 0);
    const demand: DemandForecast[] = [];
    let results: (MealForecastResult | Error)[];
    try {
      results = await forecastMealsOffThread(inputs.map(([, input]) => ({ ...input, dishInfo: params.dishInfo, calendar })));
    } catch (error) {
      results = inputs.map(() => error as Error);
    }
    inputs.forEach(([meal], s) => {
      const result = results[s];
      if (result instanceof Error) {
        params.failures.push(`${canteen.code} ${meal} ${isoWeek(weekStart)}: ${result.message}`);
        return;
      }
      for (const row of [...result.covers, ...result.dishes]) {
        if (row.serviceDate < weekStart || row.serviceDate > weekEnd) continue;
        demand.push({ canteenId: canteen.id, serviceDate: row.serviceDate, meal, dishId: row.dish === null ? 0 : Number(row.dish), distribution: distributionFromStored(row) });
      }
    });
    return demand;
  }

  /** For each sell-out: the share of the meal's sales made by the time the dish's last portion sold (SOLD_OUT_SHARES_SQL). */
  private async soldOutShares(params: { canteenId: number; from: IsoDate; to: IsoDate }): Promise<Map<string, number>> {
    const rows = await query<SoldOutShareRow>(this.dataSource, SOLD_OUT_SHARES_SQL, [params.canteenId, params.from, params.to]);
    return new Map(rows.map((row) => [`${row.service_date}|${row.meal}|${row.dish_id}`, row.share]));
  }
}

function date(name: string, value: string): IsoDate {
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `${name}: ${(error as Error).message}`);
  }
}
