import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { LarderError } from '@larder/common';
import type { Role } from '@larder/domain';
import type { Principal, TokenScope } from './principal';

export const PUBLIC_ROUTE = 'larder:public';
export const ROUTE_ROLES = 'larder:roles';
export const ROUTE_TOKEN_SCOPES = 'larder:token-scopes';

/** Open to anyone: the health check, the login itself, the dashboard's static files. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles a route serves; admins pass everywhere. A route that names none is for admins only. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

/** API tokens with one of these scopes may call the route too. */
export const TokenScopes = (...scopes: TokenScope[]) => SetMetadata(ROUTE_TOKEN_SCOPES, scopes);

/** Who is calling; fails closed: a handler reached without a principal (a route left open by mistake) answers 401. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const { principal } = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!principal) throw new LarderError('UNAUTHENTICATED', 'sign in, or send an API token as "Authorization: Bearer …"');
  return principal;
});
