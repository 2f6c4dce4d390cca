import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Instance-wide values Larder creates itself, such as the generated pseudonym key of a demo install. */
@Entity()
export class AppSetting {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
