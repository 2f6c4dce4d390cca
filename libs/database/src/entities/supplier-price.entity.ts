import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Pack price history: a price holds from its date until the next one. */
@Entity()
export class SupplierPrice {
  @PrimaryColumn({ type: 'integer' })
  supplierItemId!: number;

  @PrimaryColumn({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'integer' })
  packPriceFen!: number;
}
