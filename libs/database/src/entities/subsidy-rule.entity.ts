import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';

/** The employer's contribution per subsidised meal, from a date on. */
@Entity()
export class SubsidyRule {
  @PrimaryColumn({ type: 'date' })
  validFrom!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @Column({ type: 'integer' })
  subsidyFen!: number;
}
