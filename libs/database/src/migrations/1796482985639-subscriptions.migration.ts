import { MigrationInterface, QueryRunner } from 'typeorm';

export class Subscriptions1796482985639 implements MigrationInterface {
  name = 'Subscriptions1796482985639';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "subscription" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "topic" text NOT NULL, "subject" text NOT NULL, "period" text, "canteen_id" integer, "language" text NOT NULL, "email" text, "webhook_url" text, "unsubscribe_token" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ced3f149e5728f7fff631a7b53d" UNIQUE ("unsubscribe_token"), CONSTRAINT "PK_8c3e00ebd02103caa1174cd5d9d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_940d49a105d50bbd616be54001" ON "subscription"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "delivery_outbox" ("id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_key" text NOT NULL, "channel" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a1478d46fe6f7c4e26e786b9489" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_32477aa691a13caaffea404fa9" ON "delivery_outbox"  ("status", "next_attempt_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_96434aa74aa65632c3d409af99" ON "delivery_outbox"  ("subscription_id", "event_key", "channel") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_96434aa74aa65632c3d409af99"');
    await queryRunner.query('DROP INDEX "public"."IDX_32477aa691a13caaffea404fa9"');
    await queryRunner.query('DROP TABLE "delivery_outbox"');
    await queryRunner.query('DROP INDEX "public"."IDX_940d49a105d50bbd616be54001"');
    await queryRunner.query('DROP TABLE "subscription"');
  }
}
