import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { mayReadReport, REPORT_KINDS } from '@larder/analytics';
import { ApiTokenService } from '@larder/auth';
import { Role, ROLES } from '@larder/domain';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * The web page offers a report exactly when the contract's `mayReadReport` says so; here the API
 * answers every role and report kind the same way. An invalid month makes each allowed request
 * stop at validation (400), after the readers are checked, without writing a workbook.
 */
describe('report readers: the API refuses what the page hides', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  const people = new Map<Role, SignedInAgent>();
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    for (const role of ROLES) people.set(role, await signIn(app, { username: `readers-${role}`, role, canteenIds: role === 'manager' ? [1] : [] }));
    token = (await app.get(ApiTokenService).create({ name: 'readers', scopes: ['read'] })).token;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers every role × report as the contract reads', async () => {
    const asked: string[] = [];
    const expected: string[] = [];
    for (const role of ROLES) {
      for (const kind of REPORT_KINDS) {
        const response = await people.get(role)!.agent.get(`/api/reports/${kind}?month=2026-13`);
        asked.push(`${role} ${kind}: ${response.status}`);
        expected.push(`${role} ${kind}: ${mayReadReport(role, kind) ? 400 : 403}`);
      }
      const payments = await people.get(role)!.agent.get('/api/reports/finance/payments?month=2026-13');
      asked.push(`${role} payments: ${payments.status}`);
      expected.push(`${role} payments: ${mayReadReport(role, 'finance') ? 400 : 403}`);
    }
    expect(asked).toEqual(expected);
    // Each kind is hidden from someone or read by all: the table is not empty on either side.
    expect(expected.filter((line) => line.endsWith('403')).length).toBeGreaterThan(0);
  });

  it('lets a read token download every report', async () => {
    for (const kind of REPORT_KINDS) {
      await request(app.getHttpServer()).get(`/api/reports/${kind}?month=2026-13`).set('authorization', `Bearer ${token}`).expect(400);
    }
  });
});
