import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from '@larder/domain';

@Entity()
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'text' })
  kind!: DayKind;

  @Column({ type: 'text', nullable: true })
  holidayName!: string | null;

  @Column({ type: 'text', nullable: true })
  holidayNameZh!: string | null;
}
