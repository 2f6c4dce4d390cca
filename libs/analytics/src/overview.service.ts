import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Canteen, query } from '@larder/database';
import { DAILY_COVERS_SQL, DailyCoversRow, DATA_SUMMARY_SQL, DataSummaryRow } from './overview.queries';

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
    const [row] = await query<DataSummaryRow>(this.dataSource, DATA_SUMMARY_SQL);
    return { canteens: row.canteens, dishes: row.dishes, transactions: row.transactions, firstServiceDate: row.first, lastServiceDate: row.last };
  }

  /** `canteenIds` limits the rows to those canteens (a manager's own); absent for all. */
  async dailyCovers(range: { from: string; to: string; canteenIds?: number[] }): Promise<DailyCovers[]> {
    const rows = await query<DailyCoversRow>(this.dataSource, DAILY_COVERS_SQL, [range.from, range.to, range.canteenIds ?? null]);
    return rows.map((row) => ({
      serviceDate: row.service_date,
      canteenId: row.canteen_id,
      covers: row.covers,
      transactions: row.transactions,
      paidFen: row.paid_fen,
      subsidyFen: row.subsidy_fen,
    }));
  }
}
