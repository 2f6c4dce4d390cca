import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetLines1796493850210 implements MigrationInterface {
  name = 'BudgetLines1796493850210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "budget_line" ("canteen_id" integer NOT NULL, "month" date NOT NULL, "line" text NOT NULL, "amount_fen" bigint NOT NULL, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee5759d69a478f1beed361636be" PRIMARY KEY ("canteen_id", "month", "line"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "budget_line"');
  }
}
