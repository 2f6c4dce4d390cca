import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A workplace whose staff eat at Larder's canteens: headquarters, a depot, a line's stations. */
@Entity()
export class Site {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;
}
