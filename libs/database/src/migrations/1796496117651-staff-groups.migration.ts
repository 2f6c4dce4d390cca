import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffGroups1796496117651 implements MigrationInterface {
  name = 'StaffGroups1796496117651';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "staff_group" ("diner_pseudonym" text NOT NULL, "department" text NOT NULL, "grade" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_34e49272ed682d30a38a721cb3b" PRIMARY KEY ("diner_pseudonym"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "staff_group"');
  }
}
