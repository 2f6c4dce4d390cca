import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Not } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { LarderError } from '@larder/common';
import { AppUser, query, UserSession } from '@larder/database';
import { hashPassword, passwordProblem, verifyPassword } from '../password';
import { Principal } from '../principal';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';
import { AuditService } from './audit.service';
import { UserService } from './user.service';
import { SESSION_PRINCIPAL_SQL, SessionPrincipalRow } from './auth.queries';

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
    const rows = await query<SessionPrincipalRow>(this.dataSource, SESSION_PRINCIPAL_SQL, [tokenHash]);
    const row = rows[0];
    const expiresAt = row ? row.expires_at.getTime() : 0;
    if (!row || expiresAt <= Date.now()) return null;
    const principal = { kind: 'user' as const, userId: row.id, username: row.username, role: row.role, canteenIds: row.canteen_ids ?? [], csrfToken: row.csrf_token };
    this.cache.set(tokenHash, principal, expiresAt);
    return principal;
  }

  /**
   * A signed-in person changes their own password: the old one must be right, the new one must
   * pass the policy, and every other session of theirs ends (this one stays signed in). Another
   * server process may honour an ended session for a few seconds (PRINCIPAL_CACHE_MS).
   */
  async changePassword(request: { userId: string; currentToken: string; oldPassword: string; newPassword: string }): Promise<void> {
    const users = this.dataSource.getRepository(AppUser);
    const user = await users.findOneBy({ id: request.userId });
    if (!user || !(await verifyPassword(user.passwordHash, request.oldPassword))) {
      await this.audit.record({ actor: user?.username ?? request.userId, action: 'password.change.failed' });
      throw new LarderError('FORBIDDEN', 'the current password is wrong');
    }
    const weak = await passwordProblem(request.newPassword, user.username);
    if (weak) throw new LarderError('VALIDATION_FAILED', weak, { parameter: 'newPassword' });
    if (request.newPassword === request.oldPassword) throw new LarderError('VALIDATION_FAILED', 'the new password must differ from the current one', { parameter: 'newPassword' });
    const keep = sha256(request.currentToken);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AppUser).update({ id: user.id }, { passwordHash: await hashPassword(request.newPassword) });
      await manager.getRepository(UserSession).delete({ userId: user.id, tokenHash: Not(keep) });
      await this.audit.record({ actor: user.username, action: 'password.change' }, manager);
    });
    // this process forgets the ended sessions at once
    this.cache.clear();
  }

  /** After an admin changed someone's rights or ended their sessions: this process asks the database again. */
  forgetCached(): void {
    this.cache.clear();
  }

  async logout(token: string): Promise<void> {
    this.cache.delete(sha256(token));
    await this.dataSource.getRepository(UserSession).delete({ tokenHash: sha256(token) });
  }
}
