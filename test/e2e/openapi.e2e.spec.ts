import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { AccessGuard, ApiTokenService, Principal, SESSION_COOKIE, SessionService, TOKEN_SCOPES, TokenScope } from '@larder/auth';
import { LarderError } from '@larder/common';
import { Role, ROLES } from '@larder/domain';
import { ACCESS_EXTENSION } from '../../apps/api/src/openapi/access-documentation';
import { isDocumentationRoute, OPENAPI_DOCUMENT_PATH, OPENAPI_PAGE_PATH } from '../../apps/api/src/openapi/openapi.setup';
import { RouteHandler, routeHandlers } from '../../apps/api/src/openapi/route-handlers';
import { MASTER_FILES } from '../fixtures/import/import-test-kit';
import { createHttpApp, signIn, TEST_PASSWORD } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

type Operation = { operationId: string; security?: Record<string, string[]>[]; [ACCESS_EXTENSION]?: { public?: true; roles?: string[]; tokenScopes?: string[] } };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

/** Checks an answer against the schema the document gives for that route's status. */
function answerProblems(document: Document, route: string, status: number, body: unknown): string[] {
  const [method, path] = route.split(' ');
  type Response = { $ref?: string; content?: Record<string, { schema: object }> };
  let response = (document.paths[path][method.toLowerCase()] as unknown as { responses: Record<string, Response> }).responses[status];
  if (response?.$ref) response = (document.components.responses as Record<string, Response>)[response.$ref.replace('#/components/responses/', '')];
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) return [`${route} documents no JSON answer for ${status}`];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'larder', components: document.components });
  const validate = ajv.compile(rebase(schema));
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${route} ${status}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

/** The document's local references (`#/components/…`) pointed at the copy registered as `larder`. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"larder#/components/'));
}

/** Everyone who may knock: nobody signed in, a person of each role, a token of each scope. */
const CALLERS = ['anonymous', ...ROLES, ...TOKEN_SCOPES.map((scope) => `token:${scope}`)];

/** The routes Express has registered, as "METHOD /path" in OpenAPI's `{param}` form. */
function registeredRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack
    .filter((layer) => layer.route && layer.route.path !== '{/*splat}' && !isDocumentationRoute(layer.route.path))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    );
}

function principalOf(caller: string): Principal | null {
  if (caller === 'anonymous') return null;
  if (caller.startsWith('token:')) return { kind: 'token', tokenId: 't', name: caller, scopes: [caller.slice('token:'.length) as TokenScope] };
  return { kind: 'user', userId: 'u', username: caller, role: caller as Role, canteenIds: [1], csrfToken: 'csrf' };
}

