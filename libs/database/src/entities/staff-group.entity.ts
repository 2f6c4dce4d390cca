import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The department and grade of an employee, keyed by the same pseudonym as their payments (the staff
 * number is never stored). Read only in aggregate: groups under five diners are never shown.
 */
@Entity()
export class StaffGroup {
  @PrimaryColumn({ type: 'text' })
  dinerPseudonym!: string;

  @Column({ type: 'text' })
  department!: string;

  /** '' where the HR export has no grade. */
  @Column({ type: 'text', default: '' })
  grade!: string;
}
