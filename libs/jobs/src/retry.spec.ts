import { retryWithBackoff } from './retry';

describe('retryWithBackoff', () => {
  it('returns the first success and how many attempts it took', async () => {
    let calls = 0;
    const outcome = await retryWithBackoff({ attempts: 3, baseDelayMs: 1 }, async () => {
      calls++;
      if (calls < 2) throw new Error('database restarting');
      return 'done';
    });
    expect(outcome).toEqual({ value: 'done', attempts: 2 });
  });

  it('gives up after the last attempt with the last error, waiting longer each time', async () => {
    const started: number[] = [];
    const outcome = await retryWithBackoff({ attempts: 3, baseDelayMs: 20 }, async () => {
      started.push(Date.now());
      throw new Error('still down');
    });
    expect(outcome.error?.message).toBe('still down');
    expect(outcome.attempts).toBe(3);
    expect(started[2] - started[1]).toBeGreaterThanOrEqual(started[1] - started[0]);
    expect(started[1] - started[0]).toBeGreaterThanOrEqual(15);
  });
});
