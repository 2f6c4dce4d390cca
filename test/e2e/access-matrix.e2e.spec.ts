import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiTokenService } from '@larder/auth';
import type { Role } from '@larder/domain';
import { DemoSeedService } from '@larder/ingestion';
import { isDocumentationRoute } from '../../apps/api/src/openapi/openapi.setup';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

type Caller = Role | 'anonymous' | 'token:read' | 'token:import';
const CALLERS: Caller[] = ['anonymous', 'admin', 'manager', 'finance', 'union', 'viewer', 'token:read', 'token:import'];
const ALL_PEOPLE: Caller[] = ['admin', 'manager', 'finance', 'union', 'viewer'];
const OPERATIONS: Caller[] = ['admin', 'manager', 'finance', 'viewer', 'token:read'];

/**
 * Who may call what. Every route the API registers must appear here: a new route without an entry
 * fails this test, so access is always decided on purpose.
 */
const ACCESS: Record<string, Caller[]> = {
  'GET /health': CALLERS,
  // The Prometheus scrape: admins and tokens with the metrics scope (tested in observability.e2e.spec.ts).
  'GET /metrics': ['admin'],
  'POST /api/auth/login': CALLERS,
  'POST /api/auth/logout': ALL_PEOPLE,
  'POST /api/auth/password': ALL_PEOPLE,
  'GET /api/auth/me': ALL_PEOPLE,
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/:username': ['admin'],
  'POST /api/admin/users/:username/password': ['admin'],
  'GET /api/admin/tokens': ['admin'],
  'POST /api/admin/tokens': ['admin'],
  'DELETE /api/admin/tokens/:id': ['admin'],
  'GET /api/admin/audit': ['admin'],
  'GET /api/admin/subscriptions': ['admin'],
  // Each person's own subscriptions; the unsubscribe link in an e-mail needs no sign-in (without a token: 400).
  'GET /api/subscriptions': ALL_PEOPLE,
  'POST /api/subscriptions': ALL_PEOPLE,
  'DELETE /api/subscriptions/:id': ALL_PEOPLE,
  'GET /api/subscriptions/unsubscribe': CALLERS,
  'GET /api/canteens': [...ALL_PEOPLE, 'token:read'],
  'GET /api/summary': [...ALL_PEOPLE, 'token:read'],
  'GET /api/covers/daily': [...ALL_PEOPLE, 'token:read'],
  'GET /api/jobs': ['admin', 'manager', 'finance'],
  'POST /api/jobs/:name/runs': ['admin', 'manager'],
  'GET /api/jobs/runs/:id': ['admin', 'manager', 'finance'],
  'GET /api/forecasts': OPERATIONS,
  'GET /api/forecasts/runs': OPERATIONS,
  'POST /api/forecasts/runs': ['admin', 'manager'],
  'GET /api/waste/accounting': OPERATIONS,
  'POST /api/menu/proposals': ['admin', 'manager'],
  'GET /api/menu/proposals': ['admin', 'manager'],
  'GET /api/menu/proposals/:id': ['admin', 'manager'],
  'GET /api/menu/proposals/:id/workbook': ['admin', 'manager'],
  'POST /api/menu/proposals/:id/changes/:seq': ['admin', 'manager'],
  'GET /api/plans': OPERATIONS,
  'POST /api/plans': ['admin', 'manager'],
  'GET /api/plans/:id': OPERATIONS,
  'POST /api/plans/:id/approve': ['admin', 'manager'],
  'POST /api/plans/:id/revise': ['admin', 'manager'],
  'POST /api/plans/:id/overrides': ['admin', 'manager'],
  'GET /api/plans/:id/overrides': OPERATIONS,
  'GET /api/plans/:id/orders': OPERATIONS,
  'GET /api/purchase-orders': OPERATIONS,
  'GET /api/purchase-orders/:id': OPERATIONS,
  'GET /api/purchase-orders/:id/sheet': OPERATIONS,
  'GET /api/purchase-orders/sheet-formats': OPERATIONS,
  'PATCH /api/purchase-orders/:id/lines/:supplierItemId': ['admin', 'manager'],
  'POST /api/purchase-orders/:id/status': ['admin', 'manager'],
  'POST /api/purchase-orders/:id/receipt': ['admin', 'manager'],
  'GET /api/stock': OPERATIONS,
  'GET /api/supplier-comparison': OPERATIONS,
  'POST /api/plans/what-if': ['admin', 'manager', 'finance'],
  // Checked with the satisfaction report; each report kind names its own readers.
  'GET /api/reports/:kind': ['admin', 'manager', 'finance', 'union', 'token:read'],
  // The payments export for audit: the finance report's readers.
  'GET /api/reports/finance/payments': ['admin', 'manager', 'finance', 'token:read'],
  // A settlement file reconciled, as figures or inside the finance workbook: the finance report's readers.
  'POST /api/reports/finance/reconciliation': ['admin', 'manager', 'finance', 'token:read'],
  'POST /api/reports/finance': ['admin', 'manager', 'finance', 'token:read'],
  // Machines push files with an import token; of the people only admins may (an unknown kind answers 400).
  'POST /api/import/:kind': ['admin', 'token:import'],
  // A batch's refused rows, to correct: whoever may import (an unknown batch answers 404).
  'GET /api/import/batches/:batchId/rejected': ['admin', 'token:import'],
  // The dashboard is for people: each page's roles as DASHBOARD_PAGES lists them; no tokens.
  'GET /api/dashboard/meta': ALL_PEOPLE,
  'GET /api/dashboard/overview': ['admin', 'manager', 'finance', 'viewer'],
  'GET /api/dashboard/dishes': ['admin', 'manager', 'finance', 'viewer'],
  'GET /api/dashboard/dishes/:dishId': ['admin', 'manager', 'finance', 'viewer'],
  'GET /api/dashboard/demand': ['admin', 'manager', 'finance', 'viewer'],
  'GET /api/dashboard/waste': ['admin', 'manager', 'finance', 'viewer'],
  'GET /api/dashboard/finance': ['admin', 'finance'],
  'GET /api/budgets': ['admin', 'finance'],
  'PUT /api/budgets': ['admin', 'finance'],
  'GET /api/dashboard/satisfaction': ['admin', 'manager', 'union', 'viewer'],
  // Subsidy reach per site: finance, and the union without yuan (aggregates only, groups under five hidden).
  'GET /api/subsidy-reach': ['admin', 'finance', 'union', 'token:read'],
};

