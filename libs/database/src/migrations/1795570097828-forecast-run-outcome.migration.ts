import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForecastRunOutcome1795570097828 implements MigrationInterface {
  name = 'ForecastRunOutcome1795570097828';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "forecast_run" ADD "finished_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "forecast_run" ADD "failed_series" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "forecast_run" ADD "error" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "forecast_run" DROP COLUMN "error"');
    await queryRunner.query('ALTER TABLE "forecast_run" DROP COLUMN "failed_series"');
    await queryRunner.query('ALTER TABLE "forecast_run" DROP COLUMN "finished_at"');
  }
}
