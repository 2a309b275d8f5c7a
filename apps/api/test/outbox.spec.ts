import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { startTestApp, TestApp } from './support/test-app';

describe('system sender without SMTP_URL', () => {
  let testApp: TestApp;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });

  beforeAll(async () => {
    testApp = await startTestApp({ IMPORT_MAX_FILE_BYTES: '65536' });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('writes each reminder as an .eml file to the outbox', async () => {
    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: 'Officine Rossi S.p.A.', vatNumber: `IT${SAMPLE_SELLER_VAT}`, email: 'amministrazione@officinerossi.example' })
      .expect(201);
    const companyId = company.body.id;
    await testApp
      .http()
      .put(`/api/companies/${companyId}/reminder-settings`)
      .set(auth())
      .send({ enabled: true, attachCourtesyCopy: false, offsets: [0], catchUpDays: 0 })
      .expect(200);
    const imported = await testApp
      .http()
      .post(`/api/companies/${companyId}/invoices/import`)
      .set(auth())
      .attach('files', Buffer.from(sampleInvoiceXml({ number: 'FT-9', date: '2025-01-10', installments: [{ dueDate: '2025-02-10', amount: '61.00' }] })), 'ft-9.xml')
      .expect(200);
    const invoice = await testApp
      .http()
      .get(`/api/companies/${companyId}/invoices/${imported.body.files[0].invoices[0].id}`)
      .set(auth())
      .expect(200);
    await testApp
      .http()
      .patch(`/api/companies/${companyId}/clients/${invoice.body.clientId}`)
      .set(auth())
      .send({ emails: ['ufficio@cliente.example'] })
      .expect(200);

    const report = await testApp.app.get(ReminderSweepService).sweep({ day: '2025-02-10', dryRun: false, trigger: 'cli' });

    expect(report.counts.sent).toBe(1);
    const files = readdirSync(testApp.outboxDir).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const message = readFileSync(join(testApp.outboxDir, files[0]), 'utf8');
    expect(message).toContain('From: Solleciti <noreply@solleciti.invalid>');
    expect(message).toContain('Reply-To: amministrazione@officinerossi.example');
    expect(message).toContain('To: ufficio@cliente.example');
  });

  it('rejects an upload over IMPORT_MAX_FILE_BYTES with the limit', async () => {
    const companies = await testApp.http().get('/api/companies').set(auth()).expect(200);

    const response = await testApp
      .http()
      .post(`/api/companies/${companies.body[0].id}/invoices/import`)
      .set(auth())
      .attach('files', Buffer.alloc(70_000, 'a'), 'grande.xml')
      .expect(413);

    expect(response.body.message).toContain('65536 bytes');
    expect(response.body.message).toContain('IMPORT_MAX_FILE_BYTES');
  });

  it('names the field to use when files come in another multipart field', async () => {
    const companies = await testApp.http().get('/api/companies').set(auth()).expect(200);

    const response = await testApp
      .http()
      .post(`/api/companies/${companies.body[0].id}/invoices/import`)
      .set(auth())
      .attach('file', Buffer.from('<a/>'), 'a.xml')
      .expect(400);

    expect(response.body.message).toBe('Unexpected multipart field "file"; send the FatturaPA files in the field "files"');
  });
});
