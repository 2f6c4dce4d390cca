import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LarderError, LarderErrorCode } from '@larder/common';
import type { RecordStream } from '../formats/record-stream';
import type { PaymentChunk, PaymentChunkRequest } from './payment-chunk';
import { producePaymentChunks } from './payment-chunk-producer';

/** Below this a worker's start-up (it loads every reader) costs more than it saves. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;

type WorkerMessage = { chunk?: PaymentChunk; done?: true; error?: { message: string; stack?: string; code?: LarderErrorCode; details?: Record<string, unknown> } };

/**
 * Feeds payment chunks to `write`, one at a time and in order, while the next ones are being read.
 * A large file is read in a worker thread (from the built app); otherwise, and where there is no
 * built worker (tests run the TypeScript sources), in process with the write of one chunk
 * overlapping the reading of the next — the same code either way.
 */
export async function streamPaymentChunks(options: { request: PaymentChunkRequest; stream: RecordStream; write: (chunk: PaymentChunk) => Promise<void> }): Promise<void> {
  const workerFile = join(__dirname, 'payment-chunk.worker.js');
  const large = (await stat(options.request.read.path)).size >= WORKER_MIN_BYTES;
  if (large && existsSync(workerFile)) return inWorker({ workerFile, request: options.request, write: options.write });
  let pending: Promise<void> = Promise.resolve();
  try {
    await producePaymentChunks({
      request: options.request,
      stream: options.stream,
      emit: async (chunk) => {
        await pending;
        pending = options.write(chunk);
        // awaited by the next emit or below; a failure must not count as unhandled in the meantime
        pending.catch(() => undefined);
      },
    });
  } finally {
    // never leave a write running when the batch fails: its transaction is about to be rolled back
    await pending.catch(() => undefined);
  }
  await pending;
}

function toError(error: NonNullable<WorkerMessage['error']>): Error {
  const rebuilt = error.code ? new LarderError(error.code, error.message, error.details) : new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

async function inWorker(options: { workerFile: string; request: PaymentChunkRequest; write: (chunk: PaymentChunk) => Promise<void> }): Promise<void> {
  const worker = new Worker(options.workerFile, { workerData: options.request });
  let writing = Promise.resolve();
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => code !== 0 && fail(new Error(`the payment reader stopped with exit code ${code}`)));
      worker.on('message', (message: WorkerMessage) => {
        if (message.error) fail(toError(message.error));
        const { chunk } = message;
        if (chunk) {
          writing = writing.then(async () => {
            if (failed) return;
            await options.write(chunk);
            worker.postMessage({ ack: true });
          });
          writing.catch(fail);
        }
        if (message.done) writing.then(resolve, fail);
      });
    });
  } finally {
    await worker.terminate();
    await writing.catch(() => undefined);
  }
}
