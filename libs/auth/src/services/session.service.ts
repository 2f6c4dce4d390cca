import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { LarderError } from '@larder/common';
import type { Role } from '@larder/domain';
import { UserSession } from '@larder/database';
import { hashPassword, verifyPassword } from '../password';
import { Principal } from '../principal';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';
import { AuditService } from './audit.service';
import { UserService } from './user.service';

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Extract<Principal, { kind: 'user' }>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

@Injectable()
export class SessionService {
  /** Checked for unknown users, so a wrong username takes as long to refuse as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));
  private readonly cache = new PrincipalCache<Extract<Principal, { kind: 'user' }>>({ ttlMs: PRINCIPAL_CACHE_MS, maxEntries: 10_000 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  async login(credentials: { username: string; password: string }): Promise<SignedIn> {
    const user = await this.users.findByUsername(credentials.username);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), credentials.password);
    if (!user || !valid || !user.active) {
      await this.audit.record({ actor: credentials.username.slice(0, 64), action: 'login.failed' });
      throw new LarderError('UNAUTHENTICATED', 'wrong username or password');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.sessionHours * 3_600_000);
    const sessions = this.dataSource.getRepository(UserSession);
    await sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    await sessions.insert({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
    await this.audit.record({ actor: user.username, action: 'login' });
    return { token, csrfToken, expiresAt, principal: { kind: 'user', userId: user.id, username: user.username, role: user.role, canteenIds: user.canteenIds, csrfToken } };
  }

  /** One query per session and few seconds: every request of a signed-in person passes here. */
  async resolve(token: string): Promise<Extract<Principal, { kind: 'user' }> | null> {
    const tokenHash = sha256(token);
    const cached = this.cache.get(tokenHash);
    if (cached !== undefined) return cached;
    const rows: { id: string; username: string; role: Role; canteen_ids: number[]; csrf_token: string; expires_at: Date | string }[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.role, u.canteen_ids, s.csrf_token, s.expires_at FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND u.active`,
      [tokenHash],
    );
    const row = rows[0];
    const expiresAt = row ? new Date(row.expires_at).getTime() : 0;
    if (!row || expiresAt <= Date.now()) return null;
    const principal = { kind: 'user' as const, userId: row.id, username: row.username, role: row.role, canteenIds: (row.canteen_ids ?? []).map(Number), csrfToken: row.csrf_token };
    this.cache.set(tokenHash, principal, expiresAt);
    return principal;
  }

  async logout(token: string): Promise<void> {
    this.cache.delete(sha256(token));
    await this.dataSource.getRepository(UserSession).delete({ tokenHash: sha256(token) });
  }
}
