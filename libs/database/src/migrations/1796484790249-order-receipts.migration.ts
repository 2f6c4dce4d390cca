import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderReceipts1796484790249 implements MigrationInterface {
  name = 'OrderReceipts1796484790249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "purchase_order_line" ADD "received_packs" integer');
    await queryRunner.query('ALTER TABLE "purchase_order_line" ADD "received_pack_price_fen" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "purchase_order_line" DROP COLUMN "received_pack_price_fen"');
    await queryRunner.query('ALTER TABLE "purchase_order_line" DROP COLUMN "received_packs"');
  }
}
