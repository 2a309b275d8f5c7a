import { ReminderRepository } from '../src/app/reminders/reminder.repository';
import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SAMPLE_SELLER_VAT, sampleInvoiceXml } from './support/sample-invoice';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface UpcomingItem {
  installmentId: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  level: number;
  dueDate: string;
  status: 'due' | 'skipped';
  reason: string | null;
  recipientCount: number;
}

describe('upcoming reminders, installments calendar and payments', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let companyId: number;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const get = (path: string) => testApp.http().get(`/api/companies/${companyId}${path}`).set(auth());
  const post = (path: string, body: object) => testApp.http().post(`/api/companies/${companyId}${path}`).set(auth()).send(body);
  const key = (item: { installmentId: number; level: number; status: string; reason: string | null }) =>
    `${item.installmentId}:${item.level}:${item.status}:${item.reason ?? ''}`;

  beforeAll(async () => {
    const port = await smtp.start();
    testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });

    const company = await testApp
      .http()
      .post('/api/companies')
      .set(auth())
      .send({ name: 'Officine Rossi S.p.A.', vatNumber: `IT${SAMPLE_SELLER_VAT}`, email: 'amministrazione@officinerossi.example' })
      .expect(201);
    companyId = company.body.id;

    const upload = testApp.http().post(`/api/companies/${companyId}/invoices/import`).set(auth());
    upload.attach(
      'files',
      Buffer.from(
        sampleInvoiceXml({
          number: 'FT-201',
          date: '2025-05-02',
          installments: [
            { dueDate: '2025-06-10', amount: '100.00' },
            { dueDate: '2025-07-10', amount: '100.00' },
          ],
        }),
      ),
      'ft-201.xml',
    );
    upload.attach(
      'files',
      Buffer.from(
        sampleInvoiceXml({
          number: 'FT-202',
          date: '2025-05-03',
          buyer: { fiscalCode: 'VRDGPP80A01H501Z', firstName: 'Giuseppe', lastName: 'Verdi' },
          installments: [{ dueDate: '2025-06-10', amount: '80.00' }],
        }),
      ),
      'ft-202.xml',
    );
    const imported = await upload.expect(200);
    expect(imported.body.imported).toBe(2);

    const clients = await get('/clients').expect(200);
    const bianchi = clients.body.items.find((client: { displayName: string }) => client.displayName.startsWith('Ferramenta'));
    await testApp
      .http()
      .patch(`/api/companies/${companyId}/clients/${bianchi.id}`)
      .set(auth())
      .send({ emails: ['amministrazione@ferramentabianchi.example'] })
      .expect(200);
    await testApp
      .http()
      .put(`/api/companies/${companyId}/reminder-settings`)
      .set(auth())
      .send({ enabled: true, attachCourtesyCopy: false, offsets: [-3, 0, 7], catchUpDays: 0 })
      .expect(200);
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('lists tomorrow’s reminders as the real sweep then sends them', async () => {
    // 10:00 UTC on 6 June is noon in Rome, so tomorrow is 7 June: 3 days before the due date.
    testApp.setNow(new Date('2025-06-06T10:00:00Z'));
    const upcoming = await get('/reminders/upcoming').expect(200);

    expect(upcoming.body.date).toBe('2025-06-07');
    expect(upcoming.body.remindersEnabled).toBe(true);
    expect(upcoming.body.due).toBe(1);
    const items: UpcomingItem[] = upcoming.body.items;
    const due = items.find((item) => item.status === 'due');
    expect(due).toMatchObject({
      invoiceNumber: 'FT-201',
      clientName: 'Ferramenta Bianchi S.r.l.',
      level: 1,
      dueDate: '2025-06-10',
      reason: null,
      recipientCount: 1,
    });
    expect(items.filter((item) => item.status === 'skipped')).toEqual([
      expect.objectContaining({ invoiceNumber: 'FT-202', clientName: 'Giuseppe Verdi', reason: 'no-email', recipientCount: 0 }),
    ]);
    expect(await testApp.app.get(ReminderRepository).hasCompletedRun('2025-06-07')).toBe(false);

    smtp.clear();
    const report = await testApp.app.get(ReminderSweepService).sweep({ day: '2025-06-07', dryRun: false, trigger: 'cli' });
    const real = report.dispatches.filter((dispatch) => dispatch.companyId === companyId);

    expect(real.map((dispatch) => key({ ...dispatch, status: dispatch.status === 'sent' ? 'due' : dispatch.status })).sort()).toEqual(
      items.map(key).sort(),
    );
    expect(real.find((dispatch) => dispatch.status === 'sent')?.invoiceId).toBe(due?.invoiceId);
    expect(smtp.received).toHaveLength(upcoming.body.due);
    expect(smtp.received[0].mail.subject).toContain('FT-201');
  });

  it('previews a given date and rejects an impossible one', async () => {
    const onDueDate = await get('/reminders/upcoming?date=2025-06-10').expect(200);
    expect(onDueDate.body.date).toBe('2025-06-10');
    expect(onDueDate.body.items.filter((item: UpcomingItem) => item.status === 'due').map((item: UpcomingItem) => item.level)).toEqual([2]);

    const invalid = await get('/reminders/upcoming?date=2025-02-30').expect(400);
    expect(invalid.body.message).toEqual(['date must be a calendar date as YYYY-MM-DD, got "2025-02-30"']);
  });

  it('lists a range day by day without repeating a reminder', async () => {
    const calendar = await get('/reminders/calendar?from=2025-06-08&to=2025-06-20').expect(200);

    expect(calendar.body.days).toHaveLength(13);
    expect(calendar.body.days[0].date).toBe('2025-06-08');
    const dueDays = calendar.body.days
      .filter((day: { due: number }) => day.due > 0)
      .map((day: { date: string; items: UpcomingItem[] }) => `${day.date}:${day.items.find((item) => item.status === 'due')?.level}`);
    expect(dueDays).toEqual(['2025-06-10:2', '2025-06-17:3']);
  });

  it('rejects a reminder range over 62 days or reversed', async () => {
    const tooLong = await get('/reminders/calendar?from=2025-06-01&to=2025-08-02').expect(400);
    expect(tooLong.body.message).toContain('63 days');
    expect(tooLong.body.message).toContain('maximum of 62');
    await get('/reminders/calendar?from=2025-06-01&to=2025-08-01').expect(200);

    await get('/reminders/calendar?from=2025-06-10&to=2025-06-01').expect(400);
    await get('/reminders/calendar?from=2025-06-10').expect(400);
  });

  it('lists installments by due date in a range', async () => {
    const calendar = await get('/installments?from=2025-06-01&to=2025-07-31').expect(200);

    expect(calendar.body.items.map((item: { invoiceNumber: string; dueDate: string }) => `${item.invoiceNumber}:${item.dueDate}`)).toEqual([
      'FT-201:2025-06-10',
      'FT-202:2025-06-10',
      'FT-201:2025-07-10',
    ]);
    expect(calendar.body.items[0]).toMatchObject({
      clientName: 'Ferramenta Bianchi S.r.l.',
      position: 1,
      count: 2,
      amountDue: '100.00',
      amountPaid: '0.00',
      residual: '100.00',
      status: 'open',
      noReminderReason: null,
    });

    const june = await get('/installments?from=2025-06-01&to=2025-06-30').expect(200);
    expect(june.body.items).toHaveLength(2);
  });

  it('accepts 366 days of installments and rejects 367', async () => {
    await get('/installments?from=2024-01-01&to=2024-12-31').expect(200);

    const tooLong = await get('/installments?from=2025-01-01&to=2026-01-02').expect(400);
    expect(tooLong.body.message).toContain('367 days');
    expect(tooLong.body.message).toContain('maximum of 366');
  });

  it('registers partial payments up to the residual', async () => {
    const calendar = await get('/installments?from=2025-07-01&to=2025-07-31').expect(200);
    const installmentId = calendar.body.items[0].id;

    const partial = await post(`/installments/${installmentId}/payments`, { amount: '40.00', paidOn: '2025-06-05' }).expect(200);
    expect(partial.body).toMatchObject({ id: installmentId, amountPaid: '40.00', residual: '60.00', paidOn: '2025-06-05', status: 'open' });

    const tooMuch = await post(`/installments/${installmentId}/payments`, { amount: '60.01', paidOn: '2025-06-06' }).expect(400);
    expect(tooMuch.body.message).toContain('60.01');
    expect(tooMuch.body.message).toContain('60.00');

    const zero = await post(`/installments/${installmentId}/payments`, { amount: '0.00', paidOn: '2025-06-06' }).expect(400);
    expect(zero.body.message).toContain('greater than 0.00');
    await post(`/installments/${installmentId}/payments`, { amount: '-5.00', paidOn: '2025-06-06' }).expect(400);
    await post(`/installments/${installmentId}/payments`, { amount: '5.00' }).expect(400);
    await post('/installments/999999/payments', { amount: '5.00', paidOn: '2025-06-06' }).expect(404);

    const rest = await post(`/installments/${installmentId}/payments`, { amount: '60', paidOn: '2025-06-07' }).expect(200);
    expect(rest.body).toMatchObject({ amountPaid: '100.00', residual: '0.00', paidOn: '2025-06-07', status: 'paid' });
  });

  it('leaves a paid installment out of the upcoming reminders', async () => {
    const upcoming = await get('/reminders/upcoming?date=2025-07-07').expect(200);

    expect(upcoming.body.items).toEqual([]);
    expect(upcoming.body.due).toBe(0);
  });

  it('answers 404 for the upcoming reminders of an unknown company', async () => {
    await testApp.http().get('/api/companies/999999/reminders/upcoming').set(auth()).expect(404);
  });
});
