import { Column, Entity, PrimaryColumn } from 'typeorm';

/** HR figures per site and day: who could come to eat, and who works late. */
@Entity()
export class Headcount {
  @PrimaryColumn({ type: 'integer' })
  siteId!: number;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'integer' })
  employees!: number;

  @Column({ type: 'integer' })
  onDuty!: number;

  @Column({ type: 'integer' })
  onLeave!: number;

  @Column({ type: 'integer' })
  travelling!: number;

  @Column({ type: 'integer' })
  overtime!: number;

  @Column({ type: 'integer' })
  remote!: number;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
