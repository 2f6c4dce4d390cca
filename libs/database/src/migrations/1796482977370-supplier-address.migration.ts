import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupplierAddress1796482977370 implements MigrationInterface {
  name = 'SupplierAddress1796482977370';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "supplier" ADD "address" text');
    await queryRunner.query('ALTER TABLE "supplier" ADD "phone" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "supplier" DROP COLUMN "phone"');
    await queryRunner.query('ALTER TABLE "supplier" DROP COLUMN "address"');
  }
}
