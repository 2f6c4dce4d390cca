import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetLine, canteenIds, query } from '@larder/database';
import type { BudgetAmount } from './budget.calculator';
import { BUDGET_LINES_SQL, BudgetLineRow } from './budget.queries';

/** Reads and sets the budget table, the one source of every "budget" Larder shows. */
@Injectable()
export class BudgetService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The budget lines of the canteens for the months from `fromMonth` to `toMonth` (YYYY-MM, both included). */
  async amounts(wanted: { canteenIds: readonly number[]; fromMonth: string; toMonth: string }): Promise<BudgetAmount[]> {
    const rows = await query<BudgetLineRow>(this.dataSource, BUDGET_LINES_SQL, [wanted.canteenIds, `${wanted.fromMonth}-01`, `${wanted.toMonth}-01`]);
    return rows.map((row) => ({ canteenId: row.canteen_id, month: row.month, line: row.line, amountFen: row.amount_fen }));
  }

  /** The canteens a budget can be kept for: all of them, or those of `ids` that exist. */
  async canteenIds(ids: readonly number[] | null = null): Promise<number[]> {
    return canteenIds(this.dataSource, ids);
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
