import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. Only a hash of the session token is stored, so a copy of the database
 * cannot be used to sign in; the CSRF token is compared with a header on every write.
 */
@Entity()
@Index(['userId'])
export class UserSession {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  csrfToken!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
