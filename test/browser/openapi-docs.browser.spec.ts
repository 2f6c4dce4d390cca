import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { OPENAPI_DOCUMENT_PATH, OPENAPI_PAGE_PATH } from '../../apps/api/src/openapi/openapi.setup';
import { createHttpApp } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { describeWithChromium, launchChromium, screenshot } from './support/dashboard-browser';

describeWithChromium('the API docs page', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  it('renders every operation without a sign-in and without a content-security-policy violation', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(`page error: ${error.message}`));
    const operations = (await (await fetch(`${baseUrl}${OPENAPI_DOCUMENT_PATH}`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const count = Object.values(operations.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    await page.goto(`${baseUrl}${OPENAPI_PAGE_PATH}`);
    await page.waitForFunction(`document.querySelectorAll('.opblock').length === ${count}`, undefined, { timeout: 20_000 });
    expect(await page.locator('.opblock-summary-path', { hasText: '/api/plans/what-if' }).count()).toBe(1);
    // The security schemes of the document: session cookie, CSRF header, bearer token.
    expect(await page.locator('.btn.authorize').count()).toBe(1);
    await screenshot(page, 'api-docs');
    expect(refused).toEqual([]);
    await page.close();
  });
});
