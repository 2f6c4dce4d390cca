import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { chartsAvailable, ChartOption, renderChartPng, REPORT_CHART_SIZE } from '../charts/chart-renderer';
import { placeCharts } from '../layout/common-sheets';
import { Picture } from '../layout/pictures';
import { createReportWorkbook, WorkbookWriter } from '../layout/print-setup';
import type { ReportKind, ReportRequest, ReportSummary } from '../report-request';
import { ReportScope, ReportScopeService } from './report-scope.service';
import { ReportWriters } from './report-writers.service';
import { FinanceReportService } from './finance-report.service';
import { reconciliationAnswer } from '../reconciliation/settlement';
import type { FinanceReconciliation } from '@larder/analytics';

/** The steps every report goes through, in order, for its progress. */
const REPORT_STEPS = ['checking the scope', 'reading the figures', 'drawing the charts', 'writing the sheets', 'saving the workbook'] as const;

function reportStep(request: ReportRequest, step: (typeof REPORT_STEPS)[number]): void {
  request.onProgress?.({ step, done: REPORT_STEPS.indexOf(step), total: REPORT_STEPS.length });
}

/** A report's work once its scope is known: write the sheets, return the headline totals. */
export type WriteReport = (input: {
  workbook: WorkbookWriter;
  scope: ReportScope;
  request: ReportRequest;
  charts: (options: { option: ChartOption; description: string }[]) => Picture[] | null;
}) => Promise<Record<string, number | null>>;

