import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';
import { numberTransformer } from './column-types';

export type PlanStatus = 'draft' | 'approved' | 'superseded';

/** A canteen's plan for one ISO week; approving freezes it and re-planning makes a new version. */
@Entity()
@Index(['canteenId', 'week', 'version'], { unique: true })
export class ProductionPlan {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  canteenId!: number;

  @Column({ type: 'text' })
  week!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: PlanStatus;

  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true, transformer: numberTransformer })
  serviceLevel!: number | null;

  @Column({ type: 'uuid', nullable: true })
  forecastRunId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text' })
  createdBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  approvedBy!: string | null;
}

@Entity()
export class PlanLine {
  @PrimaryColumn({ type: 'uuid' })
  planId!: string;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @PrimaryColumn({ type: 'integer' })
  dishId!: number;

  @Column({ type: 'integer' })
  canteenId!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  forecastP50!: number;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numberTransformer })
  serviceLevel!: number;

  @Column({ type: 'integer' })
  plannedPortions!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  expectedLeftover!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  expectedShortfall!: number;
}

/** A manager's change to a planned quantity, kept with its reason. */
@Entity()
export class PlanOverride {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @Column({ type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text' })
  meal!: MealPeriod;

  @Column({ type: 'integer' })
  dishId!: number;

  @Column({ type: 'integer' })
  previousPortions!: number;

  @Column({ type: 'integer' })
  newPortions!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
