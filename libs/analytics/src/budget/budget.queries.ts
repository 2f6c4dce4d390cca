import type { BudgetLineKind } from '@larder/domain';

/** $1 canteen ids, $2 first month's first day, $3 last month's first day. */
export const BUDGET_LINES_SQL = `
SELECT canteen_id, to_char(month, 'YYYY-MM') AS month, line, amount_fen FROM budget_line
WHERE canteen_id = ANY($1::int[]) AND month BETWEEN $2::date AND $3::date ORDER BY month, canteen_id, line`;

export interface BudgetLineRow {
  canteen_id: number;
  month: string;
  line: BudgetLineKind;
  amount_fen: number;
}
