import { ProgressReporter } from './progress-reporter';
import { barLine, formatDuration, plainLine, timeLeft } from './progress-format';

function recorder(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  let clock = 0;
  const reporter = new ProgressReporter('demo seed', { output: { isTTY, columns, write: (text: string) => writes.push(text) }, now: () => clock });
  return { writes, reporter, tick: (ms: number) => (clock += ms) };
}

describe('progress formatting', () => {
  it('reads durations as seconds, minutes or hours', () => {
    expect([formatDuration(8.4), formatDuration(185), formatDuration(3729)]).toEqual(['8 s', '3:05', '1:02:09']);
  });

  it('estimates time left from the pace so far, and not before there is a pace', () => {
    expect(timeLeft(0.25, 10)).toBeCloseTo(30);
    expect(timeLeft(0.005, 10)).toBeNull();
    expect(timeLeft(0.5, 0.2)).toBeNull();
    expect(timeLeft(1, 10)).toBe(0);
  });

  it('writes a plain line with percentage, step and time left', () => {
    expect(plainLine('import', { step: 'rows', done: 400, total: 1000 }, 75)).toBe('import: 40 % (rows 400/1000), about 1:15 left');
    expect(plainLine('import', { step: 'rollups', done: 0, total: 0, fraction: 0.9 }, null)).toBe('import: 90 % (rollups)');
  });

  it('draws a bar with percentage and time left, cut to the terminal', () => {
    const line = barLine('forecast', { step: 'series', done: 1, total: 4 }, 12, 80);
    expect(line).toBe(`forecast ${'█'.repeat(6)}${'░'.repeat(18)}  25 % 12 s left  series 1/4`);
    expect(barLine('forecast', { step: 'series', done: 1, total: 4 }, null, 20)).toHaveLength(19);
    expect(barLine('forecast', { step: 'x', done: 5, total: 4 }, null)).toContain('100 % --:-- left');
  });
});

describe('ProgressReporter', () => {
  it('without a terminal writes one line per 10 % and per step, no control characters', () => {
    const { writes, reporter, tick } = recorder(false);
    for (let done = 0; done <= 100; done++) {
      tick(100);
      reporter.update({ step: done < 50 ? 'facts' : 'rollups', done, total: 100 });
    }
    reporter.finish();
    expect(writes.every((text) => text.endsWith('\n') && !/[\r\x1b]/.test(text))).toBe(true);
    const percents = writes.map((text) => /: (\d+) %/.exec(text)?.[1]);
    expect(percents).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100', '100']);
    expect(writes[5]).toMatch(/^demo seed: 50 % \(rollups 50\/100\), about 5 s left\n$/);
    expect(writes.at(-1)).toBe('demo seed: 100 % done in 10 s\n');
  });

  it('on a terminal redraws one line in place, at most every 100 ms, and ends it', () => {
    const { writes, reporter, tick } = recorder(true);
    reporter.update({ step: 'series', done: 0, total: 10 });
    tick(50);
    reporter.update({ step: 'series', done: 1, total: 10 });
    tick(60);
    reporter.update({ step: 'series', done: 2, total: 10 });
    reporter.finish();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((text) => text.startsWith('\r') && text.endsWith('\x1b[K'))).toBe(true);
    expect(writes[1]).toContain(' 20 % --:-- left  series 2/10');
    expect(writes[2]).toContain('100 % 0 s left');
    expect(writes[3]).toBe('\n');
  });

  it('draws the bar on a terminal that does not say its width, and clears it for another line', () => {
    const { writes, reporter } = recorder(true, 0);
    reporter.update({ step: 'weeks', done: 1, total: 2 });
    reporter.clear();
    expect(writes[0]).toMatch(/^\rdemo seed █+░+  50 % --:-- left  weeks 1\/2\x1b\[K$/);
    expect(writes[1]).toBe('\r\x1b[K');
  });

  it('says a failed run failed, and says nothing when turned off or never updated', async () => {
    const { writes, reporter } = recorder(false);
    await expect(
      reporter.around(async (listener) => {
        listener({ step: 'weeks', done: 1, total: 3 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(writes).toEqual(['demo seed: 33 % (weeks 1/3)\n', 'demo seed: failed after 0 s\n']);
    const silent: string[] = [];
    const off = new ProgressReporter('x', { enabled: false, output: { write: (text: string) => silent.push(text) } });
    off.listener({ step: 'a', done: 1, total: 2 });
    off.finish();
    new ProgressReporter('y', { output: { write: (text: string) => silent.push(text) } }).finish();
    expect(silent).toEqual([]);
  });
});
