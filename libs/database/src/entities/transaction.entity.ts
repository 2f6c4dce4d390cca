import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';
import type { MealPeriod, PaymentChannel, TransactionKind } from '@larder/domain';

/**
 * One payment at a till as the vendor's system recorded it. A refund is its own row pointing at the
 * sale it reverses. The diner is stored only as a keyed pseudonym, never as a card or staff number.
 */
@Entity({ name: 'sale_transaction' })
@Index(['canteenId', 'source', 'externalId'], { unique: true })
@Index(['canteenId', 'serviceDate'])
@Index(['batchId'])
export class SaleTransaction {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  id!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  terminal!: string;

  @Column({ type: 'text' })
  dinerPseudonym!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The canteen-local date of the meal, kept so daily questions never depend on time-zone maths. */
  @Column({ type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text' })
  meal!: MealPeriod;

  @Column({ type: 'text' })
  kind!: TransactionKind;

  /** Negative for refunds. */
  @Column({ type: 'integer' })
  amountPaidFen!: number;

  /** Employer subsidy applied to this payment; negative for refunds. */
  @Column({ type: 'integer' })
  subsidyFen!: number;

  @Column({ type: 'text' })
  channel!: PaymentChannel;

  @Column({ type: 'text', nullable: true })
  refundOfExternalId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
