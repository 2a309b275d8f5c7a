import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import { RevokedTokenEntity } from '../src/app/auth/revoked-token.entity';
import { SAMPLE_SELLER_VAT } from './support/sample-invoice';
import { startTestApp, TEST_ADMIN, TestApp } from './support/test-app';

const STAFF_PASSWORD = 'staff-password-123';

describe('access control', () => {
  let testApp: TestApp;
  let companyA: number;
  let companyB: number;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const asAdmin = () => bearer(testApp.token);
  const login = async (username: string, password: string): Promise<string> =>
    (await testApp.http().post('/api/auth/login').send({ username, password }).expect(200)).body
      .accessToken;
  const createUser = (body: object) => testApp.http().post('/api/users').set(asAdmin()).send(body);

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
    const create = async (name: string, vatNumber: string) =>
      (
        await testApp
          .http()
          .post('/api/companies')
          .set(asAdmin())
          .send({ name, vatNumber })
          .expect(201)
      ).body.id;
    companyA = await create('Officine Rossi S.p.A.', `IT${SAMPLE_SELLER_VAT}`);
    companyB = await create('Ferramenta Bianchi S.r.l.', 'IT01234567897');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('logout', () => {
    it('revokes the token on this and another instance', async () => {
      const token = await login(TEST_ADMIN.username, TEST_ADMIN.password);
      const other = await login(TEST_ADMIN.username, TEST_ADMIN.password);
      const secondInstance = await startTestApp({}, { database: testApp.database });
      try {
        await secondInstance.http().get('/api/auth/me').set(bearer(token)).expect(200);

        await testApp.http().post('/api/auth/logout').set(bearer(token)).expect(204);

        const here = await testApp.http().get('/api/companies').set(bearer(token)).expect(401);
        expect(here.body.message).toBe('Invalid, expired or revoked access token; log in again');
        await secondInstance.http().get('/api/companies').set(bearer(token)).expect(401);
        await secondInstance.http().post('/api/auth/logout').set(bearer(token)).expect(401);
        // Only the token that logged out is revoked, not the user's other sessions.
        await secondInstance.http().get('/api/companies').set(bearer(other)).expect(200);
      } finally {
        await secondInstance.close();
      }
    });

    it('keeps a revocation only until the token expires', async () => {
      const token = await login(TEST_ADMIN.username, TEST_ADMIN.password);
      const dataSource = testApp.app.get(DataSource);
      await dataSource
        .getRepository(RevokedTokenEntity)
        .insert({ jti: 'expired-token-id', expiresAt: new Date('2020-01-01T00:00:00Z') });

      await testApp.http().post('/api/auth/logout').set(bearer(token)).expect(204);

      const rows: Array<{ jti: string }> = await dataSource.query('SELECT jti FROM revoked_tokens');
      expect(rows.map((row) => row.jti)).not.toContain('expired-token-id');
      expect(rows).toHaveLength(2);
    });

    it('rejects a token that has expired', async () => {
      const shortLived = await startTestApp(
        { ACCESS_TOKEN_TTL_SECONDS: '60' },
        { database: testApp.database },
      );
      try {
        const token = await login(TEST_ADMIN.username, TEST_ADMIN.password);
        const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
        expect(payload.exp - payload.iat).toBe(8 * 3600);
        const response = await shortLived
          .http()
          .post('/api/auth/login')
          .send(TEST_ADMIN)
          .expect(200);
        expect(response.body.expiresIn).toBe(60);

        jest.useFakeTimers({
          now: Date.now() + 61_000,
          doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'],
        });
        try {
          await shortLived
            .http()
            .get('/api/auth/me')
            .set(bearer(response.body.accessToken))
            .expect(401);
        } finally {
          jest.useRealTimers();
        }
      } finally {
        await shortLived.close();
      }
    });
  });

  describe('users', () => {
    let staffId: number;

    it('creates a staff user who sees only the assigned company', async () => {
      const created = await createUser({
        username: 'mario.rossi',
        password: STAFF_PASSWORD,
        role: 'staff',
        companyIds: [companyA],
      }).expect(201);
      staffId = created.body.id;
      expect(created.body).toMatchObject({
        username: 'mario.rossi',
        role: 'staff',
        companyIds: [companyA],
        lockedUntil: null,
      });
      expect(JSON.stringify(created.body)).not.toContain(STAFF_PASSWORD);

      const token = await login('mario.rossi', STAFF_PASSWORD);
      const companies = await testApp.http().get('/api/companies').set(bearer(token)).expect(200);
      expect(companies.body.map((company: { id: number }) => company.id)).toEqual([companyA]);
      await testApp.http().get(`/api/companies/${companyB}`).set(bearer(token)).expect(404);
      const me = await testApp.http().get('/api/auth/me').set(bearer(token)).expect(200);
      expect(me.body).toEqual({ id: staffId, username: 'mario.rossi', role: 'staff' });
    });

    it('stores the password as a scrypt hash', async () => {
      const rows: Array<{ password_hash: string }> = await testApp.app
        .get(DataSource)
        .query('SELECT password_hash FROM users WHERE id = ?', [staffId]);

      expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(rows[0].password_hash).not.toContain(STAFF_PASSWORD);
    });

    it('gives staff 403 on every user route', async () => {
      const token = await login('mario.rossi', STAFF_PASSWORD);

      await testApp.http().get('/api/users').set(bearer(token)).expect(403);
      await testApp.http().post('/api/users').set(bearer(token)).send({}).expect(403);
      await testApp
        .http()
        .patch(`/api/users/${staffId}`)
        .set(bearer(token))
        .send({ role: 'admin' })
        .expect(403);
      await testApp.http().delete(`/api/users/${staffId}`).set(bearer(token)).expect(403);
      await testApp
        .http()
        .post('/api/companies')
        .set(bearer(token))
        .send({ name: 'X', vatNumber: 'IT11111111111' })
        .expect(403);
    });

    it('rejects a duplicate username with 409', async () => {
      const response = await createUser({
        username: 'mario.rossi',
        password: STAFF_PASSWORD,
        role: 'staff',
      }).expect(409);

      expect(response.body.message).toBe("A user named 'mario.rossi' already exists");
    });

    it('rejects an unknown company id with 400', async () => {
      const response = await createUser({
        username: 'luigi.verdi',
        password: STAFF_PASSWORD,
        role: 'staff',
        companyIds: [companyA, 999_999],
      }).expect(400);

      expect(response.body.message).toBe('companyIds contains unknown companies: 999999');
    });

    it('rejects a short password with 400', async () => {
      await createUser({ username: 'luigi.verdi', password: 'short', role: 'staff' }).expect(400);
    });

    it('returns 404 for a missing user', async () => {
      await testApp
        .http()
        .patch('/api/users/999999')
        .set(asAdmin())
        .send({ role: 'staff' })
        .expect(404);
      await testApp.http().delete('/api/users/999999').set(asAdmin()).expect(404);
    });

    it('reassigns companies, and the change applies at once', async () => {
      const token = await login('mario.rossi', STAFF_PASSWORD);

      const updated = await testApp
        .http()
        .patch(`/api/users/${staffId}`)
        .set(asAdmin())
        .send({ companyIds: [companyB] })
        .expect(200);

      expect(updated.body.companyIds).toEqual([companyB]);
      await testApp.http().get(`/api/companies/${companyA}`).set(bearer(token)).expect(404);
      await testApp.http().get(`/api/companies/${companyB}`).set(bearer(token)).expect(200);
    });

    it('ends the sessions of a user whose password changes', async () => {
      const token = await login('mario.rossi', STAFF_PASSWORD);

      await testApp
        .http()
        .patch(`/api/users/${staffId}`)
        .set(asAdmin())
        .send({ password: 'another-password-456' })
        .expect(200);

      await testApp.http().get('/api/auth/me').set(bearer(token)).expect(401);
      await testApp
        .http()
        .post('/api/auth/login')
        .send({ username: 'mario.rossi', password: STAFF_PASSWORD })
        .expect(401);
      await login('mario.rossi', 'another-password-456');
    });

    it('protects the last administrator and the caller', async () => {
      const admins: Array<{ id: number; role: string }> = (
        await testApp.http().get('/api/users').set(asAdmin()).expect(200)
      ).body;
      const self = admins.find((user) => user.role === 'admin');
      expect(self).toBeDefined();

      const deleteSelf = await testApp
        .http()
        .delete(`/api/users/${self?.id}`)
        .set(asAdmin())
        .expect(409);
      expect(deleteSelf.body.message).toBe(
        'You cannot delete your own user; ask another administrator',
      );
      const demoteSelf = await testApp
        .http()
        .patch(`/api/users/${self?.id}`)
        .set(asAdmin())
        .send({ role: 'staff' })
        .expect(409);
      expect(demoteSelf.body.message).toBe(
        'You cannot change your own role; ask another administrator',
      );

      const second = await createUser({
        username: 'anna.neri',
        password: STAFF_PASSWORD,
        role: 'admin',
      }).expect(201);
      const secondToken = await login('anna.neri', STAFF_PASSWORD);
      await testApp
        .http()
        .patch(`/api/users/${self?.id}`)
        .set(bearer(secondToken))
        .send({ role: 'staff' })
        .expect(200);

      const lastAdmin = await testApp
        .http()
        .delete(`/api/users/${second.body.id}`)
        .set(bearer(secondToken))
        .expect(409);
      expect(lastAdmin.body.message).toBe(
        'You cannot delete your own user; ask another administrator',
      );
      // The demoted caller has lost the admin role at once.
      await testApp.http().get('/api/users').set(asAdmin()).expect(403);

      await testApp
        .http()
        .patch(`/api/users/${self?.id}`)
        .set(bearer(secondToken))
        .send({ role: 'admin' })
        .expect(200);
      await testApp.http().delete(`/api/users/${second.body.id}`).set(asAdmin()).expect(204);
      await testApp.http().get('/api/auth/me').set(bearer(secondToken)).expect(401);
    });

    it('deletes a staff user, whose token then fails', async () => {
      const token = await login('mario.rossi', 'another-password-456');

      await testApp.http().delete(`/api/users/${staffId}`).set(asAdmin()).expect(204);

      await testApp.http().get('/api/auth/me').set(bearer(token)).expect(401);
      const users: Array<{ id: number }> = (
        await testApp.http().get('/api/users').set(asAdmin()).expect(200)
      ).body;
      expect(users.map((user) => user.id)).not.toContain(staffId);
    });
  });

  describe('unknown usernames', () => {
    it('lock like real accounts, with the same message', async () => {
      testApp.setNow(new Date('2031-01-01T10:00:00Z'));
      const attempt = (username: string) =>
        testApp.http().post('/api/auth/login').send({ username, password: 'wrong' });
      try {
        for (let failure = 0; failure < 3; failure += 1) {
          await attempt('nobody-here').expect(401);
          await attempt(TEST_ADMIN.username).expect(401);
        }

        const unknown = await attempt('nobody-here').expect(429);
        const known = await attempt(TEST_ADMIN.username).expect(429);
        expect(unknown.body.message).toBe(known.body.message);
        await attempt('someone-else').expect(401);
        const adminRow = async () =>
          (
            (await testApp.http().get('/api/users').set(asAdmin()).expect(200)).body as Array<{
              username: string;
              lockedUntil: string | null;
            }>
          ).find((user) => user.username === TEST_ADMIN.username);
        expect((await adminRow())?.lockedUntil).toBe('2031-01-01T10:10:00.000Z');

        testApp.setNow(new Date('2031-01-01T10:11:00Z'));
        expect((await adminRow())?.lockedUntil).toBeNull();
        await attempt('nobody-here').expect(401);
        await testApp.http().post('/api/auth/login').send(TEST_ADMIN).expect(200);
      } finally {
        testApp.setNow(null);
      }
    });
  });

  describe('API keys', () => {
    let key: string;
    let keyId: number;

    it('creates a key shown once and stores only its hash', async () => {
      const created = await testApp
        .http()
        .post(`/api/companies/${companyA}/api-keys`)
        .set(asAdmin())
        .send({ name: '  Gestionale contabile  ' })
        .expect(201);
      key = created.body.key;
      keyId = created.body.id;

      expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
      expect(created.body).toMatchObject({
        name: 'Gestionale contabile',
        prefix: key.slice(0, 11),
        lastUsedAt: null,
      });

      const listed = await testApp
        .http()
        .get(`/api/companies/${companyA}/api-keys`)
        .set(asAdmin())
        .expect(200);
      expect(listed.body).toEqual([
        {
          id: keyId,
          name: 'Gestionale contabile',
          prefix: key.slice(0, 11),
          createdAt: created.body.createdAt,
          createdBy: TEST_ADMIN.username,
          lastUsedAt: null,
        },
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(key);

      const rows: Array<Record<string, unknown>> = await testApp.app
        .get(DataSource)
        .query('SELECT * FROM api_keys');
      expect(rows).toHaveLength(1);
      expect(rows[0]['key_hash']).toBe(createHash('sha256').update(key).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(key);
    });

    it('reaches its company as bearer or X-API-Key', async () => {
      await testApp.http().get(`/api/companies/${companyA}/clients`).set(bearer(key)).expect(200);
      await testApp
        .http()
        .get(`/api/companies/${companyA}/clients`)
        .set('X-API-Key', key)
        .expect(200);
      const companies = await testApp
        .http()
        .get('/api/companies')
        .set('X-API-Key', key)
        .expect(200);
      expect(companies.body.map((company: { id: number }) => company.id)).toEqual([companyA]);

      const listed = await testApp
        .http()
        .get(`/api/companies/${companyA}/api-keys`)
        .set(asAdmin())
        .expect(200);
      expect(listed.body[0].lastUsedAt).not.toBeNull();
    });

    it('reaches no other company and no admin or session route', async () => {
      await testApp.http().get(`/api/companies/${companyB}`).set(bearer(key)).expect(404);
      await testApp
        .http()
        .get(`/api/companies/${companyB}/clients`)
        .set('X-API-Key', key)
        .expect(404);
      await testApp.http().get('/api/users').set(bearer(key)).expect(403);
      await testApp
        .http()
        .post('/api/companies')
        .set(bearer(key))
        .send({ name: 'X', vatNumber: 'IT11111111111' })
        .expect(403);
      await testApp.http().get(`/api/companies/${companyA}/api-keys`).set(bearer(key)).expect(403);
      await testApp
        .http()
        .post(`/api/companies/${companyA}/api-keys`)
        .set(bearer(key))
        .send({ name: 'More' })
        .expect(403);
      await testApp.http().post('/api/auth/logout').set(bearer(key)).expect(403);
    });

    it('rejects an unknown key with 401', async () => {
      const response = await testApp
        .http()
        .get(`/api/companies/${companyA}/clients`)
        .set('X-API-Key', `${key.slice(0, -1)}x`)
        .expect(401);

      expect(response.body.message).toBe('Invalid or revoked API key');
    });

    it('returns 404 when revoking a key of another company', async () => {
      await testApp
        .http()
        .delete(`/api/companies/${companyB}/api-keys/${keyId}`)
        .set(asAdmin())
        .expect(404);
      await testApp.http().get(`/api/companies/${companyA}/clients`).set(bearer(key)).expect(200);
    });

    it('stops working once revoked', async () => {
      await testApp
        .http()
        .delete(`/api/companies/${companyA}/api-keys/${keyId}`)
        .set(asAdmin())
        .expect(204);

      await testApp.http().get(`/api/companies/${companyA}/clients`).set(bearer(key)).expect(401);
      await testApp
        .http()
        .delete(`/api/companies/${companyA}/api-keys/${keyId}`)
        .set(asAdmin())
        .expect(404);
    });
  });

  it('documents both security schemes', async () => {
    const document = (await testApp.http().get('/api/docs-json').expect(200)).body;

    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.components.securitySchemes['api-key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
    expect(document.paths['/api/companies/{companyId}/clients'].get.security).toEqual(
      expect.arrayContaining([{ 'api-key': [] }, { bearer: [] }]),
    );
  });
});
