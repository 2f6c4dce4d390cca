import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';

export type MenuChangeStatus = 'proposed' | 'accepted' | 'rejected' | 'edited';

/** A proposed menu for one canteen's cycle: the rules it obeyed and its predicted totals. */
@Entity()
@Index(['canteenId', 'createdAt'])
export class MenuProposal {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  canteenId!: number;

  @Column({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date' })
  toDate!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text' })
  createdBy!: string;

  @Column({ type: 'jsonb' })
  rules!: Record<string, unknown>;

  /** Cover-weighted current and proposed figures, and the slots the rules left short. */
  @Column({ type: 'jsonb' })
  summary!: Record<string, unknown>;
}

/** One change of a proposal and what the manager decided about it. */
@Entity()
export class MenuProposalChange {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text' })
  meal!: MealPeriod;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'integer', nullable: true })
  fromDishId!: number | null;

  /** The proposed dish, or the manager's own pick when edited. */
  @Column({ type: 'integer', nullable: true })
  toDishId!: number | null;

  @Column({ type: 'text' })
  explanationZh!: string;

  @Column({ type: 'text' })
  explanationEn!: string;

  /** Predicted figures of the slot without and with the change. */
  @Column({ type: 'jsonb' })
  effect!: Record<string, unknown>;

  @Column({ type: 'text', default: 'proposed' })
  status!: MenuChangeStatus;

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
