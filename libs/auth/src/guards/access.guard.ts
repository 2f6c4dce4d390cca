import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { LarderError } from '@larder/common';
import type { Principal } from '../principal';
import { routeAccess } from '../route-access';
import { ApiTokenService } from '../services/api-token.service';
import { SessionService } from '../services/session.service';

export const SESSION_COOKIE = 'larder_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: every route must say who it serves. Admins pass everywhere; a person passes a
 * route that lists their role; a machine passes a route that lists one of its token's scopes.
 * Cookie sessions must echo their CSRF token in a header on every write.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, context.getHandler(), context.getClass());
    if (access.public) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.identify(request);
    if (!principal) throw new LarderError('UNAUTHENTICATED', 'sign in, or send an API token as "Authorization: Bearer …"');
    request.principal = principal;
    if (principal.kind === 'token') {
      if (!principal.scopes.some((scope) => access.tokenScopes.includes(scope))) throw new LarderError('FORBIDDEN', `this token may not call ${request.method} ${request.path}`);
      return true;
    }
    if (!access.roles.includes(principal.role)) throw new LarderError('FORBIDDEN', `the ${principal.role} role may not call ${request.method} ${request.path}`);
    if (!SAFE_METHODS.has(request.method) && request.header(CSRF_HEADER) !== principal.csrfToken) {
      throw new LarderError('FORBIDDEN', `missing or wrong ${CSRF_HEADER} header`);
    }
    return true;
  }

  private async identify(request: Request): Promise<Principal | null> {
    const authorization = request.header('authorization');
    if (authorization?.startsWith('Bearer ')) return this.tokens.resolve(authorization.slice('Bearer '.length).trim());
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return cookie ? this.sessions.resolve(cookie) : null;
  }
}
