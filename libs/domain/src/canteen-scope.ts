/** The canteens a caller may read: every one, or a manager's own. */
export type CanteenScope = number[] | 'all';

export function inScope(scope: CanteenScope, canteenId: number): boolean {
  return scope === 'all' || scope.includes(canteenId);
}

/** A query's canteen filter for the scope: none for every canteen, else the ids. */
export function scopeFilter(scope: CanteenScope): number[] | undefined {
  return scope === 'all' ? undefined : scope;
}
