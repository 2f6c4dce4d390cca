import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSessions1795569588611 implements MigrationInterface {
  name = 'UserSessions1795569588611';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session"  ("user_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"');
    await queryRunner.query('DROP TABLE "user_session"');
  }
}