const PARAMETERS: Record<string, string> = {
  username: 'no-such-user',
  id: '00000000-0000-4000-8000-000000000000',
  batchId: '00000000-0000-4000-8000-000000000000',
  name: 'no-such-job',
  kind: 'satisfaction',
  dishId: '1',
  supplierItemId: '1',
  seq: '1',
};

/** The routes Express has registered for the Nest controllers, as "METHOD /path". */
function registeredRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return (
    express.router.stack
      // Middleware Nest mounts on every path (the request logger) is not a route anyone calls; the API
      // description and its page are open to everyone outside the guard (openapi.e2e.spec.ts).
      .filter((layer) => layer.route && layer.route.path !== '{/*splat}' && !isDocumentationRoute(layer.route.path))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
      )
  );
}

describe('who may call what: every route with every role', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  const people = new Map<Caller, SignedInAgent>();
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 400, days: 30, endDate: '2026-11-20', futureDays: 7 });
    for (const role of ALL_PEOPLE as Role[]) people.set(role, await signIn(app, { username: `matrix-${role}`, role, canteenIds: role === 'manager' ? [1] : [] }));
    for (const scope of ['read', 'import'] as const) tokens.set(`token:${scope}`, (await app.get(ApiTokenService).create({ name: `matrix ${scope}`, scopes: [scope] })).token);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('has an access decision for every registered route and no stale entries', () => {
    const routes = registeredRoutes(app);
    expect(routes.filter((route) => !(route in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it.each(Object.entries(ACCESS))('%s answers each caller as the table says', async (route, allowed) => {
    const [method, pattern] = route.split(' ');
    const path = pattern.replace(/:(\w+)/g, (_match, name: string) => PARAMETERS[name]);
    for (const caller of CALLERS) {
      let call: request.Test;
      if (caller === 'anonymous') call = request(app.getHttpServer())[method.toLowerCase() as 'get'](path);
      else if (caller.startsWith('token:'))
        call = request(app.getHttpServer())
          [method.toLowerCase() as 'get'](path)
          .set('authorization', `Bearer ${tokens.get(caller)}`);
      else {
        const person = people.get(caller)!;
        call = person.agent[method.toLowerCase() as 'get'](path).set('x-csrf-token', person.csrfToken);
      }
      // Logging out would end the session the rest of the table needs: check it with a throwaway one.
      if (route === 'POST /api/auth/logout' && people.has(caller)) {
        const throwaway = await signIn(app, { username: `matrix-${caller}`, role: caller as Role });
        call = throwaway.agent.post(path).set('x-csrf-token', throwaway.csrfToken);
      }
      const response = await call.send(method === 'GET' ? undefined : {});
      const denied = response.status === 401 || response.status === 403;
      const expectation = `${caller} → ${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`;
      if (allowed.includes(caller)) expect({ expectation, denied }).toEqual({ expectation, denied: false });
      else expect({ expectation, denied }).toEqual({ expectation, denied: true });
      if (caller === 'anonymous' && !allowed.includes(caller)) expect(response.status).toBe(401);
    }
  });
});
