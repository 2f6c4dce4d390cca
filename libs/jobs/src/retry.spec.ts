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

  it('gives up after the last attempt with the last error, waiting twice as long each time', async () => {
    // The waits are read from the timer requests, not from the clock: a busy machine stretches real delays.
    const delays: number[] = [];
    const timer = jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      callback();
      return 0 as unknown as NodeJS.Timeout;
    }) as unknown as typeof setTimeout);
    try {
      let calls = 0;
      const outcome = await retryWithBackoff({ attempts: 3, baseDelayMs: 20 }, async () => {
        calls++;
        throw new Error(calls === 3 ? 'still down' : 'down');
      });
      expect(outcome.error?.message).toBe('still down');
      expect(outcome.attempts).toBe(3);
      expect(delays).toEqual([20, 40]);
    } finally {
      timer.mockRestore();
    }
  });
});
