import type { Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, PathItemObject, SecurityRequirementObject } from '@nestjs/swagger';
import { CSRF_HEADER, RouteAccess, routeAccess, SESSION_COOKIE } from '@larder/auth';
import type { RouteHandler } from './route-handlers';

/** The operation extension that carries a route's access for programs: `{public}` or `{roles, tokenScopes}`. */
export const ACCESS_EXTENSION = 'x-larder-access';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const SAFE = new Set(['get', 'head', 'options']);

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by `POST /api/auth/login`. The scopes listed with it are the roles that may call the operation (any one of them).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'Every write made with the session cookie echoes the `csrfToken` of the login answer (or of `GET /api/auth/me`) in this header.',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`larder tokens create --scope read|import|metrics`, or the API tokens page): `Authorization: Bearer <token>`. The scopes listed with it are the token scopes that may call the operation (any one of them).',
  },
} as const;

const ERROR_RESPONSE = { $ref: '#/components/responses/Error' };

function security(method: string, access: Extract<RouteAccess, { public: false }>): SecurityRequirementObject[] {
  const session: SecurityRequirementObject = SAFE.has(method) ? { session: [...access.roles] } : { session: [...access.roles], csrf: [] };
  return access.tokenScopes.length > 0 ? [session, { apiToken: [...access.tokenScopes] }] : [session];
}

function accessText(access: RouteAccess): string {
  if (access.public) return 'Access: anyone, no sign-in.';
  const tokens = access.tokenScopes.length > 0 ? `API tokens with scope ${access.tokenScopes.join(' or ')}` : 'no API token';
  return `Access: roles ${access.roles.join(', ')}; ${tokens}.`;
}

function describeOperation(method: string, operation: OperationObject, access: RouteAccess): void {
  Object.assign(operation, { [ACCESS_EXTENSION]: access.public ? { public: true } : { roles: access.roles, tokenScopes: access.tokenScopes } });
  operation.description = [operation.description, accessText(access)].filter(Boolean).join('\n\n');
  operation.security = access.public ? [] : security(method, access);
  if (!access.public) operation.responses = { ...operation.responses, 401: ERROR_RESPONSE, 403: ERROR_RESPONSE };
  if (operation.requestBody || (operation.parameters ?? []).length > 0) operation.responses = { ...operation.responses, 400: ERROR_RESPONSE };
}

/**
 * Writes each operation's access into the document from the decorators the access guard reads
 * (`routeAccess`), so the two cannot differ. An operation whose handler is not found stops the build.
 */
export function describeAccess(document: OpenAPIObject, handlers: ReadonlyMap<string, RouteHandler>, reflector: Reflector): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as PathItemObject)[method];
      if (!operation) continue;
      const route = operation.operationId === undefined ? undefined : handlers.get(operation.operationId);
      if (!route) throw new Error(`no controller method for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      describeOperation(method, operation, routeAccess(reflector, route.handler, route.controller));
    }
  }
}
