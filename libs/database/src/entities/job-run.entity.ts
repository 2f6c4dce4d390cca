import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type JobStatus = 'running' | 'succeeded' | 'failed';

@Entity()
@Index(['name', 'startedAt'])
@Index(['name', 'slot'], { unique: true })
export class JobRun {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  trigger!: 'schedule' | 'manual' | 'startup';

  /**
   * The scheduled time a run answers, e.g. nightly@2026-11-25T02:00+08:00. Unique per job, so when
   * several instances wake for the same slot exactly one of them records it and runs.
   */
  @Column({ type: 'text', nullable: true })
  slot!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text' })
  status!: JobStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}

@Entity()
export class JobStep {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ type: 'integer' })
  stepNo!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  canteenId!: number | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text' })
  status!: JobStatus;

  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ type: 'jsonb', default: {} })
  counts!: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
