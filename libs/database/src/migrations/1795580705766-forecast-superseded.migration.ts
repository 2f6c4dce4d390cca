import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the forecasts stored so far as supersedeForecasts does from now on: of the done runs made
 * before a day, every row but those of the greatest (as_of, created_at) for its series and day.
 */
const BACKFILL = `
UPDATE forecast f SET superseded = true
FROM (
  SELECT f.canteen_id, f.run_id, f.service_date, f.meal, f.dish_id,
         rank() OVER (PARTITION BY f.canteen_id, f.service_date, f.meal, f.dish_id ORDER BY r.as_of DESC, r.created_at DESC) AS position
  FROM forecast f JOIN forecast_run r ON r.id = f.run_id
  WHERE r.status = 'done' AND r.as_of < f.service_date
) ranked
WHERE ranked.position > 1 AND f.canteen_id = ranked.canteen_id AND f.run_id = ranked.run_id AND f.service_date = ranked.service_date
  AND f.meal = ranked.meal AND f.dish_id = ranked.dish_id`;

export class ForecastSuperseded1795580705766 implements MigrationInterface {
  name = 'ForecastSuperseded1795580705766';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "forecast" ADD "superseded" boolean NOT NULL DEFAULT false');
    await queryRunner.query(BACKFILL);
    await queryRunner.query('CREATE INDEX "forecast_current_idx" ON "forecast"  ("canteen_id", "service_date", "meal", "dish_id") WHERE NOT superseded');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."forecast_current_idx"');
    await queryRunner.query('ALTER TABLE "forecast" DROP COLUMN "superseded"');
  }
}
