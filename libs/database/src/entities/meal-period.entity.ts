import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod as MealPeriodCode } from '@larder/domain';

/** When a canteen serves a meal; sales outside the window are flagged on import. */
@Entity()
export class MealPeriod {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriodCode;

  @Column({ type: 'time' })
  startsAt!: string;

  @Column({ type: 'time' })
  endsAt!: string;
}
