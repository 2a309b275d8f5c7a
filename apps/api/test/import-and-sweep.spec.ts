import { DataSource } from 'typeorm';

import { CourtesyCopyEntity } from '../src/app/invoices/courtesy-copy.entity';
import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const IBAN = 'IT60X0542811101000000123456';

describe('import, reminder settings and sweep through a real SMTP server', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let companyId: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });

  const upload = (files: Array<{ name: string; xml: string }>) => {
    const call = testApp.http().post(`/api/companies/${companyId}/invoices/import`).set(auth());
    files.forEach((file) => call.attach('files', Buffer.from(file.xml, 'utf8'), file.name));

    return call;
  };
  const sweep = (day: string, dryRun = false) =>
    testApp.app.get(ReminderSweepService).sweep({ day, dryRun, trigger: 'cli' });

  beforeAll(async () => {
    const port = await smtp.start();
    testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });

    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({
        name: 'Officine Rossi S.p.A.',
        vatNumber: `IT${SAMPLE_SELLER_VAT}`,
        email: 'amministrazione@officinerossi.example',
        iban: IBAN,
      })
      .expect(201);
    companyId = company.body.id;
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('imports invoices, reports duplicates and conflicts', async () => {
    const response = await upload([
      {
        name: 'rate.xml',
        xml: sampleInvoiceXml({
          number: 'FT-101',
          date: '2025-02-28',
          installments: [
            { dueDate: '2025-03-31', amount: '1234.56', iban: IBAN },
            { dueDate: '2025-04-30', amount: '1000.00', iban: IBAN },
            { dueDate: '2025-05-31', amount: '1000.00', iban: IBAN },
          ],
        }),
      },
      {
        name: 'nota-di-credito.xml',
        xml: sampleInvoiceXml({
          documentType: 'TD04',
          number: 'NC-7',
          date: '2025-02-28',
          installments: [{ dueDate: '2025-03-31', amount: '50.00' }],
        }),
      },
      {
        name: 'zero.xml',
        xml: sampleInvoiceXml({ number: 'FT-102', date: '2025-02-28', total: '0.00', installments: [{ dueDate: '2025-03-31', amount: '0.00' }] }),
      },
      {
        name: 'privato.xml',
        xml: sampleInvoiceXml({
          number: 'FT-103',
          date: '2025-02-28',
          buyer: { fiscalCode: 'VRDGPP80A01H501Z', firstName: 'Giuseppe', lastName: 'Verdi' },
          installments: [{ dueDate: '2025-03-31', amount: '80.00' }],
        }),
      },
    ]).expect(200);

    expect(response.body.files.map((file: { status: string }) => file.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
    ]);

    const again = await upload([
      {
        name: 'rate-copia.xml',
        xml: sampleInvoiceXml({
          number: 'FT-101',
          date: '2025-02-28',
          installments: [
            { dueDate: '2025-03-31', amount: '1234.56', iban: IBAN },
            { dueDate: '2025-04-30', amount: '1000.00', iban: IBAN },
            { dueDate: '2025-05-31', amount: '1000.00', iban: IBAN },
          ],
        }),
      },
      {
        name: 'rate-diversa.xml',
        xml: sampleInvoiceXml({ number: 'FT-101', date: '2025-01-15', installments: [{ dueDate: '2025-03-31', amount: '9.00' }] }),
      },
      { name: 'rotta.xml', xml: '<p:FatturaElettronica><broken' },
    ]).expect(200);

    expect(again.body.files[0].status).toBe('already-imported');
    expect(again.body.files[1].status).toBe('conflict');
    expect(again.body.files[1].message).toContain("'rate.xml'");
    expect(again.body.files[1].message).toContain("'rate-diversa.xml'");
    expect(again.body.files[1].reason).toBe('conflict');
    expect(again.body.files[2].status).toBe('rejected');
    expect(again.body.files[2].reason).toBe('malformed-xml');
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 1, conflicts: 1, rejected: 1 });

    const invoices = await testApp.http().get(`/api/companies/${companyId}/invoices`).set(auth()).expect(200);
    expect(invoices.body.total).toBe(4);
  });

  it('sends exactly the reminders due on the day, once', async () => {
    await testApp
      .http()
      .put(`/api/companies/${companyId}/reminder-settings`)
      .set(auth())
      .send({ enabled: true, attachCourtesyCopy: true, offsets: [-3, 0, 7], catchUpDays: 0 })
      .expect(200);

    const clients = await testApp.http().get(`/api/companies/${companyId}/clients`).set(auth()).expect(200);
    const bianchi = clients.body.items.find((client: { displayName: string }) => client.displayName.startsWith('Ferramenta'));
    await testApp
      .http()
      .patch(`/api/companies/${companyId}/clients/${bianchi.id}`)
      .set(auth())
      .send({ emails: ['amministrazione@ferramentabianchi.example', 'contabilita@ferramentabianchi.example'] })
      .expect(200);

    const list = await testApp.http().get(`/api/companies/${companyId}/invoices?search=FT-101`).set(auth()).expect(200);
    const invoice = await testApp.http().get(`/api/companies/${companyId}/invoices/${list.body.items[0].id}`).set(auth()).expect(200);
    await testApp
      .http()
      .patch(`/api/companies/${companyId}/installments/${invoice.body.installments[0].id}`)
      .set(auth())
      .send({ amountPaid: '234.56', paidOn: '2025-03-20' })
      .expect(200);

    smtp.clear();
    const report = await sweep('2025-03-28');

    expect(report.counts).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(report.counts.skipped).toEqual({ 'no-email': 1 });
    expect(smtp.received).toHaveLength(1);

    const [{ envelopeTo, mail }] = smtp.received;
    expect(envelopeTo.sort()).toEqual(['amministrazione@ferramentabianchi.example', 'contabilita@ferramentabianchi.example']);
    expect(mail.subject).toContain('FT-101');
    expect(mail.subject).toContain('Officine Rossi S.p.A.');
    expect(mail.text).toContain('1.000,00 €');
    expect(mail.text).toContain('31/03/2025');
    expect(mail.text).toContain('1 di 3');
    expect(mail.html).toContain('1.000,00 €');
    expect(mail.replyTo?.text).toBe('amministrazione@officinerossi.example');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');

    const second = await sweep('2025-03-28');
    expect(second.counts.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends reminder 2 on the due date and nothing on the days between', async () => {
    smtp.clear();

    for (const day of ['2025-03-29', '2025-03-30']) {
      expect((await sweep(day)).counts.sent).toBe(0);
    }
    const dueDay = await sweep('2025-03-31');

    expect(dueDay.counts.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].mail.text).toContain('1.000,00 €');
  });

  it('lists the dispatch history with statuses and reasons', async () => {
    const history = await testApp
      .http()
      .get(`/api/companies/${companyId}/reminders?status=sent`)
      .set(auth())
      .expect(200);

    expect(history.body.total).toBe(2);
    expect(history.body.items.map((item: { level: number }) => item.level).sort()).toEqual([1, 2]);

    const skipped = await testApp.http().get(`/api/companies/${companyId}/reminders?status=skipped`).set(auth()).expect(200);
    expect(skipped.body.items.every((item: { reason: string }) => item.reason === 'no-email')).toBe(true);
  });

  it('renders the courtesy copy once per invoice version', async () => {
    const copies = await testApp.app.get(DataSource).getRepository(CourtesyCopyEntity).count();

    // Two reminders of FT-101 went out with the installments unchanged in between.
    expect(copies).toBe(1);
  });

  it('sends English mail via company server', async () => {
    const companySmtp = new SmtpSink();
    const companyPort = await companySmtp.start();
    try {
      const saved = await testApp
        .http()
        .put(`/api/companies/${companyId}/mail-settings`)
        .set(auth())
        .send({
          host: '127.0.0.1',
          port: companyPort,
          security: 'none',
          username: null,
          password: 'segreta',
          fromName: 'Ufficio crediti Rossi',
          fromAddress: 'crediti@officinerossi.example',
        })
        .expect(200);
      expect(saved.body).toMatchObject({ configured: true, passwordSet: true, fromAddress: 'crediti@officinerossi.example' });
      expect(JSON.stringify(saved.body)).not.toContain('segreta');
      const [stored] = await testApp.app
        .get(DataSource)
        .query('SELECT password FROM mail_settings WHERE company_id = ?', [companyId]);
      expect(stored.password).toMatch(/^enc:v1:/);
      expect(stored.password).not.toContain('segreta');

      const clients = await testApp.http().get(`/api/companies/${companyId}/clients?search=Ferramenta`).set(auth()).expect(200);
      await testApp
        .http()
        .patch(`/api/companies/${companyId}/clients/${clients.body.items[0].id}`)
        .set(auth())
        .send({ language: 'en' })
        .expect(200);
      smtp.clear();

      // Reminder 3 of FT-101 installment 1: due 31/03/2025 + 7 days.
      const report = await sweep('2025-04-07');

      expect(report.counts.sent).toBe(1);
      expect(smtp.received).toHaveLength(0);
      expect(companySmtp.received).toHaveLength(1);
      const [{ mail }] = companySmtp.received;
      expect(mail.from?.value[0]).toEqual({ name: 'Ufficio crediti Rossi', address: 'crediti@officinerossi.example' });
      expect(mail.subject).toMatch(/invoice/i);
      expect(mail.text).toContain('€1,000.00');
      expect(mail.text).toContain('31/03/2025');
      expect(mail.attachments[0].filename).toMatch(/^courtesy-copy-FT-101/);
    } finally {
      await testApp.http().delete(`/api/companies/${companyId}/mail-settings`).set(auth()).expect(204);
      await companySmtp.stop();
    }
  });

  it('returns the courtesy copy of an invoice as a PDF', async () => {
    const list = await testApp.http().get(`/api/companies/${companyId}/invoices?search=FT-101`).set(auth()).expect(200);

    const response = await testApp
      .http()
      .get(`/api/companies/${companyId}/invoices/${list.body.items[0].id}/courtesy-copy`)
      .set(auth())
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);

    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects invalid settings with the field and the reason', async () => {
    const response = await testApp
      .http()
      .put(`/api/companies/${companyId}/reminder-settings`)
      .set(auth())
      .send({ enabled: true, attachCourtesyCopy: true, offsets: [7, 0], catchUpDays: 3 })
      .expect(400);

    expect(response.body.message).toEqual(['offsets[1] = 0 must be later than offsets[0] = 7']);
  });

  it('answers 404 for an unknown company and 401 without a token', async () => {
    await testApp.http().get('/api/companies/9999/clients').set(auth()).expect(404);
    await testApp.http().get(`/api/companies/${companyId}/clients`).expect(401);
    await testApp.http().get('/api/health').expect(200);
  });
});
