import type { IsoDate } from './local-date';

/** An employer subsidy rule: from `validFrom` on, each cover of `meal` gets `subsidyFen` until a later rule for the meal. */
export interface SubsidyRuleTerms {
  readonly validFrom: IsoDate;
  readonly meal: string;
  readonly subsidyFen: number;
}

/**
 * The rule in force for a meal on a day: the one of that meal with the latest `validFrom` on or
 * before the day; none before the meal's first rule. SQL reads the same rule with
 * `subsidyInForceSql` (@larder/analytics); a test holds the two to one answer.
 */
export function subsidyRuleInForce<Rule extends SubsidyRuleTerms>(rules: readonly Rule[], meal: string, date: IsoDate): Rule | undefined {
  let inForce: Rule | undefined;
  for (const rule of rules) {
    if (rule.meal === meal && rule.validFrom <= date && (!inForce || rule.validFrom > inForce.validFrom)) inForce = rule;
  }
  return inForce;
}

/** The subsidy per cover (fen) of a meal on a day: the rule in force, nothing before the first rule. */
export function subsidyInForceFen(rules: readonly SubsidyRuleTerms[], meal: string, date: IsoDate): number {
  return subsidyRuleInForce(rules, meal, date)?.subsidyFen ?? 0;
}
