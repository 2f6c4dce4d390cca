import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { canteenIds, query } from '@larder/database';
import { addDays, CanteenScope, localDate } from '@larder/domain';
import type { AppliedFilters, DashboardMeal } from './dashboard.contract';
import { DEFAULT_RANGE_SERVICE_DAYS, RequestedFilters } from './dashboard-filters';
import { comparedThrough, previousRange } from './dashboard.calculator';
import { LAST_SERVICE_DAYS_SQL, ServiceDayRow } from './dashboard-scope.queries';

/** Filters after defaults and scoping, with what the figure services need. */
export interface DashboardScope {
  filters: AppliedFilters;
  from: string;
  to: string;
  canteenIds: number[];
  meal: DashboardMeal | null;
  /** No canteen chosen by a caller who sees all: participation counts the staff of every site. */
  allSites: boolean;
  /** The last day comparisons cover (comparedThrough): `to`, or the last day with data of a range still running. */
  comparedThrough: string;
  /** The range of equal length before `from` .. `comparedThrough`. */
  previous: { from: string; to: string };
  /** Today in the canteens' time zone, whatever the data's last day. */
  today: string;
}

/** Resolves the filters every panel shares: defaults from the data, the caller's canteens, 403 outside them. */
@Injectable()
export class DashboardScopeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** `align: 'month'`: a default range starts on the first of its month, so no month is cut at the start (finance). */
  async resolve(requested: RequestedFilters, access: CanteenScope, align: 'day' | 'month' = 'day'): Promise<DashboardScope> {
    const canteenIds = await this.canteens(requested.canteens, access);
    const span = await this.span(canteenIds);
    const today = localDate(new Date(), this.config.timezone);
    const asOf = span.last ?? today;
    let { from, to } = requested;
    if (!from && !to) {
      to = asOf;
      from = span.defaultFrom ?? addDays(asOf, -(DEFAULT_RANGE_SERVICE_DAYS - 1));
      if (align === 'month') from = `${from.slice(0, 8)}01`;
    } else if (!from) {
      from = addDays(to!, -(DEFAULT_RANGE_SERVICE_DAYS - 1));
    } else if (!to) {
      to = addDays(from, DEFAULT_RANGE_SERVICE_DAYS - 1);
    }
    const meal = requested.meal;
    const through = comparedThrough({ from: from!, to: to! }, { asOf, today });
    return {
      filters: { from: from!, to: to!, canteens: canteenIds, meal, asOf, ...(through === to ? {} : { comparedThrough: through }) },
      from: from!,
      to: to!,
      canteenIds,
      meal,
      allSites: requested.canteens === undefined && access === 'all',
      comparedThrough: through,
      previous: previousRange({ from: from!, to: through }),
      today,
    };
  }

  private async canteens(requested: number[] | undefined, access: CanteenScope): Promise<number[]> {
    const known = await canteenIds(this.dataSource);
    const visible = access === 'all' ? known : known.filter((id) => access.includes(id));
    if (requested === undefined) return visible;
    const unknown = requested.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new LarderError('VALIDATION_FAILED', `query parameter "canteens": no canteen with id ${unknown.join(', ')}`);
    const foreign = requested.filter((id) => !visible.includes(id));
    if (foreign.length > 0) throw new LarderError('FORBIDDEN', `canteen ${foreign.join(', ')} is not one of yours`);
    return requested;
  }

  /**
   * The last service date with data and the first of the last 28 such dates, over the chosen canteens.
   * Each of those dates is among its own canteen's last 28, so reading each canteen's from the end of
   * its index gives the answer without scanning every row of the rollup.
   */
  private async span(canteenIds: number[]): Promise<{ last: string | null; defaultFrom: string | null }> {
    // a row dated past LARDER_FUTURE_DAYS (stored before imports refused them) never becomes everyone's "today"
    const latest = addDays(localDate(new Date(), this.config.timezone), this.config.futureDays);
    const rows = await query<ServiceDayRow>(this.dataSource, LAST_SERVICE_DAYS_SQL, [canteenIds, DEFAULT_RANGE_SERVICE_DAYS, latest]);
    return { last: rows[0]?.d ?? null, defaultFrom: rows[rows.length - 1]?.d ?? null };
  }
}
