import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { publishStaffGroups, StaffGroupFigures, StaffGroupSums } from './staff-group.calculator';

const GROUP_SUMS_SQL = `
SELECT CASE WHEN GROUPING(s.department) = 0 THEN 'department' ELSE 'grade' END AS dimension,
       COALESCE(CASE WHEN GROUPING(s.department) = 0 THEN s.department ELSE s.grade END, '') AS name,
       count(DISTINCT t.diner_pseudonym)::int AS diners, sum(t.subsidy_fen)::bigint AS subsidy_fen, sum(t.amount_paid_fen)::bigint AS paid_fen
FROM sale_transaction t LEFT JOIN staff_group s ON s.diner_pseudonym = t.diner_pseudonym
WHERE t.service_date BETWEEN $1::date AND $2::date AND t.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR t.meal = $4)
GROUP BY GROUPING SETS ((s.department), (s.grade))`;

/** Subsidy and what diners paid by department and by grade, aggregated; empty while no staff list was imported. */
@Injectable()
export class StaffGroupsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: { from: string; to: string; canteenIds: number[]; meal?: string | null }): Promise<StaffGroupFigures[]> {
    const [{ any }] = await query<{ any: boolean }>(this.dataSource, 'SELECT EXISTS (SELECT 1 FROM staff_group) AS any');
    if (!any) return [];
    const rows = await query<{ dimension: StaffGroupSums['dimension']; name: string; diners: number; subsidy_fen: number | null; paid_fen: number | null }>(this.dataSource, GROUP_SUMS_SQL, [
      scope.from,
      scope.to,
      scope.canteenIds,
      scope.meal ?? null,
    ]);
    return publishStaffGroups(rows.map((row) => ({ dimension: row.dimension, name: row.name, diners: row.diners, subsidyFen: row.subsidy_fen ?? 0, paidFen: row.paid_fen ?? 0 })));
  }
}
