import { MigrationInterface, QueryRunner } from 'typeorm';

export class MenuProposals1796494527692 implements MigrationInterface {
  name = 'MenuProposals1796494527692';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "menu_proposal" ("id" uuid NOT NULL, "canteen_id" integer NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, "rules" jsonb NOT NULL, "summary" jsonb NOT NULL, CONSTRAINT "PK_660e6cb078ad977cc626a2c1234" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4eafcc4480e22e450de9da4935" ON "menu_proposal"  ("canteen_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "menu_proposal_change" ("proposal_id" uuid NOT NULL, "seq" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "kind" text NOT NULL, "category" text NOT NULL, "from_dish_id" integer, "to_dish_id" integer, "explanation_zh" text NOT NULL, "explanation_en" text NOT NULL, "effect" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'proposed\', "decided_by" text, "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, CONSTRAINT "PK_783c84b9362b096ba3314d63ff2" PRIMARY KEY ("proposal_id", "seq"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "menu_proposal_change"');
    await queryRunner.query('DROP INDEX "public"."IDX_4eafcc4480e22e450de9da4935"');
    await queryRunner.query('DROP TABLE "menu_proposal"');
  }
}
