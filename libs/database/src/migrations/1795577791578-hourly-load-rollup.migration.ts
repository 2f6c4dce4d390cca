import { MigrationInterface, QueryRunner } from 'typeorm';

export class HourlyLoadRollup1795577791578 implements MigrationInterface {
  name = 'HourlyLoadRollup1795577791578';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "hourly_load_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "hour" smallint NOT NULL, "transactions" integer NOT NULL DEFAULT \'0\', "covers" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_bbf66a8d64733d2c1b05e7b98ff" PRIMARY KEY ("canteen_id", "service_date", "meal", "hour"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "hourly_load_rollup"');
  }
}
