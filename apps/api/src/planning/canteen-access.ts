import { canteenScope, Principal, principalName } from '@larder/auth';
import { LarderError } from '@larder/common';

export function maySee(principal: Principal | undefined, canteenId: number): boolean {
  const scope = principal ? canteenScope(principal) : 'all';
  return scope === 'all' || scope.includes(canteenId);
}

/** Managers work on their own canteens only. */
export function allow(principal: Principal | undefined, canteenId: number): void {
  if (!maySee(principal, canteenId)) throw new LarderError('FORBIDDEN', `canteen ${canteenId} is not one of yours`);
}

export function who(principal: Principal | undefined): string {
  return principal ? principalName(principal) : 'api';
}
