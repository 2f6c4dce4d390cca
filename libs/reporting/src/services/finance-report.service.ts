import { Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { PAYMENT_CHANNELS } from '@larder/domain';
import {
  FinanceBudgetService,
  FinanceChangesService,
  FinanceResult,
  FinanceService,
  OverviewService,
  RangeBudget,
  shiftMonth,
  SubsidyReachService,
  SupplierSpendService,
  yearEarlierRange,
} from '@larder/analytics';
import { FinanceReportData, FinanceRow } from '../layout/finance.layout';
import type { ReconciliationResult } from '../layout/reconciliation.layout';
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
    private readonly subsidy: SubsidyReachService,
    private readonly budgets: FinanceBudgetService,
    private readonly changes: FinanceChangesService,
    private readonly spend: SupplierSpendService,
  ) {}

  async data(scope: ReportScope, request: ReportRequest): Promise<FinanceReportData> {
    if (scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the finance report is monthly: give --month YYYY-MM');
    const figuresOf = (period: { from: string; to: string }) => this.finance.figures({ from: period.from, to: period.to, canteenIds: scope.canteenIds, allSites: scope.allCanteens, meal: scope.meal });
    const current = await figuresOf(scope.period);
    const lastMonth = await figuresOf(shiftMonth(scope.period, -1));
    const lastYear = await figuresOf(yearEarlierRange(scope.period));
    // Each canteen's budget and the total's, from the budget table as the finance page reads it.
    const budgets = await this.budgets.forGroups(scope.period, [...scope.canteens.map((canteen) => [canteen.id]), scope.canteenIds]);
    const changes = await this.changes.changes(scope.period);
    const rowOf = (id: number | null, budget: RangeBudget): FinanceRow => {
      const pick = (r: FinanceResult) => (id === null ? r.total : r.canteens.find((row) => row.canteenId === id)!.figures);
      return { figures: pick(current), lastMonth: pick(lastMonth), lastYear: pick(lastYear), budget };
    };
    const canteens = scope.canteens.map((canteen, index) => ({ canteen, ...rowOf(canteen.id, budgets[index]) }));
    const total = rowOf(null, budgets[budgets.length - 1]);
    const seen = Object.keys(current.total.paidByChannel);
    const channels = [...PAYMENT_CHANNELS.filter((channel) => seen.includes(channel)), ...seen.filter((channel) => !(PAYMENT_CHANNELS as readonly string[]).includes(channel)).sort()];
    const byId = new Map(scope.canteens.map((canteen) => [canteen.id, canteen]));
    const daily = (await this.overview.dailyCovers(scope.period))
      .filter((day) => byId.has(day.canteenId))
      .map((day) => ({ date: day.serviceDate, canteen: byId.get(day.canteenId)!, covers: day.covers }));
    const reconciliation = request.settlement ? await this.reconciliation(scope, request.settlement) : null;
    return {
      context: scope.context,
      canteens,
      total,
      allSites: scope.allCanteens,
      channels,
      daily,
      reconciliation,
      subsidyReach: await this.subsidy.reach({ from: scope.period.from, to: scope.period.to }),
      subsidyChanges: changes.flatMap((change) => (change.kind === 'subsidy' ? [change] : [])),
      supplierSpend: await this.spend.spend({ from: scope.period.from, to: scope.period.to, canteenIds: scope.canteenIds }),
    };
  }

  /** The settlement file set against the month's payments of the scope's canteens, day by day and channel by channel. */
  async reconciliation(scope: ReportScope, settlement: { name: string; text: string }): Promise<ReconciliationResult> {
    const file = parseSettlementCsv(settlement.text, settlement.name);
    const larder = await this.payments.dayChannelTotals({ canteenIds: scope.canteenIds, from: scope.period.from, to: scope.period.to });
    return { ...reconcile({ file, larder, from: scope.period.from, to: scope.period.to }), canteenOnly: !scope.allCanteens };
  }

  /** The month's payments in batches, for the audit export beside the workbook. */
  paymentBatches(scope: ReportScope): AsyncIterable<PaymentLine[]> {
    if (scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the payments export is monthly: give --month YYYY-MM');
    return this.payments.payments({ canteens: scope.canteens, from: scope.period.from, to: scope.period.to });
  }
}
