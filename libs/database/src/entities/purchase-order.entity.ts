import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

export type PurchaseOrderStatus = 'draft' | 'approved' | 'sent' | 'received' | 'cancelled';

/** One order to one supplier for one delivery to one canteen. */
@Entity()
@Index(['canteenId', 'deliveryDate'])
export class PurchaseOrder {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  canteenId!: number;

  @Column({ type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ type: 'integer' })
  supplierId!: number;

  @Column({ type: 'date' })
  orderDate!: string;

  @Column({ type: 'date' })
  deliveryDate!: string;

  @Column({ type: 'text' })
  status!: PurchaseOrderStatus;

  @Column({ type: 'bigint', transformer: numberTransformer })
  totalFen!: number;

  /** Some line could not arrive before the day it is needed, as the plan found when it was made. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;
}

@Entity()
export class PurchaseOrderLine {
  @PrimaryColumn({ type: 'uuid' })
  orderId!: string;

  @PrimaryColumn({ type: 'integer' })
  supplierItemId!: number;

  @Column({ type: 'integer' })
  canteenId!: number;

  @Column({ type: 'integer' })
  ingredientId!: number;

  @Column({ type: 'integer' })
  packs!: number;

  @Column({ type: 'integer' })
  packPriceFen!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  amountFen!: number;

  /** What the plan needs, in the ingredient's unit, before rounding up to packs. */
  @Column({ type: 'numeric', precision: 12, scale: 3, transformer: numberTransformer })
  neededQuantity!: number;

  /** Packs delivered, recorded when the order is received (验收入库); null until then. */
  @Column({ type: 'integer', nullable: true })
  receivedPacks!: number | null;

  /** Price per pack on the delivery note, when received. */
  @Column({ type: 'integer', nullable: true })
  receivedPackPriceFen!: number | null;
}

/** A buyer's change to the packs of an order line before it was sent, kept with its reason. */
@Entity()
@Index(['orderId', 'createdAt'])
export class PurchaseOrderChange {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Column({ type: 'integer' })
  supplierItemId!: number;

  @Column({ type: 'integer' })
  previousPacks!: number;

  @Column({ type: 'integer' })
  newPacks!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
