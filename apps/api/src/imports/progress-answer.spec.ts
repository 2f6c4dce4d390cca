import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { LarderError } from '@larder/common';
import { answerWithProgress } from './progress-answer';

/** The part of an Express response the progress answer uses, recording what was sent. */
function fakeResponse() {
  const sent = { status: 0, headers: {} as Record<string, string>, text: '', ended: false };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
    },
    flushHeaders() {
      response.headersSent = true;
    },
    write(text: string) {
      sent.text += text;
      return true;
    },
    end() {
      sent.ended = true;
    },
  };
  return {
    response: response as unknown as Response,
    sent,
    lines: () =>
      sent.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

describe('answerWithProgress', () => {
  const logger = new Logger('test');

  it('sends each progress as a line and the summary last', async () => {
    const { response, sent, lines } = fakeResponse();
    await answerWithProgress({
      response,
      logger,
      work: async (onProgress) => {
        onProgress({ records: 0, estimate: 20_000 });
        onProgress({ records: 10_000, estimate: 20_000 });
        return { accepted: 20_000 };
      },
    });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(lines()).toEqual([{ progress: { records: 0, estimate: 20_000 } }, { progress: { records: 10_000, estimate: 20_000 } }, { summary: { accepted: 20_000 } }]);
    expect(sent.ended).toBe(true);
  });

  it('ends with the coded error and its status when the import fails after the first line', async () => {
    const { response, sent, lines } = fakeResponse();
    await answerWithProgress({
      response,
      logger,
      work: async (onProgress) => {
        onProgress({ records: 0, estimate: null });
        throw new LarderError('PAYLOAD_TOO_LARGE', 'the upload is larger than the limit');
      },
    });
    expect(lines()).toEqual([{ progress: { records: 0, estimate: null } }, { status: 413, error: 'PAYLOAD_TOO_LARGE', message: 'the upload is larger than the limit' }]);
    expect(sent.ended).toBe(true);
  });

  it('leaves a failure before any line to the exception filter, nothing sent', async () => {
    const { response, sent } = fakeResponse();
    const refusal = new LarderError('UNSUPPORTED_FORMAT', 'not a CSV');
    await expect(answerWithProgress({ response, logger, work: async () => Promise.reject(refusal) })).rejects.toBe(refusal);
    expect(sent).toEqual({ status: 0, headers: {}, text: '', ended: false });
  });
});
