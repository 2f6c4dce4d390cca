import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { releaseDataFolder, scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';

interface PlanOutput {
  plans: { id: string; canteenId: number; orders: { totalFen: number; deliveryDate: string }[] }[];
  workbook: { kind: string; period: string; path: string; language: string; totals: { suppliers: number; lines: number; amountFen: number } };
}

/** `larder plan --week … --out plan.xlsx` through the compiled CLI, on the test's database. */
describe('plan --out (compiled CLI)', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  let env: NodeJS.ProcessEnv;
  const dir = scratchFolder('plan-cli');

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'plan-cli' });
    env = childEnv(database, { dataDir: join(dir, 'data') });
    const seeded = await cli.run(['demo', 'seed', '--canteens', '2', '--employees', '600', '--days', '42', '--end-date', '2026-11-20', '--json'], env);
    expect(seeded.code).toBe(0);
  }, 240_000);

  afterAll(async () => {
    cli?.remove();
    await releaseDataFolder(join(dir, 'data'));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans the week and writes the purchase-plan workbook of exactly the plans it made', async () => {
    const out = join(dir, 'out', 'plan.xlsx');
    const { code, stdout } = await cli.run(['plan', '--week', '2026-W49', '--canteen', 'C02', '--out', out, '--lang', 'en', '--json'], env);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as PlanOutput;
    expect(result.plans).toHaveLength(1);
    const orders = result.plans[0].orders;
    expect(orders.length).toBeGreaterThan(0);
    const planned = orders.reduce((sum, order) => sum + order.totalFen, 0);
    expect(result.workbook).toMatchObject({ kind: 'purchase-plan', period: '2026-W49', path: out, language: 'en' });
    expect(result.workbook.totals.amountFen).toBe(planned);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const summary = workbook.getWorksheet('Summary')!;
    const totalRow = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === 'Total')!;
    expect((totalRow.getCell(4).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(planned / 100, 2);
    // A sheet per supplier, between the summary and the supplier comparison and notes.
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(-2)).toEqual(['Supplier comparison', 'Notes']);
    expect(workbook.worksheets).toHaveLength(result.workbook.totals.suppliers + 3);
  }, 120_000);

  it('replays past weeks with progress lines on stderr, per week replayed, and the JSON alone on stdout', async () => {
    const { code, stdout, stderr } = await cli.run(['plan', '--replay', '--from', '2026-10-26', '--to', '2026-11-15', '--forecaster', 'seasonal', '--json'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ from: '2026-10-26', to: '2026-11-15', forecaster: 'seasonal' });
    const lines = stderr
      .trimEnd()
      .split('\n')
      .filter((line) => line.startsWith('replay: '));
    expect(lines.slice(0, -1)).toEqual([0, 1, 2, 3, 4, 5, 6].map((done) => expect.stringMatching(new RegExp(`^replay: ${Math.floor((done / 6) * 100)} % \\(weeks replayed ${done}/6\\)`))));
    expect(lines.at(-1)).toMatch(/^replay: 100 % done in /);
  }, 120_000);

  it('refuses an --out that is not a workbook, and --out with --replay', async () => {
    const csv = join(dir, 'plan.csv');
    const wrong = await cli.run(['plan', '--week', '2026-W49', '--canteen', 'C01', '--out', csv, '--json'], env);
    expect(wrong.code).not.toBe(0);
    expect(existsSync(csv)).toBe(false);
    const replay = await cli.run(['plan', '--replay', '--from', '2026-11-02', '--to', '2026-11-08', '--out', join(dir, 'replay.xlsx')], env);
    expect(replay.code).not.toBe(0);
  }, 120_000);
});
