import { QueryRunner } from 'typeorm';
import { CopyTarget, query, TableCopier } from '@larder/database';
import type { MealDeltaText } from './meal-rollup-aggregator';
import { mealArrays, MealKey, RollupService } from './rollup.service';
import { MEALS, MEALS_WITH_ROLLUP } from './rollup.sql';

const MEAL_DELTA: CopyTarget<never> = {
  table: 'import_meal_delta',
  columns: ['canteen_id', 'service_date', 'meal', 'covers', 'transactions', 'refunds', 'paid_fen', 'subsidy_fen', 'paid_by_channel'],
  values: () => [],
};
const DISH_DELTA: CopyTarget<never> = {
  table: 'import_dish_delta',
  columns: ['canteen_id', 'service_date', 'meal', 'dish_id', 'quantity', 'revenue_fen', 'subsidy_fen', 'diners'],
  values: () => [],
};

const CREATE = [
  'DROP TABLE IF EXISTS import_meal_delta',
  'DROP TABLE IF EXISTS import_dish_delta',
  `CREATE TEMP TABLE import_meal_delta (canteen_id int, service_date date, meal text, covers int, transactions int, refunds int, paid_fen bigint, subsidy_fen bigint, paid_by_channel jsonb) ON COMMIT DROP`,
  `CREATE TEMP TABLE import_dish_delta (canteen_id int, service_date date, meal text, dish_id int, quantity int, revenue_fen bigint, subsidy_fen bigint, diners int) ON COMMIT DROP`,
];

const USED = MEALS('');
const INSERT_MEALS = `
INSERT INTO daily_meal_rollup (canteen_id, service_date, meal, covers, transactions, refunds, paid_fen, subsidy_fen, paid_by_channel)
SELECT canteen_id, service_date, meal, covers, transactions, refunds, paid_fen, subsidy_fen, paid_by_channel FROM import_meal_delta WHERE ${USED}`;
/** Dish rows may exist already from production or waste; in a meal without payments their sales were zero. */
const INSERT_DISHES = `
INSERT INTO daily_dish_rollup (canteen_id, service_date, meal, dish_id, quantity, revenue_fen, subsidy_fen, diners)
SELECT canteen_id, service_date, meal, dish_id, quantity, revenue_fen, subsidy_fen, diners FROM import_dish_delta WHERE ${USED}
ON CONFLICT (canteen_id, service_date, meal, dish_id) DO UPDATE
SET quantity = EXCLUDED.quantity, revenue_fen = EXCLUDED.revenue_fen, subsidy_fen = EXCLUDED.subsidy_fen, diners = EXCLUDED.diners`;

/**
 * The rollup figures of an import's payments, aggregated while they were read, parked in temp tables
 * and applied when the batch is complete. They are used for meals that had no payments before and
 * whose payments were all stored; every other meal the batch touched is rebuilt from its facts,
 * because distinct diners cannot be added or taken away.
 */
export class RollupDeltas {
  private readonly rebuild = new Set<MealKey>();

  private constructor(
    private readonly runner: QueryRunner,
    private readonly copiers: { meals: TableCopier<never>; dishes: TableCopier<never> },
  ) {}

  static async open(runner: QueryRunner): Promise<RollupDeltas> {
    for (const statement of CREATE) await runner.query(statement);
    return new RollupDeltas(runner, { meals: await TableCopier.open(runner, MEAL_DELTA), dishes: await TableCopier.open(runner, DISH_DELTA) });
  }

  /** A meal some of whose payments were not stored: its figures from the reader are not the stored ones. */
  markDirty(meal: MealKey): void {
    this.rebuild.add(meal);
  }

  async add(delta: MealDeltaText): Promise<void> {
    for (const meal of delta.reopened) this.rebuild.add(meal);
    if (delta.meals !== '') await this.copiers.meals.writeChunk({ data: Buffer.from(delta.meals), rows: 0 });
    if (delta.dishes !== '') await this.copiers.dishes.writeChunk({ data: Buffer.from(delta.dishes), rows: 0 });
  }

  /** Brings the rollups of the meals the batch stored payments in up to date; call before anything else changes them. */
  async apply(stored: ReadonlySet<MealKey>, rollups: RollupService): Promise<void> {
    if (stored.size === 0) return;
    const manager = this.runner.manager;
    const existing = await query<{ canteen_id: number; service_date: string; meal: string }>(manager, MEALS_WITH_ROLLUP, mealArrays([...stored]));
    for (const row of existing) this.rebuild.add(`${row.canteen_id}|${row.service_date}|${row.meal}`);
    const used = [...stored].filter((meal) => !this.rebuild.has(meal));
    if (used.length > 0) {
      const parameters = mealArrays(used);
      await manager.query(INSERT_MEALS, parameters);
      await manager.query(INSERT_DISHES, parameters);
      await rollups.priceMeals(used, manager);
      await rollups.refreshChannels(used, manager);
      await rollups.refreshHours(used, manager);
    }
    await rollups.refreshMeals(
      [...this.rebuild].filter((meal) => stored.has(meal)),
      manager,
    );
  }
}
