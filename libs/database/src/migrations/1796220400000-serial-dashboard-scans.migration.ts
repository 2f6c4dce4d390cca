import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables the dashboard reads are small (rollups, feedback, forecasts, the waste log: a few
 * hundred thousand rows at 40 canteens), and a panel sends several statements at once. A parallel
 * scan of one of them costs two more processes and, on two cores, ran 4-6x slower than the index
 * scan the planner prices nearly the same (the dishes panel: 95-136 ms against 16 ms). The fact
 * tables keep their parallel scans: the rollup rebuilds over them run twice as fast with them.
 * Written by hand: TypeORM does not model storage parameters.
 */
const TABLES = ['daily_meal_rollup', 'daily_dish_rollup', 'daily_cost_rollup', 'daily_channel_rollup', 'hourly_load_rollup', 'feedback', 'forecast', 'waste_log'];

export class SerialDashboardScans1796220400000 implements MigrationInterface {
  name = 'SerialDashboardScans1796220400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" SET (parallel_workers = 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" RESET (parallel_workers)`);
  }
}
