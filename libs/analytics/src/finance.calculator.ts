/**
 * The finance figures of a canteen-month, from sums the services read. Ratios are always computed
 * from summed inputs (never by averaging ratios), so a total row is right by construction.
 */
export interface FinanceInputs {
  /** Meals served: distinct diners per meal, summed over the meals of the period. */
  covers: number;
  transactions: number;
  refunds: number;
  /** Paid by diners, net of refunds, in fen. */
  paidFen: number;
  /** The employer's subsidy, net of refunds, in fen. */
  subsidyFen: number;
  paidByChannel: Record<string, number>;
  /** Recipe cost of the portions prepared (sold where nothing was logged) plus spoiled stock, in fen. */
  ingredientCostFen: number;
  /** Recipe cost of portions cooked and thrown away plus spoiled stock, in fen (part of the ingredient cost). */
  wasteCostFen: number;
  /** Portions of dishes without a recipe cost (no recipe or no supplier price): not in the costs above. */
  uncostedPortions: number;
  /** Sum over service days of the covers of the day's busiest meal: distinct diners a day, a lower bound. */
  dinerDays: number;
  /** Sum over the same days of the staff on duty at the sites counted. */
  staffOnDutyDays: number;
  serviceDays: number;
}

export interface FinanceFigures extends FinanceInputs {
  /** What the meals brought in: paid by diners plus subsidy, in fen. */
  revenueFen: number;
  costPerMealFen: number | null;
  /** Ingredient cost / revenue. */
  foodCostRatio: number | null;
  /** Distinct diners / staff on duty. */
  participation: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function emptyFinanceInputs(): FinanceInputs {
  return {
    covers: 0,
    transactions: 0,
    refunds: 0,
    paidFen: 0,
    subsidyFen: 0,
    paidByChannel: {},
    ingredientCostFen: 0,
    wasteCostFen: 0,
    uncostedPortions: 0,
    dinerDays: 0,
    staffOnDutyDays: 0,
    serviceDays: 0,
  };
}

/** Whether a period traded at all: without covers or revenue it has no data to compare with, not zeros. */
export function hasFinanceData(figures: Pick<FinanceFigures, 'covers' | 'revenueFen'>): boolean {
  return figures.covers !== 0 || figures.revenueFen !== 0;
}

export function financeFigures(inputs: FinanceInputs): FinanceFigures {
  const revenueFen = inputs.paidFen + inputs.subsidyFen;
  return {
    ...inputs,
    revenueFen,
    costPerMealFen: ratio(inputs.ingredientCostFen, inputs.covers),
    foodCostRatio: ratio(inputs.ingredientCostFen, revenueFen),
    participation: ratio(inputs.dinerDays, inputs.staffOnDutyDays),
  };
}

/** Adds canteens up; staff on duty is passed separately because canteens can share the staff counted. */
export function sumFinanceInputs(parts: FinanceInputs[], totals: { staffOnDutyDays: number; serviceDays: number }): FinanceInputs {
  const sum = emptyFinanceInputs();
  for (const part of parts) {
    sum.covers += part.covers;
    sum.transactions += part.transactions;
    sum.refunds += part.refunds;
    sum.paidFen += part.paidFen;
    sum.subsidyFen += part.subsidyFen;
    sum.ingredientCostFen += part.ingredientCostFen;
    sum.wasteCostFen += part.wasteCostFen;
    sum.uncostedPortions += part.uncostedPortions;
    sum.dinerDays += part.dinerDays;
    for (const [channel, fen] of Object.entries(part.paidByChannel)) sum.paidByChannel[channel] = (sum.paidByChannel[channel] ?? 0) + fen;
  }
  return { ...sum, staffOnDutyDays: totals.staffOnDutyDays, serviceDays: totals.serviceDays };
}
