import type { CanteenScope, Role } from '@larder/domain';

export const TOKEN_SCOPES = ['import', 'read', 'metrics'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who is calling: a signed-in person with a role, or a machine holding an API token. */
export type Principal =
  { kind: 'user'; userId: string; username: string; role: Role; canteenIds: number[]; csrfToken: string } | { kind: 'token'; tokenId: string; name: string; scopes: TokenScope[] };

export function principalName(principal: Principal): string {
  return principal.kind === 'user' ? principal.username : `token:${principal.name}`;
}

/** Managers see their own canteens; every other role that sees canteen data sees all of them. */
export function canteenScope(principal: Principal): CanteenScope {
  if (principal.kind === 'user' && principal.role === 'manager') return principal.canteenIds;
  return 'all';
}

/** The union reads diners' satisfaction and participation, never money: no paid, subsidy or price figures. */
export function mayReadMoney(principal: Principal): boolean {
  return principal.kind === 'token' || principal.role !== 'union';
}