/** Asks the real access guard, over the route's real handler and controller, whether the caller passes. */
async function guardLets(app: NestExpressApplication, handlers: Map<string, RouteHandler>, operationId: string, method: string, caller: string): Promise<boolean> {
  const route = handlers.get(operationId);
  if (!route) throw new Error(`no handler for ${operationId}`);
  const principal = principalOf(caller);
  const resolve = async () => principal;
  const guard = new AccessGuard(app.get(Reflector), { resolve } as unknown as SessionService, { resolve } as unknown as ApiTokenService);
  const headers: Record<string, string> = { 'x-csrf-token': 'csrf', ...(principal?.kind === 'token' ? { authorization: 'Bearer secret' } : {}) };
  const httpRequest = { method, path: operationId, cookies: principal?.kind === 'user' ? { [SESSION_COOKIE]: 'session' } : {}, header: (name: string) => headers[name.toLowerCase()] };
  const context = { getHandler: () => route.handler, getClass: () => route.controller, switchToHttp: () => ({ getRequest: () => httpRequest }) };
  // Only the guard's own refusals count as "not let through"; anything else is a fault of this test.
  return guard.canActivate(context as never).then(
    () => true,
    (error: unknown) => {
      if (error instanceof LarderError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED')) return false;
      throw error;
    },
  );
}

function documentedCallers(operation: Operation): string[] {
  const access = operation[ACCESS_EXTENSION];
  if (!access) return [];
  if (access.public) return CALLERS;
  const callers = [...(access.roles ?? []), ...(access.tokenScopes ?? []).map((scope) => `token:${scope}`)];
  // In CALLERS' order; anything documented that is no caller at all sorts last and shows as a mismatch.
  const rank = (caller: string) => (CALLERS.includes(caller) ? CALLERS.indexOf(caller) : CALLERS.length);
  return callers.sort((left, right) => rank(left) - rank(right));
}

describe('the API description', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let document: Document;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    const response = await request(app.getHttpServer()).get(OPENAPI_DOCUMENT_PATH).expect(200).expect('content-type', /json/);
    document = response.body;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is a valid OpenAPI 3.1 document, served to anyone', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the application registers, and nothing else', () => {
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(40);
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('documents for each route exactly the callers the access guard lets through', async () => {
    const mismatches: string[] = [];
    const handlers = routeHandlers(app);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const documented = documentedCallers(operation);
        const passed: string[] = [];
        for (const caller of CALLERS) if (await guardLets(app, handlers, operation.operationId, method.toUpperCase(), caller)) passed.push(caller);
        if (documented.join() !== passed.join()) mismatches.push(`${method.toUpperCase()} ${path}: documented ${documented.join(', ')}; the guard lets ${passed.join(', ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('states the same access in its security requirements', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const access = operation[ACCESS_EXTENSION]!;
        const expected = access.public ? [] : [{ session: access.roles, ...(method === 'get' ? {} : { csrf: [] }) }, ...(access.tokenScopes!.length > 0 ? [{ apiToken: access.tokenScopes }] : [])];
        expect({ route: `${method} ${path}`, security: operation.security }).toEqual({ route: `${method} ${path}`, security: expected });
      }
    }
  });

  it('documents the main answers as they are: sign-in, caller, token, canteens, import summary', async () => {
    const server = request(app.getHttpServer());
    const admin = await signIn(app, { username: 'openapi-admin', role: 'admin' });
    const login = await server.post('/api/auth/login').send({ username: 'openapi-admin', password: TEST_PASSWORD }).expect(200);
    const me = await admin.agent.get('/api/auth/me').expect(200);
    const read = await admin.agent
      .post('/api/admin/tokens')
      .set('x-csrf-token', admin.csrfToken)
      .send({ name: 'openapi read', scopes: ['read'] })
      .expect(201);
    const pusher = await admin.agent
      .post('/api/admin/tokens')
      .set('x-csrf-token', admin.csrfToken)
      .send({ name: 'openapi import', scopes: ['import'] })
      .expect(201);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const tokenMe = await server.get('/api/auth/me').set(bearer(read.body.token)).expect(403);
    const imported = await server.post('/api/import/auto').set(bearer(pusher.body.token)).attach('file', Buffer.from(MASTER_FILES['sites.csv']), 'sites.csv').expect(200);
    await server.post('/api/import/canteens').set(bearer(pusher.body.token)).attach('file', Buffer.from(MASTER_FILES['canteens.csv']), 'canteens.csv').expect(200);
    const canteens = await server.get('/api/canteens').set(bearer(read.body.token)).expect(200);
    expect(canteens.body.length).toBeGreaterThan(0);
    const answers: [string, number, unknown][] = [
      ['POST /api/auth/login', 200, login.body],
      ['GET /api/auth/me', 200, me.body],
      ['GET /api/auth/me', 403, tokenMe.body],
      ['POST /api/admin/tokens', 201, read.body],
      ['POST /api/import/{kind}', 200, imported.body],
      ['GET /api/canteens', 200, canteens.body],
    ];
    expect(imported.body.accepted).toBe(1);
    expect(answers.flatMap(([route, status, body]) => answerProblems(document, route, status, body))).toEqual([]);
    // A field the schema does not know is caught: the check can fail.
    expect(answerProblems(document, 'POST /api/admin/tokens', 201, { ...read.body, secret: 'x' })).not.toEqual([]);
  });

  it('serves the docs page without sign-in, under a CSP its scripts satisfy, and leaks no settings', async () => {
    const server = request(app.getHttpServer());
    const page = await server.get(OPENAPI_PAGE_PATH).expect(200).expect('content-type', /html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/<script src=['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(1);
    expect(page.text).not.toMatch(/<script>/);
    for (const script of scripts) {
      expect(script).not.toMatch(/^(https?:)?\/\//);
      await server
        .get(new URL(script, `http://larder${OPENAPI_PAGE_PATH}`).pathname)
        .expect(200)
        .expect('content-type', /javascript/);
    }
    const text = JSON.stringify(document);
    for (const secret of [database.url, database.config.pseudonymSecret, database.config.pseudonymKeyFile]) if (secret) expect(text).not.toContain(secret);
  });
});
