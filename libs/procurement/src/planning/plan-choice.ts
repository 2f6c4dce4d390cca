/**
 * The version of a canteen's week that Purchasing shows and the purchase-plan workbook counts: the
 * newest draft or approved version (a revision in progress before the approved plan it replaces),
 * else the newest version. One rule for the page and the report, so their totals are the same.
 * Pure and dependency-free: the dashboard imports it as it is.
 */
export function currentPlanOf<P extends { status: string; version: number }>(versions: readonly P[]): P | undefined {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return newestFirst.find((plan) => plan.status === 'draft' || plan.status === 'approved') ?? newestFirst[0];
}
