import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { hashApiKey } from '../src/app/api-keys/api-key-secret';
import { ApiKeys1765110000000 } from '../src/migrations/1765110000000-api-keys';
import { parseConfiguration } from '../src/services/configuration/configuration.service';
import { buildDataSourceOptions, MIGRATIONS } from '../src/services/database/database-options';
import { SAMPLE_SELLER_VAT } from './support/sample-invoice';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const PASSWORD = 'key-owner-password-123';

/**
 * A user's API keys end with the user's access: deleting the user, removing a company from them
 * or demoting an administrator revokes the keys they created for the companies they lost.
 */
describe('API key revocation', () => {
  let testApp: TestApp;
  let companyA: number;
  let companyB: number;
  let adminKey: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const asAdmin = () => bearer(testApp.token);

  const login = async (username: string): Promise<string> =>
    (
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ username, password: PASSWORD })
        .expect(200)
    ).body.accessToken;

  const createUser = async (username: string, role: string, companyIds: number[]) =>
    (
      await testApp
        .http()
        .post('/api/users')
        .set(asAdmin())
        .send({ username, password: PASSWORD, role, companyIds })
        .expect(201)
    ).body.id as number;

  const createKey = async (token: string, companyId: number, name: string): Promise<string> =>
    (
      await testApp
        .http()
        .post(`/api/companies/${companyId}/api-keys`)
        .set(bearer(token))
        .send({ name })
        .expect(201)
    ).body.key;

  /** Returns the status of a request that the key makes to its company's client list. */
  const statusWith = async (key: string, companyId: number): Promise<number> =>
    (await testApp.http().get(`/api/companies/${companyId}/clients`).set('X-API-Key', key)).status;

  const listKeys = async (companyId: number) =>
    (await testApp.http().get(`/api/companies/${companyId}/api-keys`).set(asAdmin()).expect(200))
      .body as Array<{ name: string; createdBy: string | null }>;

  beforeAll(async () => {
    testApp = await startTestApp();
    const createCompany = async (name: string, vatNumber: string) =>
      (
        await testApp
          .http()
          .post('/api/companies')
          .set(asAdmin())
          .send({ name, vatNumber })
          .expect(201)
      ).body.id as number;
    companyA = await createCompany('Officine Rossi S.p.A.', `IT${SAMPLE_SELLER_VAT}`);
    companyB = await createCompany('Ferramenta Bianchi S.r.l.', 'IT01234567897');
    adminKey = await createKey(testApp.token, companyA, 'Gestionale amministrazione');
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('lists the creator of each key', async () => {
    const staffId = await createUser('lista.creatore', 'staff', [companyA]);
    await createKey(await login('lista.creatore'), companyA, 'Gestionale staff');

    const keys = await listKeys(companyA);

    expect(keys).toEqual([
      expect.objectContaining({ name: 'Gestionale staff', createdBy: 'lista.creatore' }),
      expect.objectContaining({ name: 'Gestionale amministrazione', createdBy: 'admin' }),
    ]);
    await testApp.http().delete(`/api/users/${staffId}`).set(asAdmin()).expect(204);
  });

  it('revokes a staff key when the user is deleted', async () => {
    const staffId = await createUser('giulia.neri', 'staff', [companyA]);
    const token = await login('giulia.neri');
    const staffKey = await createKey(token, companyA, 'Gestionale Giulia');
    expect(await statusWith(staffKey, companyA)).toBe(200);
    const log = jest.spyOn(Logger.prototype, 'log');

    await testApp.http().delete(`/api/users/${staffId}`).set(asAdmin()).expect(204);

    expect(await statusWith(staffKey, companyA)).toBe(401);
    await testApp.http().get('/api/auth/me').set(bearer(token)).expect(401);
    expect(await statusWith(adminKey, companyA)).toBe(200);
    expect((await listKeys(companyA)).map((key) => key.name)).toEqual([
      'Gestionale amministrazione',
    ]);
    const messages = log.mock.calls.map(([message]) => String(message));
    expect(messages).toContain(
      `User '${staffId}' has been deleted and 1 API key(s) they created have been revoked.`,
    );
    expect(messages.filter((message) => message.includes(staffKey))).toEqual([]);
  });

  it('revokes a staff key when its company is unassigned', async () => {
    const staffId = await createUser('paolo.gallo', 'staff', [companyA, companyB]);
    const token = await login('paolo.gallo');
    const keyA = await createKey(token, companyA, 'Gestionale Paolo A');
    const keyB = await createKey(token, companyB, 'Gestionale Paolo B');
    const log = jest.spyOn(Logger.prototype, 'log');

    await testApp
      .http()
      .patch(`/api/users/${staffId}`)
      .set(asAdmin())
      .send({ companyIds: [companyB] })
      .expect(200);

    expect(await statusWith(keyA, companyA)).toBe(401);
    expect(await statusWith(keyB, companyB)).toBe(200);
    expect(await statusWith(adminKey, companyA)).toBe(200);
    expect(log.mock.calls.map(([message]) => String(message))).toContain(
      `1 API key(s) created by user '${staffId}' for companies they can no longer access have been revoked.`,
    );

    await testApp
      .http()
      .patch(`/api/users/${staffId}`)
      .set(asAdmin())
      .send({ companyIds: [] })
      .expect(200);

    expect(await statusWith(keyB, companyB)).toBe(401);
  });

  it('keeps staff keys on other changes', async () => {
    const staffId = await createUser('sara.conti', 'staff', [companyA]);
    const staffKey = await createKey(await login('sara.conti'), companyA, 'Gestionale Sara');

    await testApp
      .http()
      .patch(`/api/users/${staffId}`)
      .set(asAdmin())
      .send({ password: 'another-password-456', companyIds: [companyA, companyB] })
      .expect(200);
    await testApp
      .http()
      .patch(`/api/users/${staffId}`)
      .set(asAdmin())
      .send({ role: 'admin' })
      .expect(200);

    expect(await statusWith(staffKey, companyA)).toBe(200);
  });

  it('revokes keys a demoted admin loses', async () => {
    const adminId = await createUser('carla.ferri', 'admin', []);
    const token = await login('carla.ferri');
    const keyA = await createKey(token, companyA, 'Gestionale Carla A');
    const keyB = await createKey(token, companyB, 'Gestionale Carla B');

    await testApp
      .http()
      .patch(`/api/users/${adminId}`)
      .set(asAdmin())
      .send({ role: 'staff', companyIds: [companyB] })
      .expect(200);

    expect(await statusWith(keyA, companyA)).toBe(401);
    expect(await statusWith(keyB, companyB)).toBe(200);
    expect(await statusWith(adminKey, companyA)).toBe(200);
  });

  it('revokes the keys of a deleted admin', async () => {
    const adminId = await createUser('bruno.riva', 'admin', []);
    const adminKeyB = await createKey(await login('bruno.riva'), companyB, 'Gestionale Bruno');

    await testApp.http().delete(`/api/users/${adminId}`).set(asAdmin()).expect(204);

    expect(await statusWith(adminKeyB, companyB)).toBe(401);
    expect(await statusWith(adminKey, companyA)).toBe(200);
  });

  it('keeps keys created before the migration', async () => {
    const database = await createTestDatabase();
    const options = buildDataSourceOptions(
      parseConfiguration({ DATABASE_URL: database.url }).database,
    );
    const legacyKey = `sk_${'L'.repeat(43)}`;
    const beforeCreators = new DataSource({
      ...options,
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(ApiKeys1765110000000) + 1),
      migrationsRun: false,
      logging: false,
    });
    let upgraded: TestApp | undefined;
    try {
      await beforeCreators.initialize();
      await beforeCreators.runMigrations();
      await beforeCreators.query(
        "INSERT INTO companies (name, vat_country, vat_code) VALUES ('Officine Rossi S.p.A.', 'IT', ?)",
        [SAMPLE_SELLER_VAT],
      );
      await beforeCreators.query(
        "INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES (1, 'Gestionale storico', ?, ?)",
        [legacyKey.slice(0, 11), hashApiKey(legacyKey)],
      );
      await beforeCreators.destroy();

      upgraded = await startTestApp({}, { database });

      const listed = await upgraded
        .http()
        .get('/api/companies/1/api-keys')
        .set(bearer(upgraded.token));
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ name: 'Gestionale storico', createdBy: null }),
      ]);
      await upgraded.http().get('/api/companies/1/clients').set('X-API-Key', legacyKey).expect(200);
    } finally {
      if (beforeCreators.isInitialized) {
        await beforeCreators.destroy();
      }
      await upgraded?.close();
      await database.drop();
    }
  });
});
