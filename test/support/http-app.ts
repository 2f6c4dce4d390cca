import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { LarderConfig } from '@larder/config';
import { DatabaseService } from '@larder/database';
import { UserService } from '@larder/auth';
import type { Role } from '@larder/domain';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/http-setup';

export const TEST_PASSWORD = 'test-password-0123';

/** The API as `npm start` builds it, on a test database, migrated. */
export async function createHttpApp(config: LarderConfig, options: { demo?: LarderConfig['demo'] } = {}): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ ...config, demo: options.demo ?? 'off' })] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureHttp(app);
  await app.init();
  await app.get(DatabaseService).migrate();
  return app;
}

export interface SignedInAgent {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
}

/** Creates a user with the role (if missing) and signs in; the agent keeps the session cookie. */
export async function signIn(app: NestExpressApplication, user: { username: string; role: Role; canteenIds?: number[] }): Promise<SignedInAgent> {
  const users = app.get(UserService);
  if (!(await users.exists(user.username))) await users.create({ ...user, password: TEST_PASSWORD });
  const agent = request.agent(app.getHttpServer());
  const response = await agent.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD }).expect(200);
  return { agent, csrfToken: response.body.csrfToken };
}
