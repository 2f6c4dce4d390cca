import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DayService, dayService } from '@larder/domain';
import { query } from '@larder/database';
import type { ClosedDay } from './dashboard.contract';
import { serviceDaysSql, ServiceDayRow } from './dashboard-service-days.queries';
import { closedDaysOf } from './dashboard-today.calculator';

/** Which canteens serve on which days, by the one rule `dayService`, for every panel that draws days. */
@Injectable()
export class DashboardServiceDaysService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each canteen's service on each day from `from` to `to`, by day; with `menus` its menus at the
   * meal (null for all) are read too, without them none is (an open day then reads as without menu).
   */
  async serviceDays(input: { canteenIds: number[]; from: string; to: string; menus: { meal: string | null } | null }): Promise<Map<string, DayService[]>> {
    const { menus } = input;
    const rows = await query<ServiceDayRow>(this.dataSource, serviceDaysSql(menus !== null), [input.canteenIds, input.from, input.to, ...(menus ? [menus.meal] : [])]);
    const byDay = new Map<string, DayService[]>();
    for (const row of rows) {
      const service = dayService({
        date: row.day,
        kind: row.kind,
        holidayName: row.holiday_name,
        holidayNameZh: row.holiday_name_zh,
        opensWeekends: row.opens_weekends,
        closure: row.closure === null ? null : { reason: row.closure },
        hasMenu: row.has_menu,
      });
      byDay.set(row.day, [...(byDay.get(row.day) ?? []), service]);
    }
    return byDay;
  }

  /** The range's days on which every canteen shown is closed for a closure or a holiday, and why. */
  async closedDays(range: { canteenIds: number[]; from: string; to: string }): Promise<ClosedDay[]> {
    return closedDaysOf(await this.serviceDays({ ...range, menus: null }));
  }
}
