import { Inject, Injectable } from '@nestjs/common';
import { addDays, IsoDate } from '@larder/domain';
import { seasonalEstimate } from '@larder/forecasting';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import { COVERS_DISH_ID, DemandForecast, EstimateSlot, slotKey } from '../planning/planning-types';
import { FORECAST_QUANTILE_SOURCE, ForecastQuantileSource } from './forecast-source';
import { PlanningDataLoader } from './planning-data.loader';

export type ForecastOrigin = 'stored' | 'seasonal-estimate';

export interface PlanDemand {
  readonly demand: DemandForecast[];
  readonly origin: ForecastOrigin;
  readonly runId: string | null;
  readonly notes: string[];
}

/** Days of rollup history the seasonal estimate reads. */
const HISTORY_DAYS = 120;

/** Demand for a canteen's days: stored forecast quantiles for the dishes on the menu, else the seasonal estimate. */
@Injectable()
export class PlanDemandService {
  constructor(
    private readonly loader: PlanningDataLoader,
    @Inject(FORECAST_QUANTILE_SOURCE) private readonly source: ForecastQuantileSource,
  ) {}

  async demandFor(params: { canteenId: number; from: IsoDate; to: IsoDate; runId?: string | null; catalogue: PlanningCatalogue }): Promise<PlanDemand> {
    const { canteenId, from, to } = params;
    const closed = await this.loader.closedDays({ canteenId, from, to });
    const menu = (await this.loader.menu({ canteenId, from, to })).filter((slot) => !closed.has(slot.serviceDate));
    const notes: string[] = [];
    if (closed.size > 0) notes.push(`canteen ${canteenId} is closed on ${[...closed].sort().join(', ')}: nothing is planned for those days`);
    const stored = params.runId === null ? null : await this.source.load({ canteenId, from, to, runId: params.runId });
    if (stored === null) {
      const estimate = await this.estimate({ canteenId, from, slots: menu, catalogue: params.catalogue });
      notes.push(
        `no stored forecast covers canteen ${canteenId} ${from}..${to}: quantities come from a seasonal estimate of the daily rollups up to ${estimate.asOf} ` +
          "(covers: median of the last four same weekdays; dishes: recent portions per cover; quantiles from the estimate's own past errors)",
      );
      if (menu.length === 0) notes.push(`no menu is recorded for canteen ${canteenId} ${from}..${to}: there is nothing to plan`);
      return { demand: estimate.demand, origin: 'seasonal-estimate', runId: null, notes };
    }
    const usable = stored.demand.filter((slot) => !closed.has(slot.serviceDate));
    if (menu.length === 0) {
      notes.push(`no menu is recorded for canteen ${canteenId} ${from}..${to}: the forecast run's dishes are planned as they are`);
      return { demand: usable, origin: 'stored', runId: stored.runId, notes };
    }
    const byKey = new Map(usable.map((slot) => [slotKey(slot), slot]));
    const demand: DemandForecast[] = usable.filter((slot) => slot.dishId === COVERS_DISH_ID);
    const missing: EstimateSlot[] = [];
    for (const slot of menu) {
      const found = byKey.get(slotKey({ canteenId, ...slot }));
      if (found) demand.push(found);
      else missing.push(slot);
    }
    if (missing.length > 0) {
      const estimate = await this.estimate({ canteenId, from, slots: missing, catalogue: params.catalogue });
      const haveCovers = new Set(demand.filter((slot) => slot.dishId === COVERS_DISH_ID).map((slot) => `${slot.serviceDate}|${slot.meal}`));
      for (const slot of estimate.demand) {
        if (slot.dishId !== COVERS_DISH_ID || !haveCovers.has(`${slot.serviceDate}|${slot.meal}`)) demand.push(slot);
      }
      notes.push(`${missing.length} menu dish(es) have no stored forecast in run ${stored.runId}: they come from the seasonal estimate`);
    }
    const offMenu = usable.filter((slot) => slot.dishId !== COVERS_DISH_ID).length - (menu.length - missing.length);
    if (offMenu > 0) notes.push(`${offMenu} forecast dish(es) of run ${stored.runId} are not on the menu and are not planned`);
    return { demand, origin: 'stored', runId: stored.runId, notes };
  }

  private async estimate(params: { canteenId: number; from: IsoDate; slots: readonly EstimateSlot[]; catalogue: PlanningCatalogue }): Promise<{ demand: DemandForecast[]; asOf: IsoDate }> {
    const dayBefore = addDays(params.from, -1);
    const last = await this.loader.lastHistoryDay(params.canteenId);
    const asOf = last !== null && last < dayBefore ? last : dayBefore;
    const historyFrom = addDays(asOf, -HISTORY_DAYS);
    const history = await this.loader.history({ canteenId: params.canteenId, from: historyFrom, to: asOf });
    const lastSlot = params.slots.reduce((max, slot) => (slot.serviceDate > max ? slot.serviceDate : max), params.from);
    const daysOff = await this.loader.daysOff({ from: historyFrom, to: lastSlot });
    const categories = new Map([...params.catalogue.dishes.values()].map((dish) => [dish.id, dish.category as string]));
    return {
      asOf,
      demand: seasonalEstimate({ canteenId: params.canteenId, covers: history.covers, dishes: history.dishes, slots: params.slots, asOf, daysOff, categories }),
    };
  }
}
