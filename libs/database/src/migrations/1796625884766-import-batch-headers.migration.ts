import { MigrationInterface, QueryRunner } from 'typeorm';

/** Batches imported before this did not keep their file's headers: their refused rows list the columns as stored. */
export class ImportBatchHeaders1796625884766 implements MigrationInterface {
  name = 'ImportBatchHeaders1796625884766';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_batch" ADD "headers" text array');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_batch" DROP COLUMN "headers"');
  }
}
