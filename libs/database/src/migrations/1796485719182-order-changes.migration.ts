import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderChanges1796485719182 implements MigrationInterface {
  name = 'OrderChanges1796485719182';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "purchase_order_change" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "supplier_item_id" integer NOT NULL, "previous_packs" integer NOT NULL, "new_packs" integer NOT NULL, "reason" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c6a9c261e581f39e8a2bb1d60a2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d6bb4d3305013cc26aa357fbec" ON "purchase_order_change"  ("order_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_d6bb4d3305013cc26aa357fbec"');
    await queryRunner.query('DROP TABLE "purchase_order_change"');
  }
}
