import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthBootstrapService, CreatedAccount } from '@larder/auth';
import { ConfigError, loadConfigFromProcess } from '@larder/config';
import { DatabaseService } from '@larder/database';
import { LarderLogger } from '@larder/observability';
import { FirstStartService } from '@larder/pipeline';
import { AppModule } from './app.module';
import { configureHttp } from './http-setup';

/** New accounts' generated passwords are shown once, here, and stored only as hashes. */
function announceAccounts(accounts: CreatedAccount[]): void {
  if (accounts.length === 0) return;
  const lines = accounts.map((account) => `  ${account.username.padEnd(8)} ${account.role.padEnd(8)} ${account.password ?? '(password from configuration)'}`);
  process.stdout.write(['', 'Larder created these accounts; generated passwords are shown only this once:', ...lines, ''].join('\n') + '\n');
}

async function bootstrap(): Promise<void> {
  const config = loadConfigFromProcess();
  // Nest's own messages wait for the structured logger (LARDER_LOG_FORMAT) instead of printing in another format first.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(LarderLogger));
  configureHttp(app);
  app.enableShutdownHooks();
  await app.get(DatabaseService).migrate();
  announceAccounts(await app.get(AuthBootstrapService).ensureAccounts());
  await app.listen(config.port);
  const logger = new Logger('Larder');
  logger.log(`Larder is serving on http://localhost:${config.port} (${config.database.engine})`);
  // Seeding, the first forecasts and drafts run after the server answers so /health and the login page can show their progress.
  await app
    .get(FirstStartService)
    .start()
    .catch((error: Error) => logger.error(`demo start failed: ${error.message}`));
}

bootstrap().catch((error: Error) => {
  // A bad setting is the user's to fix: print what is wrong, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : (error.stack ?? error.message));
  process.exit(1);
});
