import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LarderExceptionFilter } from './errors/larder-exception.filter';

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
  app.disable('x-powered-by');
  app.useStaticAssets(join(root, 'apps', 'web', 'public'), { index: 'index.html' });
  app.useStaticAssets(join(root, 'node_modules', 'echarts', 'dist'), { prefix: '/vendor/echarts/' });
}
