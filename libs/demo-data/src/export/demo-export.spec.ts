import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { demoTotals } from '../demo-totals';
import { SMALL_DEMO } from '../demo-test-options';
import { exportDemoEnterprise } from './demo-export';
import { shanghaiTime, yuan } from './csv-file';

const EXPECTED_FILES = [
  'sites',
  'canteens',
  'meal_periods',
  'dishes',
  'ingredients',
  'recipes',
  'suppliers',
  'supplier_items',
  'supplier_prices',
  'subsidy_rules',
  'calendar',
  'closures',
  'transactions',
  'menus',
  'production',
  'waste',
  'feedback',
  'stock_counts',
  'headcount',
].map((name) => `${name}.csv`);

describe('exportDemoEnterprise', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'larder-demo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every file with as many rows as the manifest says, and totals an import can check', async () => {
    const manifest = await exportDemoEnterprise({ options: SMALL_DEMO, outDir: dir });
    expect(Object.keys(manifest.files).sort()).toEqual([...EXPECTED_FILES].sort());
    const written = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(manifest)));

    const records = new Map<string, Record<string, string>[]>();
    for (const name of EXPECTED_FILES) {
      const text = await readFile(join(dir, name), 'utf8');
      const rows: string[][] = parse(text);
      expect(rows[0]).toEqual(manifest.files[name].columns);
      expect({ name, rows: rows.length - 1 }).toEqual({ name, rows: manifest.files[name].rows });
      records.set(name, parse(text, { columns: true }));
    }

    const totals = demoTotals(SMALL_DEMO);
    expect(manifest.totals).toEqual(totals);
    const lines = records.get('transactions.csv')!;
    expect(lines).toHaveLength(totals.lines);
    expect(new Set(lines.map((line) => `${line.canteen_code}|${line.external_id}`)).size).toBe(totals.transactions);
    const fen = (value: string) => Math.round(Number(value) * 100);
    expect(lines.reduce((sum, line) => sum + fen(line.line_amount), 0)).toBe(totals.lineAmountFen);
    expect(lines.reduce((sum, line) => sum + Number(line.quantity), 0)).toBe(totals.portionsSold);
    const firstLines = lines.filter((line) => line.line_no === '1');
    expect(firstLines.reduce((sum, line) => sum + fen(line.paid_amount), 0)).toBe(totals.amountPaidFen);
    expect(firstLines.reduce((sum, line) => sum + fen(line.subsidy_amount), 0)).toBe(totals.subsidyFen);
    expect(records.get('production.csv')!.reduce((sum, row) => sum + Number(row.portions_prepared), 0)).toBe(totals.portionsPrepared);

    const sample = lines[0];
    expect(sample.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(sample.occurred_at.slice(0, 10)).toBe(sample.service_date);
    expect(sample.unit_price).toMatch(/^-?\d+\.\d\d$/);
    expect(sample.card_no).toMatch(/^886\d{7}$/);
    expect(sample.employee_no).toMatch(/^E\d{5}$/);
    expect(records.get('dishes.csv')!.some((dish) => dish.name === '红烧肉')).toBe(true);
  });

  it('formats money and time the way the vendor exports do', () => {
    expect(yuan(1250)).toBe('12.50');
    expect(yuan(-5)).toBe('-0.05');
    expect(yuan(0)).toBe('0.00');
    expect(shanghaiTime(new Date('2026-03-02T03:52:07Z'))).toBe('2026-03-02T11:52:07+08:00');
  });
});
