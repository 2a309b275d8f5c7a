import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';

import { defaultReminderTemplate } from '../src/services/mail/templates/reminder-message';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

/** Returns a loopback port that nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

describe('mail templates and test e-mail', () => {
  const clientSmtp = new SmtpSink();
  let clientSmtpPort: number;
  let testApp: TestApp;
  let companyId: number;
  let emptyCompanyId: number;
  let installmentId: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const url = (path: string, company = companyId) => `/api/companies/${company}${path}`;
  const serverSettings = (port: number) => ({
    host: '127.0.0.1',
    port,
    security: 'none',
    fromName: 'Officine Rossi S.p.A.',
    fromAddress: 'solleciti@officinerossi.example',
  });

  beforeAll(async () => {
    clientSmtpPort = await clientSmtp.start();
    testApp = await startTestApp();

    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: 'Officine Rossi S.p.A.', vatNumber: `IT${SAMPLE_SELLER_VAT}` })
      .expect(201);
    companyId = company.body.id;
    const empty = await testApp.http().post('/api/companies').set(auth()).send({ name: 'Studio Neri', vatNumber: 'IT01234567897' }).expect(201);
    emptyCompanyId = empty.body.id;

    const imported = await testApp
      .http()
      .post(url('/invoices/import'))
      .set(auth())
      .attach(
        'files',
        Buffer.from(
          sampleInvoiceXml({
            number: 'FT-301',
            date: '2025-04-01',
            installments: [
              { dueDate: '2025-05-31', amount: '150.00' },
              { dueDate: '2025-04-30', amount: '250.00' },
            ],
          }),
        ),
        'ft-301.xml',
      )
      .expect(200);
    const invoice = await testApp.http().get(url(`/invoices/${imported.body.files[0].invoices[0].id}`)).set(auth()).expect(200);
    installmentId = invoice.body.installments[1].id;
  });

  afterAll(async () => {
    await testApp?.close();
    await clientSmtp.stop();
  });

  it('lists six default templates and the placeholders', async () => {
    const list = await testApp.http().get(url('/mail-templates')).set(auth()).expect(200);

    expect(list.body.map((template: { level: number; language: string }) => `${template.level}${template.language}`)).toEqual([
      '1it',
      '1en',
      '2it',
      '2en',
      '3it',
      '3en',
    ]);
    expect(list.body.every((template: { isDefault: boolean }) => template.isDefault)).toBe(true);
    expect(list.body[0]).toMatchObject(defaultReminderTemplate('it', 1));

    const placeholders = await testApp.http().get(url('/mail-templates/placeholders')).set(auth()).expect(200);
    expect(placeholders.body).toContainEqual(expect.objectContaining({ name: 'invoiceNumber' }));
  });

  it('saves a template and restores the default', async () => {
    const template = { subject: 'Promemoria {{invoiceNumber}}', body: 'Gentile {{clientName}}, restano {{residualAmount}}.' };
    const saved = await testApp.http().put(url('/mail-templates/1/it')).set(auth()).send(template).expect(200);
    expect(saved.body).toEqual({ level: 1, language: 'it', ...template, isDefault: false });

    const changed = { ...template, subject: 'Secondo promemoria {{invoiceNumber}}' };
    await testApp.http().put(url('/mail-templates/1/it')).set(auth()).send(changed).expect(200);
    const list = await testApp.http().get(url('/mail-templates')).set(auth()).expect(200);
    expect(list.body[0]).toMatchObject({ ...changed, isDefault: false });
    expect(list.body[1].isDefault).toBe(true);

    await testApp.http().delete(url('/mail-templates/1/it')).set(auth()).expect(204);
    const restored = await testApp.http().get(url('/mail-templates')).set(auth()).expect(200);
    expect(restored.body[0]).toMatchObject({ ...defaultReminderTemplate('it', 1), isDefault: true });
  });

  it('rejects unknown placeholders, levels and languages', async () => {
    const unknown = await testApp
      .http()
      .put(url('/mail-templates/2/en'))
      .set(auth())
      .send({ subject: 'Reminder', body: 'Dear {{unknownPlaceholder}}' })
      .expect(400);
    expect(unknown.body.message).toEqual([expect.stringContaining('Unknown placeholder {{unknownPlaceholder}} in the body')]);

    const level = await testApp.http().put(url('/mail-templates/4/it')).set(auth()).send({ subject: 'a', body: 'b' }).expect(400);
    expect(level.body.message).toBe('level must be 1, 2 or 3, got 4');
    const language = await testApp.http().delete(url('/mail-templates/1/fr')).set(auth()).expect(400);
    expect(language.body.message).toBe('language must be "it" or "en", got "fr"');
    await testApp.http().put(url('/mail-templates/1/it')).set(auth()).send({ subject: 'a' }).expect(400);
    await testApp.http().get(url('/mail-templates', 999999)).set(auth()).expect(404);
  });

  it('previews with the earliest open installment', async () => {
    const preview = await testApp
      .http()
      .post(url('/mail-templates/preview'))
      .set(auth())
      .send({ level: 2, language: 'it', subject: 'Fattura {{invoiceNumber}}', body: 'Restano {{residualAmount}}, scadenza {{dueDate}}.' })
      .expect(200);

    expect(preview.body).toMatchObject({
      subject: 'Fattura FT-301',
      text: 'Restano 250,00 €, scadenza 30/04/2025.',
      source: 'installment',
      installmentId,
      invoiceNumber: 'FT-301',
    });
    expect(preview.body.html).toContain('250,00 €');

    const invalid = await testApp
      .http()
      .post(url('/mail-templates/preview'))
      .set(auth())
      .send({ level: 1, language: 'it', subject: 'Fattura', body: '{{unknownPlaceholder}}' })
      .expect(400);
    expect(invalid.body.message[0]).toContain('{{unknownPlaceholder}}');
  });

  it('previews with sample data when no installment is open', async () => {
    const preview = await testApp
      .http()
      .post(url('/mail-templates/preview', emptyCompanyId))
      .set(auth())
      .send({ level: 1, language: 'en', ...defaultReminderTemplate('en', 1) })
      .expect(200);

    expect(preview.body).toMatchObject({ source: 'sample', installmentId: null, invoiceNumber: null });
    expect(preview.body.subject).toContain('Studio Neri');
  });

  it('sends a test e-mail through unsaved settings', async () => {
    const result = await testApp
      .http()
      .post(url('/mail-settings/test'))
      .set(auth())
      .send({ to: 'prova@ferramentabianchi.example', settings: serverSettings(clientSmtpPort) })
      .expect(200);

    expect(result.body).toEqual({ ok: true, messageId: expect.any(String) });
    expect(clientSmtp.received).toHaveLength(1);
    expect(clientSmtp.received[0].envelopeTo).toEqual(['prova@ferramentabianchi.example']);
    expect(clientSmtp.received[0].mail.subject).toBe('Solleciti: e-mail di prova');
    expect(clientSmtp.received[0].mail.from?.text).toContain('solleciti@officinerossi.example');
  });

  it('reports the server’s refusal of a test e-mail', async () => {
    clientSmtp.failNext(1, 535, 'Authentication credentials invalid');
    const result = await testApp
      .http()
      .post(url('/mail-settings/test'))
      .set(auth())
      .send({ to: 'prova@ferramentabianchi.example', settings: serverSettings(clientSmtpPort) })
      .expect(200);

    expect(result.body).toMatchObject({ ok: false, code: 'EMESSAGE', nodemailerCode: 'EMESSAGE', responseCode: 535 });
    expect(result.body.response).toContain('Authentication credentials invalid');
  });

  it('reports a refused connection for a test e-mail', async () => {
    const result = await testApp
      .http()
      .post(url('/mail-settings/test'))
      .set(auth())
      .send({ to: 'prova@ferramentabianchi.example', settings: serverSettings(await closedPort()) })
      .expect(200);

    expect(result.body).toMatchObject({ ok: false, code: 'ECONNREFUSED', nodemailerCode: 'ESOCKET', response: null, responseCode: null });
    expect(result.body.message).toContain('ECONNREFUSED');
  });

  it('tests the saved settings, or answers 400 without any', async () => {
    const missing = await testApp
      .http()
      .post(url('/mail-settings/test', emptyCompanyId))
      .set(auth())
      .send({ to: 'prova@ferramentabianchi.example' })
      .expect(400);
    expect(missing.body.message).toContain('no saved mail settings');

    await testApp.http().put(url('/mail-settings')).set(auth()).send(serverSettings(clientSmtpPort)).expect(200);
    clientSmtp.clear();
    const result = await testApp.http().post(url('/mail-settings/test')).set(auth()).send({ to: 'prova@ferramentabianchi.example' }).expect(200);

    expect(result.body.ok).toBe(true);
    expect(clientSmtp.received).toHaveLength(1);

    const invalid = await testApp.http().post(url('/mail-settings/test')).set(auth()).send({ to: 'not-an-address' }).expect(400);
    expect(invalid.body.message).toEqual([expect.stringContaining('to must be an email')]);
  });
});
