import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Canteen } from '@larder/database';

export interface DailyCovers {
  serviceDate: string;
  canteenId: number;
  covers: number;
  transactions: number;
  paidFen: number;
  subsidyFen: number;
}

export interface DataSummary {
  canteens: number;
  dishes: number;
  transactions: number;
  firstServiceDate: string | null;
  lastServiceDate: string | null;
}

/** Figures read from the rollups only: no dashboard question scans raw sales. */
@Injectable()
export class OverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  canteens(): Promise<Canteen[]> {
    return this.dataSource.getRepository(Canteen).find({ order: { id: 'ASC' } });
  }

  async summary(): Promise<DataSummary> {
    const [row] = await this.dataSource.query(`
      SELECT (SELECT count(*) FROM canteen)::int AS canteens,
             (SELECT count(*) FROM dish)::int AS dishes,
             COALESCE(sum(transactions + refunds), 0)::bigint AS transactions,
             min(service_date)::text AS first, max(service_date)::text AS last
      FROM daily_meal_rollup`);
    return { canteens: row.canteens, dishes: row.dishes, transactions: Number(row.transactions), firstServiceDate: row.first, lastServiceDate: row.last };
  }

  /** `canteenIds` limits the rows to those canteens (a manager's own); absent for all. */
  async dailyCovers(range: { from: string; to: string; canteenIds?: number[] }): Promise<DailyCovers[]> {
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT service_date::text AS service_date, canteen_id, sum(covers)::int AS covers, sum(transactions)::int AS transactions,
              sum(paid_fen)::bigint AS paid_fen, sum(subsidy_fen)::bigint AS subsidy_fen
       FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND ($3::int[] IS NULL OR canteen_id = ANY($3::int[]))
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to, range.canteenIds ?? null],
    );
    return rows.map((row) => ({
      serviceDate: String(row.service_date),
      canteenId: Number(row.canteen_id),
      covers: Number(row.covers),
      transactions: Number(row.transactions),
      paidFen: Number(row.paid_fen),
      subsidyFen: Number(row.subsidy_fen),
    }));
  }
}
