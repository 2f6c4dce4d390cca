import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { maskPersonalText } from '@larder/common';
import type { LarderConfig } from '@larder/config';
import { principalName, type Principal } from '@larder/auth';

/** Larder's levels in pino's words. */
const PINO_LEVEL = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' } as const;

/** A caller's own request id is kept when it is a plain token, so one id follows a request across systems. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const MIDDLEWARE_MOUNT = '{/*splat}';

type LoggedRequest = IncomingMessage & { principal?: Principal; route?: { path?: string }; baseUrl?: string; originalUrl?: string };

/**
 * The route a request matched ("/api/plans/:id"), so logs and metrics group by it and never by a
 * value in the address; API calls that matched nothing are "unmatched", files of the dashboard "static".
 */
export function routeOf(request: LoggedRequest): string {
  const path = request.route?.path;
  // '{/*splat}' is where Nest mounts middleware (this logger); only a controller's route names a request.
  if (path && path !== MIDDLEWARE_MOUNT) return `${request.baseUrl ?? ''}${path}`;
  return (request.originalUrl ?? request.url ?? '').startsWith('/api/') ? 'unmatched' : 'static';
}

/** Requests worth a line: the API and the metrics scrape; static files and health probes are not. */
export function isLoggedPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/api/') || url.startsWith('/metrics'));
}

export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Log lines carry what an operator needs (request id, method, route, status, duration, who) and
 * nothing a person could be found by: no headers, cookies, bodies or tokens, and any card, ID-card
 * or phone number that reaches a message or an address is masked like the importer masks it.
 */
export function loggerOptions(config: LarderConfig): LoggerOptions {
  return {
    level: PINO_LEVEL[config.logLevel],
    base: undefined,
    messageKey: 'msg',
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    serializers: {
      req: (request: LoggedRequest) => ({ method: request.method, url: maskPersonalText(request.originalUrl ?? request.url ?? '') }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      err: (error: Error) => ({ type: error.name, message: maskPersonalText(error.message), stack: error.stack ? maskPersonalText(error.stack) : undefined }),
    },
  };
}

/**
 * The readable formatter of each output stream, made once and kept on the stream: it pipes into the
 * stream and stays attached, so an app started again in one process (the tests start dozens, each
 * test file with its own copy of this module) would otherwise add listeners to stdout each time.
 */
const READABLE_DESTINATION = Symbol.for('larder.readable-log-destination');

/** A readable line per event on a terminal; one JSON object per line for a collector. */
export function logDestination(config: LarderConfig, stream: NodeJS.WritableStream = process.stdout): DestinationStream {
  if (config.logFormat === 'json') return stream as DestinationStream;
  const holder = stream as NodeJS.WritableStream & { [READABLE_DESTINATION]?: DestinationStream };
  holder[READABLE_DESTINATION] ??= pretty({
    destination: stream,
    sync: true,
    colorize: 'isTTY' in stream && stream.isTTY === true,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname,req,res,reqId,durationMs,route,principal,context',
    messageFormat: '{if context}[{context}] {end}{msg}{if reqId} (request {reqId}){end}',
  });
  return holder[READABLE_DESTINATION];
}

/** pino-http's settings: one line per finished API request, at the level its status deserves. */
export function requestLogOptions(config: LarderConfig) {
  return {
    genReqId: requestId,
    quietReqLogger: true,
    autoLogging: { ignore: (request: IncomingMessage) => !isLoggedPath(request.url) },
    // A refused request (4xx) is the caller's business and routine (a wrong password, an expired
    // session): logged like any other; the server's own failures (5xx) are errors.
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customProps: (request: IncomingMessage) => {
      const logged = request as LoggedRequest;
      return { route: routeOf(logged), principal: logged.principal ? principalName(logged.principal) : null };
    },
    customSuccessMessage: (request: IncomingMessage, response: ServerResponse, responseTime: number) =>
      `${request.method} ${routeOf(request as LoggedRequest)} ${response.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (request: IncomingMessage, response: ServerResponse) => `${request.method} ${routeOf(request as LoggedRequest)} ${response.statusCode} failed`,
    customAttributeKeys: { responseTime: 'durationMs' },
    ...loggerOptions(config),
  };
}
