import { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans stored before this did not keep the flag: their orders read as not late. */
export class PurchaseOrderLate1796562601390 implements MigrationInterface {
  name = 'PurchaseOrderLate1796562601390';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "purchase_order" ADD "late" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "purchase_order" DROP COLUMN "late"');
  }
}
