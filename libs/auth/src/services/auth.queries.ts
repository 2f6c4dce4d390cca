import type { Role } from '@larder/domain';

/** The signed-in person behind a session token's hash ($1), while their account is active. */
export const SESSION_PRINCIPAL_SQL = `SELECT u.id, u.username, u.role, u.canteen_ids, s.csrf_token, s.expires_at FROM user_session s JOIN app_user u ON u.id = s.user_id
WHERE s.token_hash = $1 AND u.active`;

/** Canteens named by code or id (both as text, $1). */
export const CANTEENS_BY_REFERENCE_SQL = `SELECT id, code FROM canteen WHERE code = ANY($1::text[]) OR id::text = ANY($1::text[])`;

/** Every account (or the one named $1) with the codes of its canteens. */
export const USER_LISTING_SQL = `SELECT u.id, u.username, u.role, u.active, u.created_at,
       COALESCE(array_agg(c.code ORDER BY c.code) FILTER (WHERE c.code IS NOT NULL), '{}') AS codes
FROM app_user u LEFT JOIN canteen c ON c.id = ANY(u.canteen_ids)
WHERE $1::text IS NULL OR u.username = $1
GROUP BY u.id ORDER BY u.username`;

export const LOCK_ACTIVE_ADMINS_SQL = `SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;

export interface SessionPrincipalRow {
  id: string;
  username: string;
  role: Role;
  canteen_ids: number[] | null;
  csrf_token: string;
  expires_at: Date;
}

export interface CanteenReferenceRow {
  id: number;
  code: string;
}

export interface UserListingRow {
  id: string;
  username: string;
  role: Role;
  codes: string[];
  active: boolean;
  created_at: Date;
}

export interface UserIdRow {
  id: string;
}
