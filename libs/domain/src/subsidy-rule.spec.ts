import { subsidyInForceFen, subsidyRuleInForce } from './subsidy-rule';

describe('the subsidy rule in force', () => {
  const rules = [
    { validFrom: '2026-11-01', meal: 'lunch', subsidyFen: 1200 },
    { validFrom: '2026-10-01', meal: 'lunch', subsidyFen: 1000 },
    { validFrom: '2026-10-15', meal: 'dinner', subsidyFen: 800 },
  ];

  it('takes the latest rule of the meal from on or before the day, in whatever order the rules come', () => {
    expect(subsidyInForceFen(rules, 'lunch', '2026-10-31')).toBe(1000);
    expect(subsidyInForceFen(rules, 'lunch', '2026-11-01')).toBe(1200);
    expect(subsidyInForceFen(rules, 'dinner', '2026-11-30')).toBe(800);
    expect(subsidyRuleInForce(rules, 'lunch', '2026-12-01')).toBe(rules[0]);
  });

  it('gives nothing before the meal first has a rule, or for a meal without one', () => {
    expect(subsidyRuleInForce(rules, 'dinner', '2026-10-14')).toBeUndefined();
    expect(subsidyInForceFen(rules, 'dinner', '2026-10-14')).toBe(0);
    expect(subsidyInForceFen(rules, 'breakfast', '2026-11-10')).toBe(0);
  });
});
