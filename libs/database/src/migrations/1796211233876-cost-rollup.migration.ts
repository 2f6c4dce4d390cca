import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Builds the cost rollup of the data that exists already, as RollupService does from now on with every
 * pricing of the dish rollup. The costing is written out as it stands in this release, so later
 * changes to it leave this migration alone.
 */
const BACKFILL = `
WITH span AS (
  SELECT min(d) AS first, max(d) AS last
  FROM (SELECT service_date AS d FROM daily_dish_rollup UNION ALL SELECT service_date FROM waste_log) facts
),
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
dishes AS (
  SELECT r.canteen_id, r.service_date, r.meal,
         COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END * r.fen_per_portion), 0) AS ingredient_cost_fen,
         COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END) FILTER (WHERE r.fen_per_portion IS NULL), 0) AS uncosted_portions,
         sum(r.prepared) AS prepared_portions, sum(r.quantity) AS sold_portions,
         sum(r.wasted_portions) AS overproduction_portions, sum(r.wasted_kg) AS overproduction_kg,
         COALESCE(sum(CASE WHEN r.wasted_portions > 0 THEN r.wasted_portions WHEN d.portion_kg > 0 THEN r.wasted_kg / d.portion_kg ELSE 0 END
                      * r.fen_per_portion), 0) AS overproduction_cost_fen
  FROM daily_dish_rollup r JOIN dish d ON d.id = r.dish_id
  GROUP BY 1, 2, 3
), logged AS (
  SELECT w.canteen_id, w.service_date, COALESCE(w.meal, '') AS meal,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'plate'), 0) AS plate_kg,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_kg,
         COALESCE(sum(w.kg * uc.fen_per_unit) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_cost_fen,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage' AND uc.fen_per_unit IS NULL), 0) AS spoilage_uncosted_kg
  FROM waste_log w
  LEFT JOIN ingredient i ON i.id = w.ingredient_id
  LEFT JOIN unit_cost uc ON uc.d = w.service_date AND uc.ingredient_id = w.ingredient_id AND i.unit IN ('kg', 'l')
  WHERE w.kind IN ('plate', 'spoilage')
  GROUP BY 1, 2, 3
)
INSERT INTO daily_cost_rollup (canteen_id, service_date, meal, ingredient_cost_fen, uncosted_portions, prepared_portions, sold_portions,
  overproduction_portions, overproduction_kg, overproduction_cost_fen, plate_kg, spoilage_kg, spoilage_cost_fen, spoilage_uncosted_kg)
SELECT canteen_id, service_date, meal,
       COALESCE(d.ingredient_cost_fen, 0), COALESCE(d.uncosted_portions, 0), COALESCE(d.prepared_portions, 0), COALESCE(d.sold_portions, 0),
       COALESCE(d.overproduction_portions, 0), COALESCE(d.overproduction_kg, 0), COALESCE(d.overproduction_cost_fen, 0),
       COALESCE(l.plate_kg, 0), COALESCE(l.spoilage_kg, 0), COALESCE(l.spoilage_cost_fen, 0), COALESCE(l.spoilage_uncosted_kg, 0)
FROM dishes d FULL JOIN logged l USING (canteen_id, service_date, meal)`;

export class CostRollup1796211233876 implements MigrationInterface {
  name = 'CostRollup1796211233876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "daily_cost_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "ingredient_cost_fen" numeric NOT NULL DEFAULT \'0\', "uncosted_portions" integer NOT NULL DEFAULT \'0\', "prepared_portions" integer NOT NULL DEFAULT \'0\', "sold_portions" integer NOT NULL DEFAULT \'0\', "overproduction_portions" integer NOT NULL DEFAULT \'0\', "overproduction_kg" numeric NOT NULL DEFAULT \'0\', "overproduction_cost_fen" numeric NOT NULL DEFAULT \'0\', "plate_kg" numeric NOT NULL DEFAULT \'0\', "spoilage_kg" numeric NOT NULL DEFAULT \'0\', "spoilage_cost_fen" numeric NOT NULL DEFAULT \'0\', "spoilage_uncosted_kg" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_25d53cd254b2145863344ee8991" PRIMARY KEY ("canteen_id", "service_date", "meal"))',
    );
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "daily_cost_rollup"');
  }
}
