import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DemoFactChunk, DemoFactChunkRequest, produceDemoFactChunks } from './demo-fact-chunks';

/**
 * Feeds demo fact chunks to `write`, one at a time and in order. From the built app the generator
 * runs in a worker thread; where there is no built worker (tests run the TypeScript sources) it
 * runs in process — the same code either way.
 */
export async function streamDemoFactChunks(request: DemoFactChunkRequest, write: (chunk: DemoFactChunk) => Promise<void>): Promise<void> {
  const workerFile = join(__dirname, 'demo-fact.worker.js');
  if (!existsSync(workerFile)) return produceDemoFactChunks(request, write);
  const worker = new Worker(workerFile, { workerData: request });
  try {
    await new Promise<void>((resolve, reject) => {
      let writing = Promise.resolve();
      worker.on('error', reject);
      worker.on('exit', (code) => code !== 0 && reject(new Error(`the demo generator stopped with exit code ${code}`)));
      worker.on('message', (message: { chunk?: DemoFactChunk; done?: true; error?: string }) => {
        if (message.error) reject(new Error(message.error));
        const { chunk } = message;
        if (chunk) {
          writing = writing.then(async () => {
            await write(chunk);
            worker.postMessage({ ack: true });
          });
          writing.catch(reject);
        }
        if (message.done) writing.then(resolve, reject);
      });
    });
  } finally {
    await worker.terminate();
  }
}
