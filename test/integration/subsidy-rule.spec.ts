import { MealSubsidyService, SubsidyReachService } from '@larder/analytics';
import { DemandHistoryService } from '@larder/demand';
import { addDays, eachDate, MEAL_PERIODS, subsidyInForceFen, SubsidyRuleTerms } from '@larder/domain';
import { parseIsoDate as toEpochDay } from '@larder/forecasting';
import { openReportingContext, ReportingContext } from '../support/reporting-context';

const FROM = '2026-10-01';
const TO = '2026-11-27';
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * "Which subsidy rule is in force for a day and meal" has one answer: the domain's
 * subsidyRuleInForce. The SQL fragment (the what-if's MealSubsidyService, the subsidy-reach
 * entitlement) and the forecasts' subsidy driver must give it for every day and meal.
 */
describe('the subsidy rule in force: every path gives the same answer', () => {
  let context: ReportingContext;
  let rules: SubsidyRuleTerms[];

  beforeAll(async () => {
    context = await openReportingContext();
    // A change for one meal mid-month, beside the demo's own, so a path that reads the wrong rule shows.
    await context.dataSource.query(`INSERT INTO subsidy_rule (valid_from, meal, subsidy_fen) VALUES ('2026-11-12', 'dinner', 777)`);
    const rows: { valid_from: string; meal: string; subsidy_fen: number }[] = await context.dataSource.query(`SELECT valid_from::text AS valid_from, meal, subsidy_fen FROM subsidy_rule`);
    rules = rows.map((row) => ({ validFrom: row.valid_from, meal: row.meal, subsidyFen: Number(row.subsidy_fen) }));
  });

  afterAll(async () => {
    await context?.app.close();
    await context?.database.drop();
  });

  it('has rules that change within the range', () => {
    expect(new Set(rules.map((rule) => rule.validFrom)).size).toBeGreaterThanOrEqual(3);
    expect(rules.every((rule) => rule.validFrom > FROM && rule.validFrom <= TO)).toBe(true);
  });

  it('the what-if subsidy (SQL fragment) equals the domain rule for every day and meal, 0 before the first rule', async () => {
    const mealDays = [...eachDate(FROM, TO)].flatMap((date) => MEAL_PERIODS.map((meal) => ({ date, meal })));
    const perCover = await context.app.get(MealSubsidyService).perCover(mealDays);
    expect(perCover).toEqual(mealDays.map(({ date, meal }) => subsidyInForceFen(rules, meal, date)));
    expect(perCover.filter((fen) => fen === 777).length).toBeGreaterThan(0);
  });

  it("the subsidy-reach entitlement is the staff on duty times the domain's lunch rule", async () => {
    const from = '2026-11-01';
    const to = '2026-11-20';
    const view = await context.app.get(SubsidyReachService).reach({ from, to });
    const headcount: { day: string; on_duty: number }[] = await context.dataSource.query(`SELECT day::text AS day, on_duty FROM headcount WHERE day BETWEEN $1::date AND $2::date`, [from, to]);
    expect(headcount.length).toBeGreaterThan(0);
    expect(view.total.entitledFen).toBe(headcount.reduce((sum, row) => sum + Number(row.on_duty) * subsidyInForceFen(rules, 'lunch', row.day), 0));
  });

  it("the forecasts' subsidy driver is the domain rule on every day of history", async () => {
    const history = context.app.get(DemandHistoryService, { strict: false });
    const [canteen] = await history.canteens();
    const asOf = toEpochDay('2026-11-20');
    const inputs = await history.mealInputs(canteen, { historyFrom: toEpochDay(FROM), sharesFrom: toEpochDay(FROM), asOf, horizonEnd: toEpochDay(addDays('2026-11-20', 7)) });
    let compared = 0;
    for (const [meal, input] of inputs) {
      expect(input.drivers.subsidy_fen).toEqual(input.days.map((day) => subsidyInForceFen(rules, meal, iso(day))));
      compared += input.days.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
