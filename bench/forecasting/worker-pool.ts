import { Worker } from 'node:worker_threads';

/** Minimal pool: one message in, one message out per worker; enough for a benchmark. */
export class WorkerPool<Job, Result> {
  private readonly workers: Worker[];

  constructor(options: { readonly script: string; readonly size: number; readonly workerData?: unknown }) {
    this.workers = Array.from({ length: options.size }, () => new Worker(options.script, { workerData: options.workerData }));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends jobs[i] to worker i and resolves with every worker's reply, in order. */
  runOnEach(jobs: readonly Job[]): Promise<Result[]> {
    if (jobs.length !== this.workers.length) throw new Error(`pool of ${this.workers.length} got ${jobs.length} jobs`);
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<Result>((resolve, reject) => {
            const onError = (error: Error) => reject(error);
            worker.once('error', onError);
            worker.once('message', (result: Result) => {
              worker.off('error', onError);
              resolve(result);
            });
            worker.postMessage(jobs[i]);
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
