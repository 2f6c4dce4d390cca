import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { BY_CANTEEN_SQL, CanteenParticipationRow, ParticipationRow, TOTAL_SQL, WEEKLY_SQL, WeeklyParticipationRow } from './participation.queries';

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
    const rows = await query<CanteenParticipationRow>(this.dataSource, BY_CANTEEN_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal ?? null]);
    return new Map(rows.map((row) => [row.canteen_id, countsOf(row)]));
  }

  /** All canteens chosen together; allSites counts every site's staff (the whole enterprise). */
  async total(scope: ParticipationScope & { allSites: boolean }): Promise<ParticipationCounts> {
    const [row] = await query<ParticipationRow>(this.dataSource, TOTAL_SQL, [scope.from, scope.to, scope.canteenIds, scope.allSites, scope.meal ?? null]);
    return countsOf(row);
  }

  /**
   * Weekly, per canteen and in total, for trends. `minDiners`: a canteen-day with fewer diners is
   * left out whole (its diners and its staff), so no answer moves by a group that small.
   */
  async weekly(scope: ParticipationScope & { allSites: boolean; minDiners?: number }): Promise<WeeklyParticipation[]> {
    const rows = await query<WeeklyParticipationRow>(this.dataSource, WEEKLY_SQL, [scope.from, scope.to, scope.canteenIds, scope.allSites, scope.meal ?? null, scope.minDiners ?? 0]);
    return rows.map((row) => ({ week: row.week, canteenId: row.canteen_id, ...countsOf(row) }));
  }
}

function countsOf(row: ParticipationRow): ParticipationCounts {
  return { dinerDays: row.diner_days, staffOnDutyDays: row.staff_days, serviceDays: row.days };
}
