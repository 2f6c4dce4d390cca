import { PassThrough } from 'node:stream';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { IngestionModule } from '@larder/ingestion';
import { ReportingModule, ReportRequest, ReportService, ReportSummary } from '@larder/reporting';
import { createDemoDatabase } from './demo-presets';
import type { TestDatabase } from './test-config';

export interface ReportingContext {
  database: TestDatabase;
  app: INestApplicationContext;
  reports: ReportService;
  dataSource: DataSource;
  /** The first column of the first row of a query, as a number. */
  one(sql: string, parameters?: unknown[]): Promise<number>;
}

/** The reporting services on a migrated test database holding a small demo (2 canteens, 45 days to 2026-11-20). */
export async function openReportingContext(): Promise<ReportingContext> {
  const database = await createDemoDatabase('reporting');
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, IngestionModule, ReportingModule] }).compile();
  const app = await moduleRef.init();
  await app.get(DatabaseService).migrate();
  const dataSource = app.get(DataSource);
  const one = async (sql: string, parameters: unknown[] = []) => Number(Object.values((await dataSource.query(sql, parameters))[0])[0]);
  return { database, app, reports: app.get(ReportService), dataSource, one };
}

/** Writes a report the way the API streams it and reads the workbook back, as a spreadsheet would. */
export async function renderReport(service: ReportService, request: ReportRequest): Promise<{ workbook: ExcelJS.Workbook; summary: ReportSummary }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const summary = await service.write(request, sink);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { workbook, summary };
}
