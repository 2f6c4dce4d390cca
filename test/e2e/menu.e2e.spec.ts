import type { NestExpressApplication } from '@nestjs/platform-express';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

describe('menu proposals over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;
  let other: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 90, endDate: '2026-11-20', futureDays: 10 });
    manager = await signIn(app, { username: 'menu-manager', role: 'manager', canteenIds: [1] });
    other = await signIn(app, { username: 'other-manager', role: 'manager', canteenIds: [2] });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (agent: SignedInAgent, path: string) => agent.agent.post(path).set('x-csrf-token', agent.csrfToken);

  it('proposes for a manager\'s own canteen, records the decision and refuses other canteens', async () => {
    const created = await post(manager, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 1, repeatGapDays: 5 }).expect(201);
    const proposal = created.body;
    expect(proposal).toMatchObject({ canteenId: 1, from: '2026-11-23', to: '2026-11-29', createdBy: 'menu-manager', rules: expect.objectContaining({ repeatGapDays: 5 }) });
    expect(proposal.changes.length).toBeGreaterThan(0);
    const change = proposal.changes[0];
    expect(proposal.dishes[change.toDishId ?? change.fromDishId]).toEqual(expect.objectContaining({ name: expect.any(String), nameEn: expect.any(String) }));

    await post(other, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'accept' }).expect(403);
    await other.agent.get(`/api/menu/proposals/${proposal.id}`).expect(403);
    await post(other, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 1 }).expect(403);

    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'maybe' }).expect(400);
    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'reject', colour: 'red' }).expect(400);
    const decided = await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'reject', reason: 'supplier strike' }).expect(200);
    expect(decided.body).toMatchObject({ seq: change.seq, status: 'rejected', decidedBy: 'menu-manager', reason: 'supplier strike' });
    await post(manager, `/api/menu/proposals/${proposal.id}/changes/${change.seq}`).send({ decision: 'accept' }).expect(409);

    const listed = await manager.agent.get('/api/menu/proposals').expect(200);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toEqual([proposal.id]);
    await post(manager, '/api/menu/proposals').send({ canteen: 'C01', from: '2026-11-23', weeks: 9 }).expect(400);
  }, 120_000);
});
