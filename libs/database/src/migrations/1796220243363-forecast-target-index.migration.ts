import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForecastTargetIndex1796220243363 implements MigrationInterface {
  name = 'ForecastTargetIndex1796220243363';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "forecast_current_target_idx" ON "forecast"  ("dish_id", "canteen_id", "service_date", "meal") WHERE NOT superseded');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."forecast_current_target_idx"');
  }
}
