import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A row an import refused, kept with a reason a person understands. */
@Entity()
@Index(['batchId'])
export class QuarantineRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: number;

  @Column({ type: 'uuid' })
  batchId!: string;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'integer' })
  line!: number;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  /** 'rejected': the row was not stored; 'flagged': stored, but a person should look at it. */
  @Column({ type: 'text', default: 'rejected' })
  severity!: 'rejected' | 'flagged';

  @Column({ type: 'jsonb' })
  raw!: Record<string, unknown>;
}
