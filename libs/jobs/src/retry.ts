export interface RetryPolicy {
  attempts: number;
  /** Delay before the second attempt; each further attempt waits twice as long. */
  baseDelayMs: number;
}

export interface RetryOutcome<T> {
  value?: T;
  error?: Error;
  attempts: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds or the attempts are spent, backing off exponentially between tries. */
export async function retryWithBackoff<T>(policy: RetryPolicy, work: (attempt: number) => Promise<T>): Promise<RetryOutcome<T>> {
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return { value: await work(attempt), attempts: attempt };
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
      if (attempt < policy.attempts) await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
  return { error: lastError, attempts: policy.attempts };
}
