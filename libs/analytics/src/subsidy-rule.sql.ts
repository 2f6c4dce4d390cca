/**
 * SQL for the subsidy per cover (fen) in force for a meal on a day: the rule of that meal with the
 * latest `valid_from` on or before the day, 0 before the first. The same rule as
 * `subsidyRuleInForce` (@larder/domain), for queries that sum it over many days; a test holds the
 * two to one answer. `meal` and `day` are SQL expressions of the outer query.
 */
export function subsidyInForceSql(meal: string, day: string): string {
  return `COALESCE((SELECT rule_in_force.subsidy_fen FROM subsidy_rule rule_in_force
    WHERE rule_in_force.meal = ${meal} AND rule_in_force.valid_from <= ${day} ORDER BY rule_in_force.valid_from DESC LIMIT 1), 0)`;
}
