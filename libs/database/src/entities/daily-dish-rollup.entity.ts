import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';
import { numberTransformer } from './column-types';

/** Canteen × day × meal × dish: what dashboards and reports read instead of raw sales. */
@Entity()
export class DailyDishRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @PrimaryColumn({ type: 'integer' })
  dishId!: number;

  @Column({ type: 'integer', default: 0 })
  quantity!: number;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  revenueFen!: number;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  subsidyFen!: number;

  @Column({ type: 'integer', default: 0 })
  diners!: number;

  @Column({ type: 'integer', default: 0 })
  prepared!: number;

  @Column({ type: 'integer', default: 0 })
  wastedPortions!: number;

  @Column({ type: 'numeric', precision: 12, scale: 3, default: 0, transformer: numberTransformer })
  wastedKg!: number;

  /**
   * The ingredient cost of one portion on that day (COST_CTES' dish_cost), stored when the rollup is
   * built so the money figures are sums over rollups; null when the dish has no priced recipe.
   */
  @Column({ type: 'numeric', nullable: true, transformer: numberTransformer })
  fenPerPortion!: number | null;
}
