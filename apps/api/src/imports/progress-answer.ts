import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ImportProgress } from '@larder/ingestion';
import { errorAnswer } from '../errors/error-answer';

export const PROGRESS_CONTENT_TYPE = 'application/x-ndjson';

/** Whether the client asked for the import's progress as it runs (the web page does). */
export function wantsProgress(request: Request): boolean {
  return (request.header('accept') ?? '').includes(PROGRESS_CONTENT_TYPE);
}

/**
 * An import answered line by line: `{"progress":{records, estimate}}` as rows are stored, then
 * `{"summary":…}`, or `{"status":…, "error":…}` when it fails after the first line (the status
 * code is sent by then). A failure before the first line — an unknown kind, a file of no supported
 * format, no profile fits — is thrown, so the exception filter answers it with its status as ever.
 */
export async function answerWithProgress<T>(options: { response: Response; logger: Logger; work: (onProgress: (progress: ImportProgress) => void) => Promise<T> }): Promise<void> {
  const { response, logger, work } = options;
  const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
  const start = () => {
    if (response.headersSent) return;
    response.status(200);
    response.setHeader('Content-Type', `${PROGRESS_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Cache-Control', 'no-store');
    // a buffering proxy would hold the lines back until the end
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
  };
  try {
    const summary = await work((progress) => {
      start();
      line({ progress });
    });
    start();
    line({ summary });
  } catch (error) {
    if (!response.headersSent) throw error;
    const { status, body } = errorAnswer(error, logger);
    line({ status, ...body });
  }
  response.end();
}
