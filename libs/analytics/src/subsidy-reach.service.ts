import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { SiteSubsidyCounts, SubsidyReach, subsidyReach } from './subsidy-reach.calculator';
import { subsidyInForceSql } from './subsidy-rule.sql';
import type { SiteReachRow } from './subsidy-reach.queries';

/** A site as the subsidy view names it. */
export interface SiteName {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

export interface SubsidyReachView extends SubsidyReach {
  from: string;
  to: string;
  siteNames: SiteName[];
}

/**
 * Per site, over [from, to]: staff (the payroll on the last headcount day), distinct diners among
 * them (the pseudonymised roster, staff_site, joined to the sales of every canteen), the subsidy on
 * their meals, and the entitlement: one meal a day on duty at the lunch subsidy in force that day.
 * Staff and entitlement stop at the range's last day with sales: the planned roster of days not yet
 * served would count an entitlement nobody could have used (a month in progress read as unused).
 */
@Injectable()
export class SubsidyReachService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async reach(range: { from: string; to: string }): Promise<SubsidyReachView> {
    const rows = await query<SiteReachRow>(
      this.dataSource,
      `WITH sold AS (SELECT max(service_date) AS day FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date),
       duty AS (SELECT h.* FROM headcount h, sold WHERE h.day BETWEEN $1::date AND sold.day),
       last_day AS (SELECT site_id, max(day) AS day FROM duty GROUP BY 1),
       staff AS (SELECT h.site_id, h.employees FROM duty h JOIN last_day l ON l.site_id = h.site_id AND l.day = h.day),
       entitled AS (
         SELECT h.site_id, sum(h.on_duty * ${subsidyInForceSql("'lunch'", 'h.day')}) AS fen
         FROM duty h GROUP BY 1
       ),
       used AS (
         SELECT ss.site_id, count(DISTINCT t.diner_pseudonym) FILTER (WHERE t.kind = 'sale') AS diners, sum(t.subsidy_fen) AS fen
         FROM sale_transaction t JOIN staff_site ss ON ss.diner_pseudonym = t.diner_pseudonym
         WHERE t.service_date BETWEEN $1::date AND $2::date GROUP BY 1
       )
       SELECT s.id, s.code, s.name, s.name_en, EXISTS (SELECT 1 FROM canteen c WHERE c.site_id = s.id) AS has_canteen,
              COALESCE(st.employees, 0) AS staff, COALESCE(u.diners, 0) AS diners, COALESCE(u.fen, 0) AS used_fen, COALESCE(e.fen, 0) AS entitled_fen
       FROM site s LEFT JOIN staff st ON st.site_id = s.id LEFT JOIN used u ON u.site_id = s.id LEFT JOIN entitled e ON e.site_id = s.id
       ORDER BY s.id`,
      [range.from, range.to],
    );
    const counts: SiteSubsidyCounts[] = rows.map((row) => ({
      siteId: row.id,
      hasCanteen: row.has_canteen === true,
      staff: row.staff,
      diners: row.diners,
      usedFen: row.used_fen,
      entitledFen: row.entitled_fen,
    }));
    return {
      ...subsidyReach(counts),
      from: range.from,
      to: range.to,
      siteNames: rows.map((row) => ({ id: row.id, code: row.code, name: row.name, nameEn: String(row.name_en) })),
    };
  }
}
