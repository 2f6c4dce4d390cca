import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fills the feedback rollup from the feedback stored already, as RollupService does from now on. */
const BACKFILL = `
INSERT INTO daily_feedback_rollup (canteen_id, service_date, meal, responses, anonymous, diners, rating_sum, satisfied, dissatisfied)
SELECT canteen_id, service_date, COALESCE(meal, ''), count(*), count(*) FILTER (WHERE diner_pseudonym IS NULL), count(DISTINCT diner_pseudonym COLLATE "C"),
       sum(rating), count(*) FILTER (WHERE rating >= 4), count(*) FILTER (WHERE rating <= 2)
FROM feedback GROUP BY 1, 2, 3`;

export class FeedbackRollup1796229973575 implements MigrationInterface {
  name = 'FeedbackRollup1796229973575';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "daily_feedback_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "responses" integer NOT NULL DEFAULT \'0\', "anonymous" integer NOT NULL DEFAULT \'0\', "diners" integer NOT NULL DEFAULT \'0\', "rating_sum" integer NOT NULL DEFAULT \'0\', "satisfied" integer NOT NULL DEFAULT \'0\', "dissatisfied" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_443d1a0f8f658af8d61d31b4471" PRIMARY KEY ("canteen_id", "service_date", "meal"))',
    );
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "daily_feedback_rollup"');
  }
}
