import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { chartsAvailable, ChartOption, renderChartPng } from '../charts/chart-renderer';
import { placeCharts } from '../layout/common-sheets';
import { Picture } from '../layout/pictures';
import type { WorkbookWriter } from '../layout/report-sheet';
import type { ReportKind, ReportRequest, ReportSummary } from '../report-request';
import { ReportScope, ReportScopeService } from './report-scope.service';
import { ReportWriters } from './report-writers.service';

const CHART_SIZE = { widthPx: 560, heightPx: 320 };

/** A report's work once its scope is known: write the sheets, return the headline totals. */
export type WriteReport = (input: { workbook: WorkbookWriter; scope: ReportScope; request: ReportRequest; charts: (options: { option: ChartOption; description: string }[]) => Picture[] | null }) => Promise<Record<string, number | null>>;

/** Makes any report as an .xlsx, to a stream (API), a file (CLI) or the reports folder (schedules). */
@Injectable()
export class ReportService {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly writers: ReportWriters,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** Checks the request and names the file, before anything is written. */
  async prepare(request: ReportRequest): Promise<{ scope: ReportScope; fileName: string }> {
    const scope = await this.scopes.resolve(request);
    if (request.kind === 'finance' && scope.period.kind !== 'month') throw new LarderError('VALIDATION_FAILED', 'the finance report is monthly: give a month (YYYY-MM)');
    const parts = [request.kind, scope.period.label, scope.canteen?.code, scope.context.language].filter(Boolean);
    return { scope, fileName: `larder-${parts.join('-')}.xlsx` };
  }

  async write(request: ReportRequest, output: Writable, prepared?: { scope: ReportScope; fileName: string }): Promise<ReportSummary> {
    const started = performance.now();
    const { scope, fileName } = prepared ?? (await this.prepare(request));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output, useStyles: true, useSharedStrings: false,
      // Fast deflate: the detail sheets are large and highly repetitive, so level 1 loses little size.
      zip: { zlib: { level: 1 } },
    } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    workbook.creator = 'Larder';
    workbook.created = scope.context.generatedAt;
    const charts = (options: { option: ChartOption; description: string }[]) =>
      chartsAvailable() ? placeCharts(options.map((chart) => ({ png: renderChartPng(chart.option, CHART_SIZE), description: chart.description })), CHART_SIZE) : null;
    const totals = await this.writers.writerFor(request.kind)({ workbook, scope, request, charts });
    await workbook.commit();
    return {
      kind: request.kind, period: scope.period.label, from: scope.period.from, to: scope.period.to, canteen: scope.canteen?.code ?? null,
      language: scope.context.language, charts: chartsAvailable(), totals, fileName, seconds: (performance.now() - started) / 1000,
    };
  }

  /** Writes to a temporary file beside the target and renames it, so a failed run leaves no half file. */
  async writeFile(request: ReportRequest, path: string): Promise<ReportSummary> {
    const prepared = await this.prepare(request);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    const stream = createWriteStream(partial);
    try {
      const summary = await this.write(request, stream, prepared);
      await finished(stream);
      await rename(partial, path);
      return { ...summary, path, bytes: (await stat(path)).size };
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      throw error;
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
}
