import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prices the rollups that exist already, as RollupService.priceDays does from now on. The costing is
 * written out here as it stands (COST_CTES of this release), so later changes to it leave this migration alone.
 */
const BACKFILL = `
WITH span AS (SELECT min(service_date) AS first, max(service_date) AS last FROM daily_dish_rollup),
days AS (SELECT generate_series(span.first, span.last, interval '1 day')::date AS d FROM span WHERE span.first IS NOT NULL),
prices AS (
  SELECT si.ingredient_id, sp.valid_from,
         lead(sp.valid_from) OVER (PARTITION BY sp.supplier_item_id ORDER BY sp.valid_from) AS valid_until,
         sp.pack_price_fen / si.pack_size AS fen_per_unit
  FROM supplier_price sp JOIN supplier_item si ON si.id = sp.supplier_item_id
  WHERE si.pack_size > 0
),
unit_cost AS (
  SELECT days.d, p.ingredient_id, min(p.fen_per_unit) AS fen_per_unit
  FROM days JOIN prices p ON p.valid_from <= days.d AND (p.valid_until IS NULL OR p.valid_until > days.d)
  GROUP BY 1, 2
),
dish_cost AS (
  SELECT uc.d, rl.dish_id, sum(rl.quantity_per_portion / (1 - LEAST(rl.yield_loss, 0.95)) * uc.fen_per_unit) AS fen_per_portion
  FROM recipe_line rl JOIN unit_cost uc ON uc.ingredient_id = rl.ingredient_id
  GROUP BY 1, 2
)
UPDATE daily_dish_rollup r SET fen_per_portion = dc.fen_per_portion
FROM dish_cost dc WHERE dc.d = r.service_date AND dc.dish_id = r.dish_id`;

export class DishRollupCost1795580433811 implements MigrationInterface {
  name = 'DishRollupCost1795580433811';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "daily_dish_rollup" ADD "fen_per_portion" numeric');
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "daily_dish_rollup" DROP COLUMN "fen_per_portion"');
  }
}
