import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledCli, compileCli } from '../support/compiled-cli';

/** A daily history of three canteens' lunch covers and a dish: weekdays of 2025, a weekly pattern and a trend. */
function history(): string {
  const lines = ['date,canteen,meal,item,quantity'];
  const day = new Date('2025-01-06T00:00:00Z');
  for (let i = 0; i < 240; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = day.toISOString().slice(0, 10);
    for (const [c, canteen] of ['C01', 'C02', 'C03'].entries()) {
      lines.push(`${date},${canteen},lunch,*,${Math.round(600 + 150 * c + 40 * weekday + i / 4 + 25 * Math.sin(i * 1.7 + c))}`);
      lines.push(`${date},${canteen},lunch,tofu,${Math.round(60 + 5 * weekday + 8 * Math.sin(i * 0.9 + c))}`);
    }
    i++;
  }
  return lines.join('\n') + '\n';
}

/** A long command run piped, as in CI or a script: progress as plain lines on stderr, the JSON alone on stdout. */
describe('progress of a long command (compiled CLI, piped)', () => {
  let cli: CompiledCli;
  const dir = mkdtempSync(join(tmpdir(), 'larder-progress-cli-'));

  beforeAll(() => {
    cli = compileCli({ name: 'progress-cli' });
  }, 240_000);

  afterAll(() => {
    cli?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  async function backtest(extra: string[]) {
    const input = join(dir, 'history.csv');
    writeFileSync(input, history());
    return cli.run(['backtest', '--input', input, '--test-days', '40', '--json', ...extra], { ...process.env, LARDER_LOG_LEVEL: 'error' });
  }

  it('writes percentages line by line to stderr and only the JSON result to stdout', async () => {
    const { code, stdout, stderr } = await backtest([]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { system: { wape: number } };
    expect(result.system.wape).toBeGreaterThan(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);

    expect(stderr).not.toMatch(/[\r\x1b]/);
    const lines = stderr.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^backtest: \d{1,3} % \(series \d+\/6\)(, about [\d:]+ s? ?left)?$/);
    expect(lines.at(-1)).toMatch(/^backtest: 100 % done in [\d:]+( s)?$/);
    const percents = lines.map((line) => Number(/^backtest: (\d+) %/.exec(line)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('--no-progress leaves stderr empty', async () => {
    const { code, stdout, stderr } = await backtest(['--no-progress']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('system');
    expect(stderr).toBe('');
  }, 120_000);
});
