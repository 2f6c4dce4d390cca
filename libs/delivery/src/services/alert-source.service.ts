import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DashboardOverviewService, DashboardScopeService } from '@larder/analytics';
import { query } from '@larder/database';
import { addDays, isoWeek } from '@larder/domain';
import type { DeliveredAlert } from '../delivery-event';
import { DRAFT_PLANS_SQL, PlanRow, PRICE_RISES_SQL, PriceRow } from './delivery.queries';

/** A supplier price at least this much above the one before it is a rise worth telling. */
export const PRICE_RISE_THRESHOLD = 0.05;

export interface KeyedAlert {
  /** Names the event, so the same alert found again on a later night is not sent again. */
  key: string;
  alert: DeliveredAlert;
}

/**
 * The alerts worth pushing on a data day: the overview's (forecast drift, unusual waste, falling
 * ratings, computed by the dashboard's own service over every canteen), draft plans of the coming
 * weeks waiting for approval, and supplier pack prices that rise.
 */
@Injectable()
export class AlertSourceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopes: DashboardScopeService,
    private readonly overview: DashboardOverviewService,
  ) {}

  async current(asOf: string): Promise<KeyedAlert[]> {
    const [dashboard, plans, prices] = await Promise.all([this.dashboardAlerts(), this.plansReady(asOf), this.priceRises(asOf)]);
    return [...dashboard, ...plans, ...prices];
  }

  private async dashboardAlerts(): Promise<KeyedAlert[]> {
    const scope = await this.scopes.resolve({ meal: null }, 'all');
    const week = isoWeek(scope.to);
    return (await this.overview.alertsOnly(scope)).map((alert) => {
      // Drift and ratings are about a stretch of weeks: told at most once a week; waste once per day it happened.
      const when = alert.kind === 'unusual_waste' ? alert.date : week;
      return { key: `${alert.kind}:c${alert.canteenId ?? 'all'}:d${alert.dishId ?? 'all'}:${when}`, alert };
    });
  }

  private async plansReady(asOf: string): Promise<KeyedAlert[]> {
    const rows = await query<PlanRow>(this.dataSource, DRAFT_PLANS_SQL, [isoWeek(asOf)]);
    return rows.map((row) => ({
      key: `plan_ready:${row.id}`,
      alert: { kind: 'plan_ready', severity: 'info', canteenId: row.canteen_id, dishId: null, week: row.week, figures: { version: row.version } },
    }));
  }

  /** Prices that took effect in the last week or take effect in the next two, against the price before each. */
  private async priceRises(asOf: string): Promise<KeyedAlert[]> {
    const rows = await query<PriceRow>(this.dataSource, PRICE_RISES_SQL, [addDays(asOf, -6), addDays(asOf, 14), PRICE_RISE_THRESHOLD]);
    return rows.map((row) => {
      const { price_fen: priceFen, previous_fen: previousFen } = row;
      return {
        key: `price_rise:si${row.supplier_item_id}:${row.valid_from}`,
        alert: {
          kind: 'price_rise',
          severity: priceFen >= previousFen * 1.2 ? 'critical' : 'warning',
          canteenId: null,
          dishId: null,
          date: row.valid_from,
          supplierId: row.supplier_id,
          ingredientId: row.ingredient_id,
          figures: { priceFen, previousFen, rise: priceFen / previousFen - 1 },
        },
      };
    });
  }
}
