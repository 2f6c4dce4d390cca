import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';
import type { MealPeriod } from '@larder/domain';

@Entity()
@Index(['canteenId', 'serviceDate'])
@Check('"rating" BETWEEN 1 AND 5')
export class Feedback {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  id!: number;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text', nullable: true })
  meal!: MealPeriod | null;

  @Column({ type: 'integer', nullable: true })
  dishId!: number | null;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text', array: true, default: '{}' })
  tags!: string[];

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', nullable: true })
  dinerPseudonym!: string | null;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
