import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type ImportBatchStatus = 'running' | 'committed' | 'failed' | 'rolled_back';

/** Every load of data is a batch: who, when, from where, with what checksum and outcome. */
@Entity()
export class ImportBatch {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  checksum!: string | null;

  /** The file's headers in its own order, so its refused rows can be listed the same way (null before they were kept). */
  @Column({ type: 'text', array: true, nullable: true })
  headers!: string[] | null;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text' })
  status!: ImportBatchStatus;

  @Column({ type: 'integer', default: 0 })
  accepted!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
