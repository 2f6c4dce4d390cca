import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobSlots1795569367729 implements MigrationInterface {
  name = 'JobSlots1795569367729';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job_run" ADD "slot" text');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_e6488741a85b44c529b6fe8433" ON "job_run"  ("name", "slot") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_e6488741a85b44c529b6fe8433"');
    await queryRunner.query('ALTER TABLE "job_run" DROP COLUMN "slot"');
  }
}
