import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class Canteen {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'integer' })
  siteId!: number;

  @Column({ type: 'text', default: 'Asia/Shanghai' })
  timezone!: string;

  @Column({ type: 'integer' })
  seats!: number;

  @Column({ type: 'boolean', default: false })
  opensWeekends!: boolean;
}
