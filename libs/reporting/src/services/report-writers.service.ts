import { Injectable } from '@nestjs/common';
import { accuracyOf } from '@larder/analytics';
import { accuracyCharts, writeAccuracyReport } from '../layout/accuracy.layout';
import { financeCharts, writeFinanceReport } from '../layout/finance.layout';
import { writeCongressSummary } from '../layout/congress.layout';
import { writePaymentDetail } from '../layout/payment-detail.layout';
import { writePurchasePlanReport } from '../layout/purchase-plan.layout';
import { satisfactionCharts, writeSatisfactionReport } from '../layout/satisfaction.layout';
import { wasteCharts, writeWasteReport } from '../layout/waste.layout';
import type { ReportKind } from '../report-request';
import type { WriteReport } from './report.service';
import { CongressDataService } from './congress-data.service';
import { FinanceReportService } from './finance-report.service';
import { ReportDataService } from './report-data.service';
import { SupplierComparisonSheetService } from './supplier-comparison-sheet.service';

/** One writer per report kind: gather the data, hand it to the pure layout, return the headline totals. */
@Injectable()
export class ReportWriters {
  constructor(
    private readonly finance: FinanceReportService,
    private readonly reports: ReportDataService,
    private readonly comparison: SupplierComparisonSheetService,
    private readonly congress: CongressDataService,
  ) {}

  writerFor(kind: ReportKind): WriteReport {
    const writers: Record<ReportKind, WriteReport> = {
      finance: async ({ workbook, scope, request, charts }) => {
        if (request.paymentsDetail) {
          const written = await writePaymentDetail({ workbook, context: scope.context, batches: this.finance.paymentBatches(scope) });
          const totals: Record<string, number> = { paymentLines: written.paymentLines, paymentsPaidFen: written.paidFen };
          return totals;
        }
        const data = await this.finance.data(scope, request);
        writeFinanceReport({ workbook, data, charts: charts(financeCharts(data)) });
        const f = data.total.figures;
        return {
          covers: f.covers,
          paidFen: f.paidFen,
          subsidyFen: f.subsidyFen,
          revenueFen: f.revenueFen,
          ingredientCostFen: f.ingredientCostFen,
          wasteCostFen: f.wasteCostFen,
          costPerMealFen: f.costPerMealFen,
          foodCostRatio: f.foodCostRatio,
          participation: f.participation,
          mismatches: data.reconciliation?.mismatches.length ?? null,
        };
      },
      satisfaction: async ({ workbook, scope, charts }) => {
        const data = await this.reports.satisfactionData(scope);
        await writeSatisfactionReport({ workbook, data, charts: charts(satisfactionCharts(data)) });
        return {
          responses: data.result.total.responses,
          averageRating: data.result.total.averageRating,
          participation: data.participationTotal.participation,
          suppressedGroups: [...data.result.canteens, ...data.result.dishes].filter((group) => group.suppressed).length,
        };
      },
      congress: async ({ workbook, scope, request }) => {
        const data = await this.congress.data(scope, { money: request.money === true });
        writeCongressSummary({ workbook, data });
        return {
          participation: data.now.participation,
          responses: data.now.ratings.responses,
          averageRating: data.now.ratings.averageRating,
          themeCanteens: data.themes.length,
          subsidyPerMealFen: data.now.money?.subsidyPerMealFen ?? null,
        };
      },
      waste: async ({ workbook, scope, charts }) => {
        const data = await this.reports.wasteData(scope);
        await writeWasteReport({ workbook, data, charts: charts(wasteCharts(data)) });
        const sum = (pick: (w: WasteTotals) => number) => data.canteens.reduce((total, c) => total + pick(c.waste), 0);
        return { wasteCostFen: sum((w) => w.wasteCostFen), overproductionPortions: sum((w) => w.overproductionPortions), preparedPortions: sum((w) => w.preparedPortions) };
      },
      accuracy: async ({ workbook, scope, charts }) => {
        const data = await this.reports.accuracyData(scope);
        await writeAccuracyReport({ workbook, data, charts: data.pairs.length > 0 ? charts(accuracyCharts(data)) : null });
        const counted: Record<string, number | null> = { storedForecasts: data.stored, pairs: data.pairs.length };
        if (data.dish) {
          const dish = accuracyOf(data.pairs);
          return { ...counted, dishWape: dish.wape, dishBias: dish.bias };
        }
        const covers = accuracyOf(data.pairs.filter((pair) => pair.dishId === 0));
        return { ...counted, coversWape: covers.wape, coversBias: covers.bias };
      },
      'purchase-plan': async ({ workbook, scope, request }) => {
        const data = { ...(await this.reports.purchasePlanData(scope, request.planIds)), comparison: await this.comparison.data(scope) };
        const written = await writePurchasePlanReport({ workbook, data });
        return {
          suppliers: data.suppliers.length,
          lines: data.suppliers.reduce((sum, s) => sum + s.lines.length, 0),
          amountFen: written.amountFen,
          storedAmountFen: written.storedAmountFen,
          comparisonSavingFen: data.comparison.savingFen,
        };
      },
    };
    return writers[kind];
  }
}

type WasteTotals = { wasteCostFen: number; overproductionPortions: number; preparedPortions: number };
