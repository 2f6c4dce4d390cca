import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class Supplier {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  /** Where the supplier is, printed on its purchase orders. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;
}
