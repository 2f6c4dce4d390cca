import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_EXTENSION, describeAccess, SECURITY_SCHEMES } from './access-documentation';
import { operationId, routeHandlers } from './route-handlers';

export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json';
export const OPENAPI_PAGE_PATH = '/api/docs';

/** The description's own routes (the document and its page with the page's scripts): open to everyone, outside the access guard. */
export function isDocumentationRoute(path: string): boolean {
  return path === OPENAPI_DOCUMENT_PATH || path === OPENAPI_PAGE_PATH || path.startsWith(`${OPENAPI_PAGE_PATH}/`);
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: {
      type: 'string',
      description:
        "A stable code (VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, CONFIRMATION_REQUIRED, PAYLOAD_TOO_LARGE, UNSUPPORTED_FORMAT, UNAVAILABLE, STORAGE_FULL, INTERNAL), or the framework's name for a few answers such as 429 (ThrottlerException)",
    },
    message: { type: 'string' },
    details: { type: 'object', description: 'The parameter or fields at fault, or the reasons a confirmation is asked for', additionalProperties: true },
  },
};

/** The OpenAPI 3.1 document of the API, from the controllers, their DTOs and their access decorators. */
export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Larder API')
    .setDescription(
      'Canteen analytics and purchase planning. Sign in with `POST /api/auth/login` (a session cookie; writes echo the CSRF token) ' +
        `or send an API token as \`Authorization: Bearer <token>\`. Each operation's access is in its description and in \`${ACCESS_EXTENSION}\`; ` +
        'admins pass every operation that is not open to everyone. Amounts are integer fen unless named in yuan; dates are canteen-local YYYY-MM-DD.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  // The global validation pipe refuses fields a DTO does not declare; the documented answers carry no others (openapi.e2e.spec.ts).
  const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, { ...schema, additionalProperties: false }]));
  document.components = {
    ...document.components,
    securitySchemes: { ...SECURITY_SCHEMES },
    schemas: { ...schemas, Error: ERROR_SCHEMA },
    responses: { Error: { description: 'A coded error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
  };
  describeAccess(document, routeHandlers(app), app.get(Reflector));
  return document;
}

/** Serves the document at /api/openapi.json and Swagger UI at /api/docs; built once, on the first request. */
export function configureOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup(OPENAPI_PAGE_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_DOCUMENT_PATH,
    raw: ['json'],
    customSiteTitle: 'Larder API',
    // The page loads its document from this server only; no online validator badge.
    swaggerOptions: { validatorUrl: null },
  });
}
