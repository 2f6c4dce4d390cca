import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AccessGuard } from '@larder/auth';
import { DatabaseService } from '@larder/database';
import type { Role } from '@larder/domain';
import { DemoSeedService } from '@larder/ingestion';
import { AppModule } from '../../apps/api/src/app.module';
import { canteenAccessParameter } from '../../apps/api/src/auth/canteen-access.decorator';
import { configureHttp } from '../../apps/api/src/http-setup';
import { routeHandlers } from '../../apps/api/src/openapi/route-handlers';
import { createHttpApp, signIn } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const PARAMETERS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', name: 'nightly', kind: 'satisfaction', dishId: '1', supplierItemId: '1', seq: '1' };

/** Every route whose handler takes `@CanteenAccess()`, as "METHOD /path" with its parameters filled in. */
function canteenScopedRoutes(app: NestExpressApplication): string[] {
  const routes: string[] = [];
  for (const { controller, handler } of routeHandlers(app).values()) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, { factory?: unknown }>;
    if (!Object.values(args).some((arg) => arg.factory === canteenAccessParameter)) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller as Type));
    const path = String(Reflect.getMetadata(PATH_METADATA, handler));
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    routes.push(`${method} /${[base, path].filter((part) => part !== '/' && part !== '').join('/')}`.replace(/:(\w+)/g, (_match, name: string) => PARAMETERS[name]));
  }
  return routes;
}

describe('@CanteenAccess() fails closed', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    // An access guard that lets everything through, as a route left open by mistake would be.
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ ...database.config, demo: 'off' })] })
      .overrideProvider(AccessGuard)
      .useValue({ canActivate: () => true })
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
    configureHttp(app);
    await app.init();
    await app.get(DatabaseService).migrate();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses every canteen-scoped route a request reaches without a principal (401), never reading every canteen', async () => {
    const routes = canteenScopedRoutes(app);
    // The dashboard's panels, plans, orders, menus, stock, forecasts, reports, jobs and daily covers.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/covers/daily', 'GET /api/dashboard/overview', 'GET /api/plans', 'POST /api/plans/what-if', 'GET /api/reports/satisfaction']));
    const answers: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const response = await request(app.getHttpServer())
        [method.toLowerCase() as 'get'](path)
        .send(method === 'GET' ? undefined : {});
      answers.push(`${route}: ${response.status} ${(response.body as { error?: string }).error}`);
    }
    expect(answers).toEqual(routes.map((route) => `${route}: 401 UNAUTHENTICATED`));
  });

  it('leaves a route without the parameter to the guard alone', async () => {
    await request(app.getHttpServer()).get('/api/canteens').expect(200);
  });
});

describe('@CanteenAccess() scopes by role', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  const ROLES_SEEN: Role[] = ['manager', 'finance', 'union', 'viewer', 'admin'];
  const expected = (role: Role) => (role === 'manager' ? [1] : [1, 2]);

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 200, days: 14, endDate: '2026-11-20' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it.each(ROLES_SEEN)('%s: the dashboard lists and the daily covers read the canteens of the role', async (role) => {
    const { agent } = await signIn(app, { username: `scope-${role}`, role, canteenIds: role === 'manager' ? [1] : [] });
    const meta = await agent.get('/api/dashboard/meta').expect(200);
    expect((meta.body as { canteens: { id: number }[] }).canteens.map((canteen) => canteen.id).sort()).toEqual(expected(role));
    const covers = await agent.get('/api/covers/daily?from=2026-11-01&to=2026-11-20').expect(200);
    expect([...new Set((covers.body as { canteenId: number }[]).map((row) => row.canteenId))].sort()).toEqual(expected(role));
  });

  it.each(['manager', 'finance', 'admin'] as Role[])("%s: another canteen's stock is refused to a manager only", async (role) => {
    const { agent } = await signIn(app, { username: `scope-${role}`, role, canteenIds: role === 'manager' ? [1] : [] });
    const own = await agent.get('/api/stock?canteen=1');
    const other = await agent.get('/api/stock?canteen=2');
    expect([own.status, other.status]).toEqual([200, role === 'manager' ? 403 : 200]);
  });
});
