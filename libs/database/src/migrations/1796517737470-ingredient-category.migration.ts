import { MigrationInterface, QueryRunner } from 'typeorm';

export class IngredientCategory1796517737470 implements MigrationInterface {
  name = 'IngredientCategory1796517737470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "ingredient" ADD "category" text NOT NULL DEFAULT \'other\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "ingredient" DROP COLUMN "category"');
  }
}
