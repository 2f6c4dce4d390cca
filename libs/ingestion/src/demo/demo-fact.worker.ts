import { parentPort, workerData } from 'node:worker_threads';
import { DemoFactChunkRequest, produceDemoFactChunks } from './demo-fact-chunks';

/**
 * Runs the demo generator beside the main thread, so generating and encoding overlap with the
 * COPY into the database and the main thread stays free to answer requests. At most MAX_IN_FLIGHT chunks wait for
 * the writer at any time, which keeps memory flat whichever side is faster.
 */
const MAX_IN_FLIGHT = 8;
const port = parentPort!;
let inFlight = 0;
let wakeUp: (() => void) | null = null;

port.on('message', (message: { ack: true }) => {
  if (!message.ack) return;
  inFlight--;
  wakeUp?.();
  wakeUp = null;
});

async function main(): Promise<void> {
  await produceDemoFactChunks(workerData as DemoFactChunkRequest, async (chunk) => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wakeUp = resolve));
    inFlight++;
    port.postMessage({ chunk }, [chunk.data.buffer as ArrayBuffer]);
  });
  port.postMessage({ done: true });
}

main().catch((error: Error) => port.postMessage({ error: error.message }));
