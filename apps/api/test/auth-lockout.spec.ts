import { startTestApp, TEST_ADMIN, TestApp } from './support/test-app';

describe('login lockout', () => {
  let testApp: TestApp;
  const login = (password: string) => testApp.http().post('/api/auth/login').send({ username: TEST_ADMIN.username, password });

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('resets the count after a successful login', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await login('wrong').expect(401);
    }
    await login(TEST_ADMIN.password).expect(200);

    for (let attempt = 0; attempt < 4; attempt += 1) {
      await login('wrong').expect(401);
    }
    await login(TEST_ADMIN.password).expect(200);
  });

  it('locks the account after five wrong passwords, even for the right one', async () => {
    testApp.setNow(new Date('2030-01-01T10:00:00Z'));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await login('wrong').expect(401);
    }

    const locked = await login(TEST_ADMIN.password).expect(429);

    expect(locked.body.message).toBe('Account locked after repeated failed logins; try again in 15 minute(s)');
  });

  it('opens again once the lock time has passed', async () => {
    testApp.setNow(new Date('2030-01-01T10:14:00Z'));
    await login(TEST_ADMIN.password).expect(429);

    testApp.setNow(new Date('2030-01-01T10:16:00Z'));
    await login(TEST_ADMIN.password).expect(200);
    testApp.setNow(null);
  });
});
