import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DELETE_DISH_ROLLUP, DELETE_MEAL_ROLLUP, INSERT_DISH_ROLLUP, INSERT_MEAL_ROLLUP } from './rollup.sql';

export interface RollupScope {
  canteenIds: number[];
  from: string;
  to: string;
}

/** Keeps the daily rollups that dashboards and reports read in step with the facts. */
@Injectable()
export class RollupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rebuilds the rollups of the given canteen-days; pass the manager of an open transaction to join it. */
  async refresh(scope: RollupScope, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (scope.canteenIds.length === 0) return;
    const parameters = [scope.canteenIds, scope.from, scope.to];
    await manager.query(DELETE_DISH_ROLLUP, parameters);
    await manager.query(DELETE_MEAL_ROLLUP, parameters);
    await manager.query(INSERT_DISH_ROLLUP, parameters);
    await manager.query(INSERT_MEAL_ROLLUP, parameters);
  }
}
