import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';
import { numberTransformer } from './column-types';

/** Canteen × day × meal: covers (distinct diners), payments and refunds by channel. */
@Entity()
export class DailyMealRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @Column({ type: 'integer', default: 0 })
  covers!: number;

  @Column({ type: 'integer', default: 0 })
  transactions!: number;

  @Column({ type: 'integer', default: 0 })
  refunds!: number;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  paidFen!: number;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  subsidyFen!: number;

  /** Paid amount per payment channel, in fen. */
  @Column({ type: 'jsonb', default: {} })
  paidByChannel!: Record<string, number>;
}
