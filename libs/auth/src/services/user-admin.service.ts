import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LarderError } from '@larder/common';
import { AppUser, query, UserSession } from '@larder/database';
import { Role, ROLES } from '@larder/domain';
import { generatePassword, hashPassword } from '../password';
import { AuditService } from './audit.service';
import { canteenIdsOf } from './canteen-reference';
import { SessionService } from './session.service';
import { UserService } from './user.service';
import { LOCK_ACTIVE_ADMINS_SQL, USER_LISTING_SQL, UserIdRow, UserListingRow } from './auth.queries';

export interface UserListing {
  id: string;
  username: string;
  role: Role;
  /** Canteen codes (C01), as people name them; empty for roles that see every canteen. */
  canteens: string[];
  active: boolean;
  createdAt: Date;
}

export interface UserChange {
  role?: Role;
  /** Canteen codes (or ids) a manager plans for. */
  canteens?: string[];
  active?: boolean;
}

/**
 * What an admin does to people's accounts, from the admin pages and the CLI alike: list, create
 * with a generated password, change role and canteens, disable and enable, reset a password. Each
 * change is audited in the same transaction; disabling, a new role, other canteens or a new
 * password end the person's sessions, so their next request is refused or sees the new rights.
 * The last active admin cannot be disabled or demoted.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** Every account, or with `username` that one only. */
  async list(username?: string): Promise<UserListing[]> {
    const rows = await query<UserListingRow>(this.dataSource, USER_LISTING_SQL, [username ?? null]);
    return rows.map((row) => ({ id: row.id, username: row.username, role: row.role, canteens: row.codes, active: row.active, createdAt: new Date(row.created_at) }));
  }

  /** A new account with a generated password, returned once. */
  async create(actor: string, request: { username: string; role: Role; canteens?: string[] }): Promise<{ user: UserListing; password: string }> {
    const password = generatePassword();
    const canteenIds = await canteenIdsOf(this.dataSource, request.canteens ?? []);
    const user = await this.users.create({ username: request.username, role: request.role, canteenIds, password });
    await this.audit.record({ actor, action: 'user.create', detail: { username: user.username, role: user.role, canteens: request.canteens ?? [] } });
    return { user: await this.listing(user.username), password };
  }

  async update(actor: string, username: string, change: UserChange): Promise<UserListing> {
    if (change.role !== undefined && !ROLES.includes(change.role)) throw new LarderError('VALIDATION_FAILED', `role must be one of ${ROLES.join(', ')}`, { parameter: 'role' });
    const canteenIds = change.canteens === undefined ? undefined : await canteenIdsOf(this.dataSource, change.canteens);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, username);
      const losesAdmin = user.role === 'admin' && user.active && ((change.role !== undefined && change.role !== 'admin') || change.active === false);
      if (losesAdmin) await this.keepOneAdmin(manager, user.id);
      const next = { role: change.role ?? user.role, canteenIds: canteenIds ?? user.canteenIds, active: change.active ?? user.active };
      await manager.getRepository(AppUser).update({ id: user.id }, next);
      const rightsChanged = next.role !== user.role || !sameIds(next.canteenIds, user.canteenIds) || next.active !== user.active;
      if (rightsChanged) await manager.getRepository(UserSession).delete({ userId: user.id });
      const action = change.active === false && user.active ? 'user.disable' : change.active === true && !user.active ? 'user.enable' : 'user.update';
      await this.audit.record({ actor, action, detail: { username, role: next.role, canteens: change.canteens, active: next.active } }, manager);
    });
    this.sessions.forgetCached();
    return this.listing(username);
  }

  /** A new generated password, returned once; the person's sessions end. */
  async resetPassword(actor: string, username: string): Promise<{ username: string; password: string }> {
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, username);
      await manager.getRepository(AppUser).update({ id: user.id }, { passwordHash });
      await manager.getRepository(UserSession).delete({ userId: user.id });
      await this.audit.record({ actor, action: 'user.password.reset', detail: { username } }, manager);
    });
    this.sessions.forgetCached();
    return { username, password };
  }

  private async listing(username: string): Promise<UserListing> {
    const [found] = await this.list(username);
    if (!found) throw new LarderError('NOT_FOUND', `no user ${username}`);
    return found;
  }

  private async lockedUser(manager: EntityManager, username: string): Promise<AppUser> {
    const user = await manager.getRepository(AppUser).findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new LarderError('NOT_FOUND', `no user ${username}`);
    return user;
  }

  /** Admins are locked in one order, so two admins demoting each other at once cannot both succeed. */
  private async keepOneAdmin(manager: EntityManager, leaving: string): Promise<void> {
    const admins = await query<UserIdRow>(manager, LOCK_ACTIVE_ADMINS_SQL);
    if (admins.filter((admin) => admin.id !== leaving).length === 0) {
      throw new LarderError('CONFLICT', 'this is the last active admin: make another admin first');
    }
  }
}

function sameIds(a: number[], b: number[]): boolean {
  const sortedB = [...b].sort((x, y) => x - y);
  return a.length === b.length && [...a].sort((x, y) => x - y).every((id, index) => id === sortedB[index]);
}
