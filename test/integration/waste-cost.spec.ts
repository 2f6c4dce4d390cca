import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as ExcelJS from 'exceljs';
import { DashboardModule, DashboardScopeService, DashboardWasteService, FinanceService, WasteService } from '@larder/analytics';
import { ConfigModule } from '@larder/config';
import { DatabaseModule } from '@larder/database';
import { IngestionModule } from '@larder/ingestion';
import { ProcurementModule, WasteAccountingService } from '@larder/procurement';
import { ReportingModule, ReportService } from '@larder/reporting';
import { createDemoDatabase } from '../support/demo-presets';
import { renderReport } from '../support/reporting-context';
import { TestDatabase } from '../support/test-config';

/** The demo's waste log: canteen 1 in October only, canteen 2 in October and November. */
const MONTHS = { '2026-10': { from: '2026-10-01', to: '2026-10-31' }, '2026-11': { from: '2026-11-01', to: '2026-11-30' } };
const BOTH = { from: '2026-10-01', to: '2026-11-30' };
const CANTEENS = [1, 2];

/**
 * What waste costs has one rule: overproduction at the day's portion cost (OVERPRODUCTION_FEN over the
 * dish rollup, stored in the cost rollup) and spoilage at the day's unit cost. Every place that shows a
 * waste cost must give the same figure for the same period and canteen: the dashboard's waste page,
 * the waste report, the finance figures, the per-dish list, and the waste accounting's priced log
 * (which also prices plate waste, a figure of its own that the others leave uncosted).
 */
describe('waste cost: one rule, the same figure everywhere', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createDemoDatabase('reporting');
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, IngestionModule, ReportingModule, DashboardModule, ProcurementModule],
    }).compile();
    app = await moduleRef.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** The waste report's summary row of each canteen: overproduction, spoilage and waste cost in fen. */
  async function reportCosts(month: string, canteen?: string): Promise<Map<string, number[]>> {
    const { workbook } = await renderReport(app.get(ReportService), { kind: 'waste', month, language: 'en', canteen });
    const sheet = workbook.getWorksheet('Summary')!;
    const costs = new Map<string, number[]>();
    for (let n = 4; n <= sheet.rowCount; n += 1) {
      const row = sheet.getRow(n);
      if (!row.getCell(1).value) continue;
      const fen = (column: number) => {
        const value = row.getCell(column).value as number | ExcelJS.CellFormulaValue;
        // exceljs reads a formula's cached 0 (<v>0</v> in the file) back as no result
        return Math.round(Number(typeof value === 'number' ? value : (value.result ?? 0)) * 100);
      };
      costs.set(String(row.getCell(1).value), [fen(10), fen(11), fen(12)]);
    }
    return costs;
  }

  it.each([
    ['2026-10', 1],
    ['2026-10', 2],
    ['2026-11', 2],
  ] as const)('%s, canteen %i: the dashboard, the waste report and finance give the same waste cost', async (month, canteenId) => {
    const period = MONTHS[month];
    const scope = await app.get(DashboardScopeService).resolve({ ...period, canteens: [canteenId], meal: null }, 'all');
    const panel = await app.get(DashboardWasteService).waste(scope);
    const reportTotal = (await reportCosts(month, `C0${canteenId}`)).get('Total');
    const over = panel.byKind.find((row) => row.kind === 'overproduction')!.costFen;
    const spoilage = panel.byKind.find((row) => row.kind === 'spoilage')!.costFen;
    expect(panel.costFen).toBeGreaterThan(0);
    expect([over, spoilage, panel.costFen]).toEqual(reportTotal);
    expect(panel.byCanteen.map((row) => row.costFen)).toEqual([panel.costFen]);
    const finance = await app.get(FinanceService).figures({ ...period, canteenIds: [canteenId], allSites: false, participation: false });
    expect(finance.total.wasteCostFen).toBe(panel.costFen);
  });

  it('the per-dish costs add up to the canteens’ overproduction cost (each dish rounded once)', async () => {
    const waste = await app.get(WasteService).waste({ ...BOTH, canteenIds: CANTEENS });
    for (const canteen of waste.canteens) {
      const dishes = waste.dishes.get(canteen.canteenId) ?? [];
      const sum = dishes.reduce((total, dish) => total + dish.wasteCostFen, 0);
      expect(canteen.overproductionCostFen).toBeGreaterThan(0);
      expect(Math.abs(sum - canteen.overproductionCostFen)).toBeLessThanOrEqual(dishes.length / 2);
    }
  });

  it('the waste accounting prices overproduction and spoilage as the waste figures do', async () => {
    const account = await app.get(WasteAccountingService).account({ ...BOTH, canteenIds: CANTEENS });
    const waste = await app.get(WasteService).canteens({ ...BOTH, canteenIds: CANTEENS });
    expect(account.total.costFen).toBeGreaterThan(0);
    for (const canteen of waste) {
      const weeks = account.rows.filter((row) => row.canteenId === canteen.canteenId);
      const cost = (kind: string) => weeks.filter((row) => row.kind === kind).reduce((total, row) => total + row.costFen, 0);
      // The accounting rounds per week, kind and dish; the waste figures once per canteen.
      const rows = (kind: string) => weeks.filter((row) => row.kind === kind).length;
      expect(Math.abs(cost('overproduction') - canteen.overproductionCostFen)).toBeLessThanOrEqual(rows('overproduction') / 2);
      expect(Math.abs(cost('spoilage') - canteen.spoilageCostFen)).toBeLessThanOrEqual(rows('spoilage') / 2);
    }
  });
});
