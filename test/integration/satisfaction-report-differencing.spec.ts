import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { ReportingModule, ReportService } from '@larder/reporting';
import { deleteSmallWeeks, seedSmallGroupFeedback } from '../fixtures/satisfaction-feedback';
import { renderReport } from '../support/reporting-context';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * The differencing attack of issue #25 (6) on the satisfaction *reports*: the weekly and monthly
 * workbooks, for all canteens and for each one, are read back as a spreadsheet and every published
 * count compared across nested reports (a week inside a month, one canteen inside all). The same
 * released cells as the dashboard's panel (satisfaction-differencing.spec.ts) mean no difference
 * is a group of one to four answers, and no report changes when the small groups are deleted.
 */
const NOW = new Date('2026-12-01T04:00:00Z');
const WEEKS = ['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46'];
const MONTHS = ['2026-10', '2026-11'];
const CANTEENS = [undefined, 'C1', 'C2'];

interface Report {
  period: { week?: string; month?: string };
  canteen: string | undefined;
  figures: Map<string, number>;
}

/** Every published count of a workbook, by what it is about; a suppressed figure is no number. */
function figuresOf(workbook: ExcelJS.Workbook): Map<string, number> {
  const figures = new Map<string, number>();
  const read = (sheet: string, key: (row: ExcelJS.Row) => string, column: number) => {
    workbook.getWorksheet(sheet)!.eachRow((row, number) => {
      const value = row.getCell(column).value;
      if (number >= 4 && typeof value === 'number') figures.set(`${sheet} ${key(row)}`, value);
    });
  };
  read('Summary', (row) => String(row.getCell(1).value), 2);
  read('Dishes', (row) => `${row.getCell(1).value}/${row.getCell(2).value}`, 3);
  read('Tags', (row) => `${row.getCell(1).value}/${row.getCell(2).value}`, 3);
  read('Trends', (row) => `${row.getCell(1).value}/${row.getCell(2).value}`, 3);
  return figures;
}

describe('the satisfaction reports survive differencing', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let reports: ReportService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, ReportingModule] }).compile();
    app = await moduleRef.init();
    await app.get(DatabaseService).migrate();
    dataSource = app.get(DataSource);
    reports = app.get(ReportService);
    await seedSmallGroupFeedback(dataSource);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function everyReport(): Promise<Report[]> {
    const made: Report[] = [];
    for (const period of [...WEEKS.map((week) => ({ week })), ...MONTHS.map((month) => ({ month }))]) {
      for (const canteen of CANTEENS) {
        const { workbook } = await renderReport(reports, { kind: 'satisfaction', ...period, canteen, language: 'en', now: NOW });
        made.push({ period, canteen, figures: figuresOf(workbook) });
      }
    }
    return made;
  }

  // Every report before any deletion: both tests read them, and nothing before the deletion changes
  // the database, so they are rendered once (by whichever test asks first).
  let original: Promise<Report[]> | undefined;
  const reportsBeforeDeletion = () => (original ??= everyReport());

  /** Whether `inner` asks about part of what `outer` asks about: a week of the month, one canteen of all. */
  function nested(outer: Report, inner: Report): boolean {
    if (outer === inner) return false;
    const canteen = outer.canteen === undefined || outer.canteen === inner.canteen;
    const period = outer.period.month !== undefined ? inner.period.week !== undefined || inner.period.month === outer.period.month : inner.period.week === outer.period.week;
    return canteen && period;
  }

  it('gives no two nested reports a difference of one to four answers, and publishes canteen 1 all along', async () => {
    const made = await reportsBeforeDeletion();
    expect(made.find((report) => report.period.month === '2026-10' && report.canteen === 'C1')!.figures.get('Summary Total')).toBeGreaterThan(0);
    const recovered: string[] = [];
    for (const outer of made) {
      for (const inner of made.filter((candidate) => nested(outer, candidate))) {
        for (const [what, value] of outer.figures) {
          const difference = value - (inner.figures.get(what) ?? 0);
          if (inner.figures.has(what) && difference > 0 && difference < 5) {
            recovered.push(`${what}: ${JSON.stringify(outer.period)} ${outer.canteen ?? 'all'} - ${JSON.stringify(inner.period)} ${inner.canteen ?? 'all'} = ${difference}`);
          }
        }
      }
    }
    expect(recovered.slice(0, 5)).toEqual([]);
  }, 300_000);

  it('gives every report the same figures when canteen 2’s small weeks are deleted', async () => {
    const before = await reportsBeforeDeletion();
    expect((await deleteSmallWeeks(dataSource)).length).toBeGreaterThan(0);
    const after = await everyReport();
    expect(after).toEqual(before);
  }, 300_000);
});
