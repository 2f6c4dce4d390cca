import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Role } from '@larder/domain';
import { PUBLIC_ROUTE, ROUTE_ROLES, ROUTE_TOKEN_SCOPES } from './access.decorators';
import type { TokenScope } from './principal';

/** Who a route serves, read from its decorators the way the access guard reads them. */
export type RouteAccess = { readonly public: true } | { readonly public: false; readonly roles: readonly Role[]; readonly tokenScopes: readonly TokenScope[] };

/**
 * The handler's decorators win over its controller's. Admins pass every route that is not public,
 * so they are always among the roles; a route that names no role is for admins only.
 */
export function routeAccess(reflector: Reflector, handler: ReturnType<ExecutionContext['getHandler']>, controller: ReturnType<ExecutionContext['getClass']>): RouteAccess {
  const targets = [handler, controller];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return { public: true };
  const named = reflector.getAllAndOverride<Role[]>(ROUTE_ROLES, targets) ?? [];
  const roles: Role[] = ['admin', ...named.filter((role) => role !== 'admin')];
  return { public: false, roles, tokenScopes: reflector.getAllAndOverride<TokenScope[]>(ROUTE_TOKEN_SCOPES, targets) ?? [] };
}
