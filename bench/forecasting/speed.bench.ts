/**
 * Speed benchmark: N synthetic series × two years of daily history, forecast as the product does
 * (`--method panel`, the default: forecastPanel — the global model's backtest and final fit across
 * the worker's series, each series' own backtest (lead 7, refit every 7, 28 test days by default;
 * `--lead-days`, `--test-days`) and selection, their combination and conformal 28-day quantiles),
 * or per series alone (`--method auto`: autoForecast, the product before the global model).
 * Runs with 1 and then 2 worker threads in the same process and prints series/s.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src bench/forecasting bench/support -d /tmp/fc-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/fc-dist/bench/forecasting/speed.bench.js --series 10000 --workers 1,2
 */
import { loadavg } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { autoForecast, forecastPanel } from '@larder/forecasting';
import { SyntheticCase, syntheticCase } from './synthetic-series';
import { WorkerPool } from './worker-pool';
import { argument, numberList } from '../support/arguments';

interface Job {
  readonly phase: 'prepare' | 'run';
  readonly method: 'panel' | 'auto';
  readonly leadDays: number;
  readonly testDays: number;
  readonly from: number;
  readonly to: number;
}

interface Reply {
  readonly count: number;
  readonly milliseconds: number;
  readonly models: Record<string, number>;
  readonly quantileChecksum: number;
  /** Sum and count of the series' backtest WAPEs (the system's, on the backtest days): speed must not cost accuracy. */
  readonly wapeSum: number;
  readonly wapeCount: number;
}

const SEED = 'larder-bench';

function workerMain(): void {
  let cases: SyntheticCase[] = [];
  parentPort!.on('message', (job: Job) => {
    if (job.phase === 'prepare') {
      // Data generation is not timed: only the forecasting work is.
      cases = [];
      for (let i = job.from; i < job.to; i++) cases.push(syntheticCase(SEED, i));
      parentPort!.postMessage({ count: cases.length, milliseconds: 0, models: {}, quantileChecksum: 0, wapeSum: 0, wapeCount: 0 } satisfies Reply);
      return;
    }
    const started = performance.now();
    const models: Record<string, number> = {};
    let quantileChecksum = 0;
    let wapeSum = 0;
    let wapeCount = 0;
    const score = (wape: number | null | undefined) => {
      if (wape === null || wape === undefined || !Number.isFinite(wape)) return;
      wapeSum += wape;
      wapeCount++;
    };
    if (job.method === 'panel') {
      for (const result of forecastPanel({ entries: cases, levels: [0.5, 0.8, 0.9], leadDays: job.leadDays, testDays: job.testDays, refitEvery: 7 })) {
        const name = `global${result.globalWeight}+${result.localModel}`;
        models[name] = (models[name] ?? 0) + 1;
        quantileChecksum += result.quantiles.get(0.9)![27];
        score(result.backtestWape);
      }
    } else {
      for (const { series, horizon } of cases) {
        const result = autoForecast({ series, horizon, levels: [0.5, 0.8, 0.9], leadDays: job.leadDays, testDays: job.testDays, refitEvery: 7 });
        models[result.model] = (models[result.model] ?? 0) + 1;
        quantileChecksum += result.forecast.quantiles.get(0.9)![27];
        score(result.backtestWape[result.model]);
      }
    }
    parentPort!.postMessage({ count: cases.length, milliseconds: performance.now() - started, models, quantileChecksum, wapeSum, wapeCount } satisfies Reply);
  });
}

async function measure(total: number, workers: number, settings: Pick<Job, 'method' | 'leadDays' | 'testDays'>): Promise<{ seconds: number; cpuSeconds: number; replies: Reply[] }> {
  const pool = new WorkerPool<Job, Reply>({ script: __filename, size: workers, workerData: { worker: true } });
  try {
    const chunk = Math.ceil(total / workers);
    const ranges = Array.from({ length: workers }, (_, i) => ({ from: i * chunk, to: Math.min(total, (i + 1) * chunk) }));
    await pool.runOnEach(ranges.map((range) => ({ phase: 'prepare' as const, ...settings, ...range })));
    const started = performance.now();
    // The process's CPU time beside the wall clock: on a shared machine the wall clock also counts other jobs' turns.
    const cpu = process.cpuUsage();
    const replies = await pool.runOnEach(ranges.map((range) => ({ phase: 'run' as const, ...settings, ...range })));
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, replies };
  } finally {
    await pool.close();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const total = Number(argument('series', '10000', argv));
  const workerCounts = numberList('workers', '1,2', argv);
  const method = argument('method', 'panel', argv) as Job['method'];
  // Lead 7 and 28 test days as this benchmark always had; the product's nightly run uses 14 and 56.
  const leadDays = Number(argument('lead-days', '7', argv));
  const testDays = Number(argument('test-days', '28', argv));
  const rows: Record<string, unknown>[] = [];
  for (const workers of workerCounts) {
    const { seconds, cpuSeconds, replies } = await measure(total, workers, { method, leadDays, testDays });
    const models: Record<string, number> = {};
    for (const reply of replies) for (const [name, count] of Object.entries(reply.models)) models[name] = (models[name] ?? 0) + count;
    const checksum = replies.reduce((sum, reply) => sum + reply.quantileChecksum, 0);
    const wapeCount = replies.reduce((sum, reply) => sum + reply.wapeCount, 0);
    const meanBacktestWape = replies.reduce((sum, reply) => sum + reply.wapeSum, 0) / Math.max(1, wapeCount);
    rows.push({
      method,
      leadDays,
      testDays,
      workers,
      series: total,
      seconds: Number(seconds.toFixed(2)),
      seriesPerSecond: Math.round(total / seconds),
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      seriesPerCpuSecond: Math.round(total / cpuSeconds),
      loadAverage: Number(loadavg()[0].toFixed(1)),
      checksum: Number(checksum.toFixed(3)),
      meanBacktestWape: Number(meanBacktestWape.toFixed(5)),
      models,
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if ((workerData as { worker?: boolean } | undefined)?.worker) {
  workerMain();
}
