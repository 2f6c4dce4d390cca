import { parentPort, workerData } from 'node:worker_threads';
import { LarderError } from '@larder/common';
import { openRecordStream } from '../formats/open-record-stream';
import type { PaymentChunk, PaymentChunkRequest } from './payment-chunk';
import { producePaymentChunks } from './payment-chunk-producer';

/**
 * Reads, checks and encodes payments beside the main thread, so that all of it overlaps with the
 * database work the main thread drives (COPY, merges, rollups). At most MAX_IN_FLIGHT chunks
 * wait for the writer at any time, which keeps memory flat whichever side is faster.
 */
const MAX_IN_FLIGHT = 3;
const port = parentPort!;
let inFlight = 0;
let wakeUp: (() => void) | null = null;

port.on('message', (message: { ack?: true }) => {
  if (!message.ack) return;
  inFlight--;
  wakeUp?.();
  wakeUp = null;
});

async function main(): Promise<void> {
  const request = workerData as PaymentChunkRequest;
  const stream = await openRecordStream(request.read);
  try {
    await producePaymentChunks({
      request,
      stream,
      emit: async (chunk: PaymentChunk) => {
        while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wakeUp = resolve));
        inFlight++;
        const transfer = [chunk.tx, chunk.lines, chunk.txEnd, chunk.lineEnd, chunk.lineRows, chunk.sourceLines, chunk.canteenIds, chunk.mealOf].map((array) => array.buffer as ArrayBuffer);
        port.postMessage({ chunk }, transfer);
      },
    });
  } finally {
    await stream.close();
  }
  port.postMessage({ done: true });
}

main().catch((error: Error) => {
  const larder = error instanceof LarderError ? { code: error.code, details: error.details } : {};
  port.postMessage({ error: { message: error.message, stack: error.stack, ...larder } });
});
