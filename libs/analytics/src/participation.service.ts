import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlNumber } from '@larder/database';

export interface ParticipationScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** One meal period only (its covers are the day's diners); absent or null for the busiest meal of all. */
  meal?: string | null;
}

/** Diners and staff on duty over the service days of a canteen (its own site) or of all canteens (the sites counted). */
export interface ParticipationCounts {
  /** Sum over service days of the covers of the busiest meal: the rollups count distinct diners per meal. */
  dinerDays: number;
  staffOnDutyDays: number;
  serviceDays: number;
}

export interface WeeklyParticipation extends ParticipationCounts {
  week: string;
  canteenId: number | null;
}

/**
 * Participation = distinct diners / staff on duty. Per canteen, the staff are those of the canteen's
 * own site; in total, those of every site (all sites when no canteen is chosen), because station
 * staff have no canteen of their own and eat wherever they are. A day's distinct diners are the
 * covers of its busiest meal, as the rollups keep distinct diners per meal only.
 */
@Injectable()
export class ParticipationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byCanteen(scope: ParticipationScope): Promise<Map<number, ParticipationCounts>> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH daily AS (
         SELECT canteen_id, service_date, max(covers) AS busiest FROM daily_meal_rollup
         WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) GROUP BY 1, 2
       )
       SELECT d.canteen_id, sum(d.busiest)::bigint AS diner_days, COALESCE(sum(h.on_duty), 0)::bigint AS staff_days, count(*)::int AS days
       FROM daily d JOIN canteen c ON c.id = d.canteen_id
       LEFT JOIN headcount h ON h.site_id = c.site_id AND h.day = d.service_date
       GROUP BY 1`,
      [scope.from, scope.to, scope.canteenIds, scope.meal ?? null],
    );
    return new Map(rows.map((row) => [sqlNumber(row.canteen_id), { dinerDays: sqlNumber(row.diner_days), staffOnDutyDays: sqlNumber(row.staff_days), serviceDays: sqlNumber(row.days) }]));
  }

  /** All canteens chosen together; allSites counts every site's staff (the whole enterprise). */
  async total(scope: ParticipationScope & { allSites: boolean }): Promise<ParticipationCounts> {
    const [row] = (await this.dataSource.query(
      `WITH daily AS (
         SELECT service_date, canteen_id, max(covers) AS busiest FROM daily_meal_rollup
         WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($5::text IS NULL OR meal = $5) GROUP BY 1, 2
       ), days AS (SELECT DISTINCT service_date FROM daily)
       SELECT (SELECT COALESCE(sum(busiest), 0) FROM daily)::bigint AS diner_days,
              (SELECT COALESCE(sum(h.on_duty), 0) FROM headcount h JOIN days ON days.service_date = h.day
               WHERE $4::boolean OR h.site_id IN (SELECT site_id FROM canteen WHERE id = ANY($3::int[])))::bigint AS staff_days,
              (SELECT count(*) FROM days)::int AS days`,
      [scope.from, scope.to, scope.canteenIds, scope.allSites, scope.meal ?? null],
    )) as Record<string, unknown>[];
    return { dinerDays: sqlNumber(row.diner_days), staffOnDutyDays: sqlNumber(row.staff_days), serviceDays: sqlNumber(row.days) };
  }

  /**
   * Weekly, per canteen and in total, for trends. `minDiners`: a canteen-day with fewer diners is
   * left out whole (its diners and its staff), so no answer moves by a group that small.
   */
  async weekly(scope: ParticipationScope & { allSites: boolean; minDiners?: number }): Promise<WeeklyParticipation[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH daily AS (
         SELECT canteen_id, service_date, max(covers) AS busiest FROM daily_meal_rollup
         WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($5::text IS NULL OR meal = $5) GROUP BY 1, 2
         HAVING max(covers) >= $6
       ), per_canteen AS (
         SELECT to_char(d.service_date, 'IYYY-"W"IW') AS week, d.canteen_id, sum(d.busiest) AS diner_days,
                COALESCE(sum(h.on_duty), 0) AS staff_days, count(*) AS days
         FROM daily d JOIN canteen c ON c.id = d.canteen_id LEFT JOIN headcount h ON h.site_id = c.site_id AND h.day = d.service_date
         GROUP BY 1, 2
       ), days AS (
         SELECT service_date, sum(busiest) AS diner_days FROM daily GROUP BY 1
       ), staff AS (
         SELECT h.day, sum(h.on_duty) AS staff_days FROM headcount h JOIN days ON days.service_date = h.day
         WHERE $4::boolean OR h.site_id IN (SELECT site_id FROM canteen WHERE id = ANY($3::int[]))
         GROUP BY 1
       ), total AS (
         SELECT to_char(days.service_date, 'IYYY-"W"IW') AS week, days.diner_days, COALESCE(staff.staff_days, 0) AS staff_days
         FROM days LEFT JOIN staff ON staff.day = days.service_date
       )
       SELECT week, canteen_id, diner_days::bigint, staff_days::bigint, days::int FROM per_canteen
       UNION ALL
       SELECT week, NULL, sum(diner_days)::bigint, sum(staff_days)::bigint, count(*)::int FROM total GROUP BY week
       ORDER BY 1, 2 NULLS LAST`,
      [scope.from, scope.to, scope.canteenIds, scope.allSites, scope.meal ?? null, scope.minDiners ?? 0],
    );
    return rows.map((row) => ({
      week: String(row.week), canteenId: row.canteen_id === null ? null : sqlNumber(row.canteen_id),
      dinerDays: sqlNumber(row.diner_days), staffOnDutyDays: sqlNumber(row.staff_days), serviceDays: sqlNumber(row.days),
    }));
  }
}
