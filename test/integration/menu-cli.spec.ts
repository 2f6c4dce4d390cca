import { existsSync, rmSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import { join } from 'node:path';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { releaseDataFolder, scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';

interface ProposeOutput {
  proposals: Array<{
    id: string;
    canteenId: number;
    from: string;
    to: string;
    changes: Array<{ seq: number; kind: string; toDishId: number | null }>;
    totals: { current: { covers: number }; proposed: { covers: number } };
  }>;
}

/** `larder menu propose`, `decide` and `export` through the compiled CLI, on the test's database. */
describe('menu (compiled CLI)', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  let env: NodeJS.ProcessEnv;
  const dir = scratchFolder('menu-cli');

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'menu-cli' });
    env = childEnv(database, { dataDir: join(dir, 'data') });
    const seeded = await cli.run(['demo', 'seed', '--canteens', '2', '--employees', '600', '--days', '120', '--end-date', '2026-11-20', '--json'], env);
    expect(seeded.code).toBe(0);
  }, 300_000);

  afterAll(async () => {
    cli?.remove();
    await releaseDataFolder(join(dir, 'data'));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proposes for every canteen from the rotation, prints each change and the totals, and takes a decision', async () => {
    const human = await cli.run(['menu', 'propose', '--from', '2027-01-04', '--weeks', '2', '--lang', 'zh-CN'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^canteen C01 2027-01-04\.\.2027-01-17: \d+ change\(s\)/m);
    expect(human.stdout).toMatch(/^canteen C02 2027-01-04\.\.2027-01-17/m);
    expect(human.stdout).toMatch(/#1 +2027-01-0\d \w+ +将.+换成/);
    expect(human.stdout).toMatch(/^ {2}current +covers/m);
    expect(human.stdout).toMatch(/^ {2}proposed +covers/m);

    const json = await cli.run(['menu', 'propose', '--canteen', 'C02', '--from', '2027-01-04', '--weeks', '1', '--ban', '1,2', '--json'], env);
    expect(json.code).toBe(0);
    const [proposal] = (JSON.parse(json.stdout) as ProposeOutput).proposals;
    expect(proposal).toMatchObject({ canteenId: 2, from: '2027-01-04', to: '2027-01-10' });
    expect(proposal.changes.every((change) => change.toDishId !== 1 && change.toDishId !== 2)).toBe(true);
    const decided = await cli.run(['menu', 'decide', proposal.id, String(proposal.changes[0].seq), 'reject', '--reason', 'not this week'], env);
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain(`change #${proposal.changes[0].seq}`);
    expect(decided.stdout).toContain('rejected');

    const wrong = await cli.run(['menu', 'propose', '--canteen', 'C01', '--from', '2027-01-04', '--weeks', '6'], env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('weeks must be a whole number from 1 to 4');
  }, 180_000);

  it('writes the proposal workbook with propose --out and with export, in either language', async () => {
    const proposed = await cli.run(['menu', 'propose', '--canteen', 'C01', '--from', '2027-01-04', '--weeks', '1', '--lang', 'zh-CN', '--out', join(dir, 'proposal-zh.xlsx'), '--json'], env);
    expect(proposed.code).toBe(0);
    const output = JSON.parse(proposed.stdout) as ProposeOutput & { workbook: { path: string; language: string } };
    expect(output.workbook).toMatchObject({ path: join(dir, 'proposal-zh.xlsx'), language: 'zh-CN' });
    const zh = new ExcelJS.Workbook();
    await zh.xlsx.readFile(join(dir, 'proposal-zh.xlsx'));
    expect(zh.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '调整建议', '菜单']);

    const exported = await cli.run(['menu', 'export', '--proposal', output.proposals[0].id, '--lang', 'en', '--out', join(dir, 'proposal-en.xlsx')], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*proposal-en\.xlsx \(en, \d+ bytes\)/);
    const en = new ExcelJS.Workbook();
    await en.xlsx.readFile(join(dir, 'proposal-en.xlsx'));
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Changes', 'Menu']);
    expect(en.worksheets[2].rowCount).toBe(zh.worksheets[2].rowCount);

    const everyCanteen = await cli.run(['menu', 'propose', '--from', '2027-01-04', '--weeks', '1', '--out', join(dir, 'all.xlsx')], env);
    expect(everyCanteen.code).not.toBe(0);
    expect(everyCanteen.stderr).toContain('--canteen');
    const missing = await cli.run(['menu', 'export', '--proposal', '00000000-0000-4000-8000-000000000000', '--out', join(dir, 'none.xlsx')], env);
    expect(missing.code).not.toBe(0);
    expect(existsSync(join(dir, 'none.xlsx'))).toBe(false);
  }, 180_000);
});
