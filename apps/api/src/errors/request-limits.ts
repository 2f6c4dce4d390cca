import type { NextFunction, Request, Response } from 'express';

/** Deepest nesting a JSON body may have: every DTO needs a handful of levels. */
export const MAX_JSON_DEPTH = 32;
/** Largest JSON body outside imports (which stream to disk after authentication). */
export const MAX_JSON_BYTES = 1024 * 1024;

function refused(message: string, parameter?: string): Error {
  return Object.assign(new Error(message), { status: 400, expose: true, type: 'larder.request.refused', parameter });
}

/**
 * Checks a JSON body's nesting on its raw bytes, before JSON.parse or any validator walks it:
 * one pass, no recursion, so a deeply nested body costs no more than a flat one of its size.
 * `\u0000` escapes are refused here too; body-parser calls this for every JSON body.
 */
export function checkJsonBody(body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === 0x5c) {
        // \u0000: a NUL in a string; PostgreSQL cannot store it and nothing legitimate sends it
        if (body[index + 1] === 0x75 && body.toString('latin1', index + 2, index + 6) === '0000') throw refused('the JSON body contains a NUL character (\\u0000)');
        index++;
      } else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw refused(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

/** NUL bytes in the address: refused before routing, naming the query parameter that holds one. */
export function refuseNulInAddress(request: Request, _response: Response, next: NextFunction): void {
  const url = request.originalUrl ?? request.url;
  if (!/%00|\u0000/i.test(url)) return next();
  const [path, query = ''] = url.split('?', 2);
  if (/%00|\u0000/i.test(path)) return next(refused('the address contains a NUL character'));
  for (const [name, value] of new URLSearchParams(query)) {
    if (name.includes('\u0000') || value.includes('\u0000')) return next(refused(`query parameter "${name.replace(/\u0000/g, '')}" contains a NUL character`, name));
  }
  next(refused('the address contains a NUL character'));
}

/**
 * Errors of the body parsers and of the checks above, answered like every other error: JSON with
 * the code and the message, never Express's HTML page.
 */
export function answerRequestErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const problem = error as { status?: number; type?: string; message?: string; parameter?: string };
  if (typeof problem?.status !== 'number' || typeof problem.type !== 'string') return next(error);
  const status = problem.status >= 400 && problem.status < 500 ? problem.status : 400;
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_FORMAT' : 'VALIDATION_FAILED';
  const message = problem.type === 'entity.parse.failed' ? 'the request body is not valid JSON' : (problem.message ?? 'the request is not valid');
  response.status(status).json({ error: code, message, details: problem.parameter ? { parameter: problem.parameter } : undefined });
}
