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
}