/** Makes any report as an .xlsx, to a stream (API), a file (CLI) or the reports folder (schedules). */
@Injectable()
export class ReportService {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly writers: ReportWriters,
    private readonly finance: FinanceReportService,
    private readonly audit: AuditService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** Checks the request and names the file, before anything is written. */
  async prepare(request: ReportRequest): Promise<{ scope: ReportScope; fileName: string }> {
    reportStep(request, 'checking the scope');
    const scope = await this.scopes.resolve(request);
    if (request.kind === 'finance' && scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the finance report is monthly: give a month (YYYY-MM)');
    if (request.paymentsDetail && request.kind !== 'finance') throw new LarderError('VALIDATION_FAILED', 'the payments export belongs to the finance report');
    const canteens = scope.allCanteens ? null : scope.canteens.map((canteen) => canteen.code).join('+');
    const parts = [request.kind, request.paymentsDetail ? 'payments' : null, scope.period.label, canteens, scope.meal, scope.dish?.code, scope.context.language].filter(Boolean);
    return { scope, fileName: `larder-${parts.join('-')}.xlsx` };
  }

  /** A settlement file reconciled with the month's payments without a workbook: the finance page's answer. */
  async reconcileFinance(request: ReportRequest & { settlement: { name: string; text: string } }, prepared?: { scope: ReportScope }): Promise<FinanceReconciliation> {
    const { scope } = prepared ?? (await this.prepare({ ...request, kind: 'finance' }));
    return reconciliationAnswer(await this.finance.reconciliation(scope, request.settlement), scope.period.label);
  }

  /** Streams the workbook (the API's download) and records the export in the audit log, complete or not. */
  async write(request: ReportRequest, output: Writable, prepared?: { scope: ReportScope; fileName: string }): Promise<ReportSummary> {
    const ready = prepared ?? (await this.prepare(request));
    try {
      const summary = await this.produce(request, output, ready);
      await this.recordExport({ request, scope: ready.scope, outcome: 'complete' });
      return summary;
    } catch (error) {
      await this.recordExport({ request, scope: ready.scope, outcome: 'failed', error });
      throw error;
    }
  }

  private async produce(request: ReportRequest, output: Writable, prepared: { scope: ReportScope; fileName: string }): Promise<ReportSummary> {
    const started = performance.now();
    const { scope, fileName } = prepared;
    // Fast deflate: the detail sheets are large and highly repetitive, so level 1 loses little size.
    const workbook = createReportWorkbook(output, { fastZip: true, generatedAt: scope.context.generatedAt });
    // A writer reads its figures, then draws its charts (if it has any), then writes its sheets.
    const charts = (options: { option: ChartOption; description: string }[]) => {
      reportStep(request, 'drawing the charts');
      const placed = chartsAvailable()
        ? placeCharts(
            options.map((chart) => ({ png: renderChartPng(chart.option, REPORT_CHART_SIZE), description: chart.description })),
            REPORT_CHART_SIZE,
          )
        : null;
      reportStep(request, 'writing the sheets');
      return placed;
    };
    reportStep(request, 'reading the figures');
    const totals = await this.writers.writerFor(request.kind)({ workbook, scope, request, charts });
    reportStep(request, 'saving the workbook');
    await workbook.commit();
    return {
      kind: request.kind,
      period: scope.period.label,
      from: scope.period.from,
      to: scope.period.to,
      canteen: scope.allCanteens ? null : scope.canteens.map((canteen) => canteen.code).join(','),
      meal: scope.meal,
      dish: scope.dish?.code ?? null,
      language: scope.context.language,
      charts: chartsAvailable(),
      totals,
      fileName,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /**
   * Writes to a temporary file beside the target and renames it only once the workbook is complete, so
   * a failed run (a full disk, a file-size limit) leaves no half file under the target's name.
   */
  async writeFile(request: ReportRequest, path: string): Promise<ReportSummary> {
    const prepared = await this.prepare(request);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    const stream = createWriteStream(partial);
    // Listening from the start: a write error (ENOSPC) surfaces here, not as an uncaught 'error' event,
    // and it ends the wait even if the workbook writer never hears of it.
    const failure = new Promise<never>((_resolve, reject) => stream.once('error', reject));
    try {
      const summary = await Promise.race([this.produce(request, stream, prepared), failure]);
      await Promise.race([finished(stream), failure]);
      await rename(partial, path);
      const bytes = (await stat(path)).size;
      await this.recordExport({ request, scope: prepared.scope, outcome: 'complete', path, bytes });
      return { ...summary, path, bytes };
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      await this.recordExport({ request, scope: prepared.scope, outcome: 'failed', path, error });
      throw storageError(error, path);
    }
  }

  /**
   * For scheduled runs (the automation issue): writes into the configured reports folder as
   * <reportsDir>/<kind>/<period>/<file> stamped with the run time, so earlier runs stay as history.
   */
  async writeScheduled(request: ReportRequest & { kind: ReportKind }): Promise<ReportSummary> {
    const { fileName } = await this.prepare(request);
    // To the millisecond, so two runs in the same second keep two files.
    const stamp = (request.now ?? new Date()).toISOString().replace(/[-:.]/g, '').slice(0, 18);
    const period = request.month ?? request.week ?? 'period';
    return this.writeFile(request, join(this.config.reportsDir, request.kind, period, fileName.replace(/\.xlsx$/, `-${stamp}.xlsx`)));
  }

  /** Who exported which report, period and canteens, and whether it was complete: every export is in the audit log. */
  private async recordExport(entry: { request: ReportRequest; scope: ReportScope; outcome: 'complete' | 'failed'; path?: string; bytes?: number; error?: unknown }): Promise<void> {
    const { request, scope } = entry;
    await this.audit.record({
      actor: request.requestedBy ?? 'unknown',
      action: entry.outcome === 'complete' ? 'report.export' : 'report.export.failed',
      detail: {
        kind: request.kind,
        ...(request.paymentsDetail ? { export: 'payments' } : {}),
        period: scope.period.label,
        from: scope.period.from,
        to: scope.period.to,
        canteens: scope.allCanteens ? 'all' : scope.canteens.map((canteen) => canteen.code),
        meal: scope.meal ?? 'all',
        ...(scope.dish ? { dish: scope.dish.code } : {}),
        language: scope.context.language,
        ...(entry.path !== undefined ? { path: entry.path } : {}),
        ...(entry.bytes !== undefined ? { bytes: entry.bytes } : {}),
        ...(entry.error !== undefined ? { error: entry.error instanceof Error ? entry.error.message.slice(0, 300) : String(entry.error) } : {}),
      },
    });
  }
}

const STORAGE_ERRORS = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

/** A full disk or a file-size limit, said plainly; other errors pass unchanged. */
function storageError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === undefined || !STORAGE_ERRORS.has(code)) return error;
  const why = code === 'EFBIG' ? 'the file is larger than this process may write (file-size limit)' : code === 'EDQUOT' ? 'the disk quota is used up' : 'the disk is full';
  return new LarderError('STORAGE_FULL', `cannot write the report ${path}: ${why} (${code}); nothing was written there — free space and run it again`, { path, code });
}
