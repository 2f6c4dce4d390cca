import { Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { PAYMENT_CHANNELS } from '@larder/domain';
import { budgetFromLastYear, FinanceResult, FinanceService, OverviewService, shiftMonth } from '@larder/analytics';
import { FinanceReportData, FinanceRow } from '../layout/finance.layout';
import type { PaymentLine } from '../layout/payment-detail.layout';
import { parseSettlementCsv, reconcile } from '../reconciliation/settlement';
import type { ReportRequest } from '../report-request';
import { PaymentSourceService } from './payment-source.service';
import { ReportScope } from './report-scope.service';

/** Gathers the finance report's figures; the layout only arranges them. */
@Injectable()
export class FinanceReportService {
  constructor(
    private readonly finance: FinanceService,
    private readonly overview: OverviewService,
    private readonly payments: PaymentSourceService,
  ) {}

  async data(scope: ReportScope, request: ReportRequest): Promise<FinanceReportData> {
    if (scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the finance report is monthly: give --month YYYY-MM');
    const uplift = request.budgetUplift ?? 0;
    if (!Number.isFinite(uplift) || uplift <= -1 || uplift > 10) throw new LarderError('VALIDATION_FAILED', `budget uplift must be a fraction such as 0.03, got ${uplift}`);
    const figuresOf = (period: { from: string; to: string }) =>
      this.finance.figures({ from: period.from, to: period.to, canteenIds: scope.canteenIds, allSites: scope.canteen === null });
    const current = await figuresOf(scope.period);
    const lastMonth = await figuresOf(shiftMonth(scope.period, -1));
    const lastYear = await figuresOf(shiftMonth(scope.period, -12));
    const rowOf = (id: number | null, result: { current: FinanceResult; lastMonth: FinanceResult; lastYear: FinanceResult }): FinanceRow => {
      const pick = (r: FinanceResult) => (id === null ? r.total : r.canteens.find((row) => row.canteenId === id)!.figures);
      return { figures: pick(result.current), lastMonth: pick(result.lastMonth), budget: budgetFromLastYear(pick(result.lastYear), uplift) };
    };
    const all = { current, lastMonth, lastYear };
    const canteens = scope.canteens.map((canteen) => ({ canteen, ...rowOf(canteen.id, all) }));
    // The total budget is the sum of the canteens' budgets, so the sheet's SUM agrees; none if any canteen has none.
    const total = rowOf(null, all);
    total.budget = canteens.every((row) => row.budget)
      ? { ingredientCostFen: canteens.reduce((sum, row) => sum + row.budget!.ingredientCostFen, 0), costPerMealFen: null }
      : null;
    const seen = Object.keys(current.total.paidByChannel);
    const channels = [...PAYMENT_CHANNELS.filter((channel) => seen.includes(channel)), ...seen.filter((channel) => !(PAYMENT_CHANNELS as readonly string[]).includes(channel)).sort()];
    const byId = new Map(scope.canteens.map((canteen) => [canteen.id, canteen]));
    const daily = (await this.overview.dailyCovers(scope.period))
      .filter((day) => byId.has(day.canteenId))
      .map((day) => ({ date: day.serviceDate, canteen: byId.get(day.canteenId)!, covers: day.covers }));
    let reconciliation: FinanceReportData['reconciliation'] = null;
    if (request.settlement) {
      const file = parseSettlementCsv(request.settlement.text, request.settlement.name);
      const larder = await this.payments.dayChannelTotals({ canteenIds: scope.canteenIds, from: scope.period.from, to: scope.period.to });
      reconciliation = { ...reconcile({ file, larder, from: scope.period.from, to: scope.period.to }), canteenOnly: scope.canteen !== null };
    }
    return { context: scope.context, canteens, total, channels, daily, budgetUplift: uplift, reconciliation };
  }

  /** The month's payments in batches, for the audit export beside the workbook. */
  paymentBatches(scope: ReportScope): AsyncIterable<PaymentLine[]> {
    if (scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the payments export is monthly: give --month YYYY-MM');
    return this.payments.payments({ canteens: scope.canteens, from: scope.period.from, to: scope.period.to });
  }
}
