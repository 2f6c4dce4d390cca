import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The HR roster, pseudonymised as the sales are: the site each member of staff works at, so that
 * who ate and what subsidy they used can be told per site (remote sites have no canteen of their own).
 */
@Entity()
@Index(['siteId'])
export class StaffSite {
  @PrimaryColumn({ type: 'text' })
  dinerPseudonym!: string;

  @Column({ type: 'integer' })
  siteId!: number;
}
