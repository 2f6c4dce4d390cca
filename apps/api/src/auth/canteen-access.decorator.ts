import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { canteenScope, Principal } from '@larder/auth';
import { LarderError } from '@larder/common';
import { CanteenScope, inScope } from '@larder/domain';

/**
 * The canteens the caller may read. Fails closed: a request that reaches a handler without a
 * principal (a route left open by mistake) reads no canteen at all, never every canteen.
 * Exported apart from the decorator so a test can find every handler that takes the parameter.
 */
export function canteenAccessParameter(_data: unknown, context: ExecutionContext): CanteenScope {
  const { principal } = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!principal) throw new LarderError('UNAUTHENTICATED', 'sign in, or send an API token as "Authorization: Bearer …", to read canteen data');
  return canteenScope(principal);
}

/** `@CanteenAccess() canteens: CanteenScope`: a manager's own canteens, every canteen for the other roles and tokens. */
export const CanteenAccess = createParamDecorator(canteenAccessParameter);

/** Managers work on their own canteens only. */
export function allowCanteen(scope: CanteenScope, canteenId: number): void {
  if (!inScope(scope, canteenId)) throw new LarderError('FORBIDDEN', `canteen ${canteenId} is not one of yours`);
}
