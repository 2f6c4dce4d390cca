import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { httpMetricsMiddleware, MetricsService } from '@larder/observability';
import { LarderExceptionFilter } from './errors/larder-exception.filter';
import { validationFailed } from './errors/validation-errors';
import { answerRequestErrors, checkJsonBody, MAX_JSON_BYTES, refuseNulInAddress } from './errors/request-limits';
import { configureOpenApi } from './openapi/openapi.setup';

/** Finds the project folder whether running from dist/ or from the TypeScript sources under test. */
function projectRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) || !existsSync(join(folder, 'apps'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the Larder project folder above ' + __dirname);
    folder = parent;
  }
  return folder;
}

/** Everything about the HTTP surface that main.ts and the e2e tests must share. */
export function configureHttp(app: NestExpressApplication): void {
  const root = projectRoot();
  app.useGlobalFilters(new LarderExceptionFilter());
  // Bodies are checked against their DTO classes: unknown fields are refused, not silently kept.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationFailed }));
  app.disable('x-powered-by');
  // Behind a TLS proxy: the protocol (so session cookies get Secure) and the client address (login limits) come from its headers.
  app.set('trust proxy', app.get<LarderConfig>(LARDER_CONFIG).trustProxy);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.use(helmet());
  app.use(refuseNulInAddress);
  app.use(cookieParser());
  // Import uploads stream their body to disk themselves, whatever its type, however large. Every
  // other JSON body is bounded in size and depth before it is parsed, signed in or not.
  // (`verify` is left out of Nest's option type only because Nest uses it for `rawBody`, which Larder does not.)
  const json = {
    limit: MAX_JSON_BYTES,
    type: (request: IncomingMessage) => !request.url?.startsWith('/api/import/') && /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? ''),
    verify: (_request: IncomingMessage, _response: unknown, body: Buffer) => checkJsonBody(body),
  };
  app.useBodyParser('json', json);
  app.use(answerRequestErrors);
  // The dashboard as Vite built it (apps/web/build.js, run by `npm run build`); hashed assets never change.
  app.useStaticAssets(join(root, 'dist', 'web'), {
    index: 'index.html',
    setHeaders: (response, path) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  configureOpenApi(app);
}
