import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MealPeriod } from '@larder/domain';

/** A change that moves finance's figures: a new subsidy for a meal, a price list, dishes added to or taken off the menu. */
export type FinanceChange =
  | { kind: 'subsidy'; date: string; meal: MealPeriod; beforeFen: number; afterFen: number }
  | { kind: 'prices'; date: string; items: number }
  | { kind: 'menu'; date: string; added: number; removed: number };

/** The changes in a range, oldest first, read from the rules and master data they come from. */
@Injectable()
export class FinanceChangesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async changes(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const [subsidies, prices, menus] = await Promise.all([this.subsidies(range), this.prices(range), this.menus(range)]);
    const order = { subsidy: 0, prices: 1, menu: 2 };
    return [...subsidies, ...prices, ...menus].sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
  }

  /** A rule is a change only when an earlier one for the meal existed and said otherwise. */
  private async subsidies(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const rows: { date: string; meal: MealPeriod; before: number; after: number }[] = await this.dataSource.query(
      `SELECT r.valid_from::text AS date, r.meal, p.subsidy_fen AS before, r.subsidy_fen AS after FROM subsidy_rule r
       CROSS JOIN LATERAL (SELECT subsidy_fen FROM subsidy_rule e WHERE e.meal = r.meal AND e.valid_from < r.valid_from ORDER BY e.valid_from DESC LIMIT 1) p
       WHERE r.valid_from BETWEEN $1::date AND $2::date AND p.subsidy_fen <> r.subsidy_fen ORDER BY r.valid_from, r.meal`,
      [range.from, range.to],
    );
    return rows.map((row) => ({ kind: 'subsidy', date: row.date, meal: row.meal, beforeFen: Number(row.before), afterFen: Number(row.after) }));
  }

  private async prices(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const rows: { date: string; items: number }[] = await this.dataSource.query(
      `SELECT p.valid_from::text AS date, count(*)::int AS items FROM supplier_price p
       WHERE p.valid_from BETWEEN $1::date AND $2::date
         AND EXISTS (SELECT 1 FROM supplier_price e WHERE e.supplier_item_id = p.supplier_item_id AND e.valid_from < p.valid_from)
       GROUP BY p.valid_from ORDER BY p.valid_from`,
      [range.from, range.to],
    );
    return rows.map((row) => ({ kind: 'prices', date: row.date, items: row.items }));
  }

  private async menus(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const rows: { date: string; added: number; removed: number }[] = await this.dataSource.query(
      `SELECT date::text AS date, count(*) FILTER (WHERE added)::int AS added, count(*) FILTER (WHERE NOT added)::int AS removed FROM (
         SELECT introduced_on AS date, true AS added FROM dish WHERE introduced_on BETWEEN $1::date AND $2::date
         UNION ALL SELECT retired_on, false FROM dish WHERE retired_on BETWEEN $1::date AND $2::date) d
       GROUP BY date ORDER BY date`,
      [range.from, range.to],
    );
    return rows.map((row) => ({ kind: 'menu', date: row.date, added: row.added, removed: row.removed }));
  }
}
