import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportBatchTracking1795569927692 implements MigrationInterface {
  name = 'ImportBatchTracking1795569927692';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "headcount" ADD "batch_id" uuid');
    await queryRunner.query('ALTER TABLE "menu_item" ADD "batch_id" uuid');
    await queryRunner.query('ALTER TABLE "quarantine_row" ADD "severity" text NOT NULL DEFAULT \'rejected\'');
    await queryRunner.query('CREATE INDEX "IDX_3bbe05638da4f95bbf73d2b9c3" ON "sale_transaction"  ("batch_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_3bbe05638da4f95bbf73d2b9c3"');
    await queryRunner.query('ALTER TABLE "quarantine_row" DROP COLUMN "severity"');
    await queryRunner.query('ALTER TABLE "menu_item" DROP COLUMN "batch_id"');
    await queryRunner.query('ALTER TABLE "headcount" DROP COLUMN "batch_id"');
  }
}
