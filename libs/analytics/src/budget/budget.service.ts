import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetLine, query } from '@larder/database';
import type { BudgetLineKind } from '@larder/domain';
import type { BudgetAmount } from './budget.calculator';

/** Reads and sets the budget table, the one source of every "budget" Larder shows. */
@Injectable()
export class BudgetService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The budget lines of the canteens for the months from `fromMonth` to `toMonth` (YYYY-MM, both included). */
  async amounts(wanted: { canteenIds: readonly number[]; fromMonth: string; toMonth: string }): Promise<BudgetAmount[]> {
    const rows = await query<{ canteen_id: number; month: string; line: BudgetLineKind; amount_fen: number }>(
      this.dataSource,
      `SELECT canteen_id, to_char(month, 'YYYY-MM') AS month, line, amount_fen FROM budget_line
       WHERE canteen_id = ANY($1::int[]) AND month BETWEEN $2::date AND $3::date ORDER BY month, canteen_id, line`,
      [wanted.canteenIds, `${wanted.fromMonth}-01`, `${wanted.toMonth}-01`],
    );
    return rows.map((row) => ({ canteenId: row.canteen_id, month: row.month, line: row.line, amountFen: row.amount_fen }));
  }

  /** Sets lines (an amount of null removes one); runs in the caller's transaction so the audit entry goes with it. */
  async set(lines: readonly (Omit<BudgetAmount, 'amountFen'> & { amountFen: number | null })[], updatedBy: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(BudgetLine);
    for (const line of lines) {
      const key = { canteenId: line.canteenId, month: `${line.month}-01`, line: line.line };
      if (line.amountFen === null) await repository.delete(key);
      else await repository.upsert({ ...key, amountFen: line.amountFen, updatedBy }, ['canteenId', 'month', 'line']);
    }
  }
}
