/** Pages for running Larder rather than reading its figures: admins only, as the API's admin routes are. */
export const ADMIN_PAGE_ORDER = ['imports', 'users', 'tokens', 'audit'] as const;
export type AdminPageId = (typeof ADMIN_PAGE_ORDER)[number];

export function isAdminPage(page: string): page is AdminPageId {
  return (ADMIN_PAGE_ORDER as readonly string[]).includes(page);
}

/** Every signed-in person's own page, beside the figures: the reports and alerts they have sent to them. */
export const SUBSCRIPTIONS_PAGE = 'subscriptions' as const;
