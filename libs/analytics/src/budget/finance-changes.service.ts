import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import type { MealPeriod } from '@larder/domain';
import { MENU_CHANGES_SQL, MenuChangeRow, PRICE_CHANGES_SQL, PriceChangeRow, SUBSIDY_CHANGES_SQL, SubsidyChangeRow } from './finance-changes.queries';

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
    const rows = await query<SubsidyChangeRow>(this.dataSource, SUBSIDY_CHANGES_SQL, [range.from, range.to]);
    return rows.map((row) => ({ kind: 'subsidy', date: row.date, meal: row.meal, beforeFen: row.before, afterFen: row.after }));
  }

  private async prices(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const rows = await query<PriceChangeRow>(this.dataSource, PRICE_CHANGES_SQL, [range.from, range.to]);
    return rows.map((row) => ({ kind: 'prices', date: row.date, items: row.items }));
  }

  private async menus(range: { from: string; to: string }): Promise<FinanceChange[]> {
    const rows = await query<MenuChangeRow>(this.dataSource, MENU_CHANGES_SQL, [range.from, range.to]);
    return rows.map((row) => ({ kind: 'menu', date: row.date, added: row.added, removed: row.removed }));
  }
}
