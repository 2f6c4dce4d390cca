import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';

/** Canteen × day × meal × hour of day (canteen-local): the load on the lines, for staffing heat maps. */
@Entity()
export class HourlyLoadRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  /** 0–23 in the canteen's time zone. */
  @PrimaryColumn({ type: 'smallint' })
  hour!: number;

  /** Sales (refunds excluded) paid in the hour. */
  @Column({ type: 'integer', default: 0 })
  transactions!: number;

  /** Distinct diners who bought in the hour. */
  @Column({ type: 'integer', default: 0 })
  covers!: number;
}
