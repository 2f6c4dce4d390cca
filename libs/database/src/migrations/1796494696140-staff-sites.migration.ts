import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSites1796494696140 implements MigrationInterface {
  name = 'StaffSites1796494696140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "staff_site" ("diner_pseudonym" text NOT NULL, "site_id" integer NOT NULL, CONSTRAINT "PK_1b9d1d78cb7fb0b62bc92e36e66" PRIMARY KEY ("diner_pseudonym"))');
    await queryRunner.query('CREATE INDEX "IDX_2d328d0ebed64574e71e1781ea" ON "staff_site"  ("site_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_2d328d0ebed64574e71e1781ea"');
    await queryRunner.query('DROP TABLE "staff_site"');
  }
}
