import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { forecastMeals, MealForecastInput, MealForecastResult } from './meal-forecaster';

const WORKER_FILE = join(__dirname, 'meal-forecast.worker.js');

/**
 * forecastMeals in a worker thread, so the seconds to minutes of model fitting of a run never stall
 * the server's requests (the login page, /health, other people's pages). Where the worker cannot be
 * loaded — Larder running from its TypeScript sources, as under jest — it runs in this thread.
 */
type WorkerMessage = { step: [number, number] } | { results: (MealForecastResult | Error)[] };

export async function forecastMealsOffThread(inputs: readonly MealForecastInput[], onStep?: (done: number, total: number) => void): Promise<(MealForecastResult | Error)[]> {
  if (inputs.length === 0) return [];
  if (!existsSync(WORKER_FILE)) return forecastMeals(inputs, onStep);
  const worker = new Worker(WORKER_FILE, { workerData: inputs });
  try {
    return await new Promise<(MealForecastResult | Error)[]>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if ('step' in message) onStep?.(...message.step);
        else resolve(message.results);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the forecasting thread stopped (exit code ${code}) before it answered`)));
    });
  } finally {
    await worker.terminate();
  }
}
