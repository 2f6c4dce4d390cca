import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fills the channel rollup from the meal rollups that exist already, as RollupService does from now on. */
const BACKFILL = `
INSERT INTO daily_channel_rollup (canteen_id, service_date, meal, channel, paid_fen)
SELECT m.canteen_id, m.service_date, m.meal, c.key, c.value::bigint
FROM daily_meal_rollup m CROSS JOIN LATERAL jsonb_each_text(m.paid_by_channel) c`;

export class ChannelRollup1796212015723 implements MigrationInterface {
  name = 'ChannelRollup1796212015723';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "daily_channel_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "channel" text NOT NULL, "paid_fen" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_3723b8636e208371fc0e7de950d" PRIMARY KEY ("canteen_id", "service_date", "meal", "channel"))',
    );
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "daily_channel_rollup"');
  }
}
