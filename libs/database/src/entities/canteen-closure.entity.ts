import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A canteen shut for refurbishment or any other reason: no service, so no demand to forecast. */
@Entity()
export class CanteenClosure {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date' })
  toDate!: string;

  @Column({ type: 'text' })
  reason!: string;
}
