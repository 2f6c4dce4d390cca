import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { LarderError } from '@larder/common';
import { ApiToken } from '@larder/database';
import { Principal, TOKEN_SCOPES, TokenScope } from '../principal';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';
import { sha256 } from './session.service';

const PREFIX = 'lrd_';

/** Machines that push data hold a token; only its hash is kept, and revoking it keeps the record. */
@Injectable()
export class ApiTokenService {
  private readonly cache = new PrincipalCache<Extract<Principal, { kind: 'token' }>>({ ttlMs: PRINCIPAL_CACHE_MS, maxEntries: 1000 });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the token itself once: it cannot be shown again. */
  async create(request: { name: string; scopes: TokenScope[] }): Promise<{ id: string; token: string }> {
    if (!/^[\w .-]{1,64}$/.test(request.name)) throw new LarderError('VALIDATION_FAILED', 'token name must be 1-64 letters, digits, spaces, dots, dashes or underscores', { field: 'name' });
    if (request.scopes.length === 0 || request.scopes.some((scope) => !TOKEN_SCOPES.includes(scope))) {
      throw new LarderError('VALIDATION_FAILED', `token scopes must be some of ${TOKEN_SCOPES.join(', ')}`, { field: 'scopes' });
    }
    const token = PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.dataSource.getRepository(ApiToken).insert({ id, name: request.name, tokenHash: sha256(token), scopes: request.scopes, revokedAt: null });
    return { id, token };
  }

  async resolve(token: string): Promise<Extract<Principal, { kind: 'token' }> | null> {
    if (!token.startsWith(PREFIX)) return null;
    const tokenHash = sha256(token);
    const cached = this.cache.get(tokenHash);
    if (cached !== undefined) return cached;
    const row = await this.dataSource.getRepository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() });
    if (!row) return null;
    const principal = { kind: 'token' as const, tokenId: row.id, name: row.name, scopes: row.scopes as TokenScope[] };
    this.cache.set(tokenHash, principal);
    return principal;
  }

  async revoke(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(ApiToken).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    // only the hash is known by token, not by id: forget every remembered token
    this.cache.clear();
    if (!result.affected) throw new LarderError('NOT_FOUND', `no active token with id ${id}`);
  }

  list(): Promise<Omit<ApiToken, 'tokenHash'>[]> {
    return this.dataSource.getRepository(ApiToken).find({ select: { id: true, name: true, scopes: true, createdAt: true, revokedAt: true }, order: { createdAt: 'DESC' } });
  }
}
