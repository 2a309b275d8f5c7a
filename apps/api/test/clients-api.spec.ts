import { startTestApp, TestApp } from './support/test-app';

describe('clients and exclusions API', () => {
  let testApp: TestApp;
  let companyId: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const url = (path = '') => `/api/companies/${companyId}${path}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: 'Studio Neri', vatNumber: 'IT11122233344' })
      .expect(201);
    companyId = company.body.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('creates, searches and pages clients', async () => {
    for (const name of ['Alfa 100% S.r.l.', 'Beta_Sistemi S.p.A.', 'Gamma S.n.c.']) {
      await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: name }).expect(201);
    }
    await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'person', firstName: 'Maria', lastName: 'Esposito', fiscalCode: 'SPSMRA80A41F839X', emails: ['maria@example.test'] })
      .expect(201);

    const page = await testApp.http().get(url('/clients?pageSize=2&page=2')).set(auth()).expect(200);
    expect(page.body.total).toBe(4);
    expect(page.body.items.map((client: { displayName: string }) => client.displayName)).toEqual(['Esposito Maria', 'Gamma S.n.c.']);

    // % and _ are searched literally, not as LIKE wildcards.
    const percent = await testApp.http().get(url('/clients?search=100%25')).set(auth()).expect(200);
    expect(percent.body.items.map((client: { displayName: string }) => client.displayName)).toEqual(['Alfa 100% S.r.l.']);
    const underscore = await testApp.http().get(url('/clients?search=a_S')).set(auth()).expect(200);
    expect(underscore.body.items.map((client: { displayName: string }) => client.displayName)).toEqual(['Beta_Sistemi S.p.A.']);
  });

  it('answers 409 for a second client with the same VAT number', async () => {
    await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: 'Delta', vatNumber: 'IT01234567897' }).expect(201);

    const duplicate = await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: 'Delta bis', vatNumber: 'IT01234567897' })
      .expect(409);

    expect(duplicate.body.message).toContain('IT01234567897');
  });

  it('reads a VAT number typed in lower case with spaces', async () => {
    const created = await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: 'Kappa', vatNumber: 'it 0797 3780 013' })
      .expect(201);

    expect(created.body.vatNumber).toBe('IT07973780013');
  });

  it('rejects unknown fields and bad values with the field and reason', async () => {
    const unknown = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: 'X', color: 'red' }).expect(400);
    expect(unknown.body.message).toEqual(['color is not an accepted field; remove it']);

    const email = await testApp
      .http()
      .post(url('/clients'))
      .set(auth())
      .send({ kind: 'company', companyName: 'X', emails: ['not-an-address'] })
      .expect(400);
    expect(email.body.message).toEqual(['emails must contain only e-mail addresses, such as amministrazione@example.it']);

    const person = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'person', firstName: 'Solo' }).expect(400);
    expect(person.body.message).toContain('firstName and lastName are required');
  });

  it('keeps the exclusion list and the client flag as one fact', async () => {
    const created = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: 'Epsilon' }).expect(201);
    const clientId = created.body.id;

    await testApp.http().post(url('/reminder-settings/excluded-clients')).set(auth()).send({ clientIds: [clientId] }).expect(204);
    const afterExclusion = await testApp.http().get(url(`/clients/${clientId}`)).set(auth()).expect(200);
    expect(afterExclusion.body.remindersDisabled).toBe(true);

    await testApp.http().delete(url(`/reminder-settings/excluded-clients/${clientId}`)).set(auth()).expect(204);
    await testApp.http().patch(url(`/clients/${clientId}`)).set(auth()).send({ remindersDisabled: true }).expect(200);
    const list = await testApp.http().get(url('/reminder-settings/excluded-clients')).set(auth()).expect(200);
    expect(list.body.items.map((client: { id: number }) => client.id)).toEqual([clientId]);

    await testApp.http().post(url('/reminder-settings/excluded-clients')).set(auth()).send({ clientIds: [999999] }).expect(404);
  });

  it('answers 404 for unknown clients and deletes one without invoices', async () => {
    await testApp.http().get(url('/clients/999999')).set(auth()).expect(404);

    const created = await testApp.http().post(url('/clients')).set(auth()).send({ kind: 'company', companyName: 'Zeta' }).expect(201);
    await testApp.http().delete(url(`/clients/${created.body.id}`)).set(auth()).expect(204);
    await testApp.http().get(url(`/clients/${created.body.id}`)).set(auth()).expect(404);
  });

  it('returns the reminder settings with the allowed offsets', async () => {
    const settings = await testApp.http().get(url('/reminder-settings')).set(auth()).expect(200);

    expect(settings.body).toMatchObject({ enabled: false, offsets: [-3, 0, 7], catchUpDays: 3, maxReminders: 3 });
    expect(settings.body.allowedOffsets).toContain(-30);
    expect(settings.body.allowedOffsets).toContain(90);
  });

  it('rejects a wrong password with 401', async () => {
    await testApp.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong' }).expect(401);
  });
});
