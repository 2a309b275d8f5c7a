import { addDays } from '@solleciti/util';

import { ClockService } from '../src/services/clock/clock.service';
import { createDryRunMemory, ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { SampleInvoice, sampleInvoiceXml } from './support/sample-invoice';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

interface ReminderCase {
  name: string;
  offsets?: number[];
  catchUpDays?: number;
  invoice: Omit<SampleInvoice, 'number' | 'date' | 'sellerVat'> & { date?: string };
  emails?: string[];
  excluded?: boolean;
  amountPaid?: string;
  /** Days on which no sweep runs (the server was down). */
  skipDays?: string[];
  /** Changes made through the API before the sweep of that day. */
  on?: Record<string, Array<(context: CaseContext) => Promise<unknown>>>;
  from: string;
  to: string;
  /** Reminders sent, as "day:level" for installment 1, in order; [] means no reminder. */
  expected: string[];
  /** Text every e-mail must contain. */
  mailContains?: string[];
}

interface CaseContext {
  companyId: number;
  clientId: number;
  installmentId: number;
}

const setDueDate = (dueDate: string) => (context: CaseContext) => patchInstallment(context, { dueDate });
const setOffsets = (offsets: number[]) => (context: CaseContext) =>
  put(`/api/companies/${context.companyId}/reminder-settings`, { enabled: true, attachCourtesyCopy: false, offsets, catchUpDays: 3 });
const setEmails = (emails: string[]) => (context: CaseContext) =>
  patch(`/api/companies/${context.companyId}/clients/${context.clientId}`, { emails });

let testApp: TestApp;
const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
const put = (url: string, body: object) => testApp.http().put(url).set(auth()).send(body).expect(200);
const patch = (url: string, body: object) => testApp.http().patch(url).set(auth()).send(body).expect(200);
const patchInstallment = (context: CaseContext, body: object) =>
  patch(`/api/companies/${context.companyId}/installments/${context.installmentId}`, body);

const CASES: ReminderCase[] = [
  {
    name: 'offsets before, on and after the due date',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    from: '2025-05-10',
    to: '2025-05-31',
    expected: ['2025-05-17:1', '2025-05-20:2', '2025-05-27:3'],
  },
  {
    name: 'due on 31 March, offsets crossing the change to summer time',
    invoice: { installments: [{ dueDate: '2025-03-31', amount: '100.00' }] },
    from: '2025-03-25',
    to: '2025-04-10',
    expected: ['2025-03-28:1', '2025-03-31:2', '2025-04-07:3'],
    mailContains: ['31/03/2025'],
  },
  {
    name: 'due on 29 February',
    offsets: [-1, 0, 1],
    invoice: { installments: [{ dueDate: '2024-02-29', amount: '100.00' }] },
    from: '2024-02-25',
    to: '2024-03-05',
    expected: ['2024-02-28:1', '2024-02-29:2', '2024-03-01:3'],
    mailContains: ['29/02/2024'],
  },
  {
    name: 'paid installment',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    amountPaid: '100.00',
    from: '2025-05-10',
    to: '2025-05-31',
    expected: [],
  },
  {
    name: 'partly paid installment, residual in the e-mail',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '1500.00' }] },
    amountPaid: '265.44',
    offsets: [0],
    from: '2025-05-10',
    to: '2025-05-31',
    expected: ['2025-05-20:1'],
    mailContains: ['1.234,56 €'],
  },
  {
    name: 'credit note',
    invoice: { documentType: 'TD04', installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    from: '2025-05-10',
    to: '2025-05-31',
    expected: [],
  },
  {
    name: 'installment of 0,00 €',
    invoice: { total: '0.00', installments: [{ dueDate: '2025-05-20', amount: '0.00' }] },
    from: '2025-05-10',
    to: '2025-05-31',
    expected: [],
  },
  {
    name: 'excluded client',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    excluded: true,
    from: '2025-05-10',
    to: '2025-05-31',
    expected: [],
  },
  {
    name: 'client with no e-mail, address added inside the catch-up window',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    emails: [],
    on: { '2025-05-22': [setEmails(['pagamenti@cliente.example'])] },
    from: '2025-05-10',
    to: '2025-05-31',
    expected: ['2025-05-22:2', '2025-05-27:3'],
  },
  {
    name: 'due date moved later after reminder 1 went out',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    on: { '2025-05-18': [setDueDate('2025-06-10')] },
    from: '2025-05-10',
    to: '2025-06-30',
    expected: ['2025-05-17:1', '2025-06-10:2', '2025-06-17:3'],
    mailContains: [],
  },
  {
    name: 'offsets changed from three to one mid-schedule',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    on: { '2025-05-18': [setOffsets([7])] },
    from: '2025-05-10',
    to: '2025-06-10',
    expected: ['2025-05-17:1'],
  },
  {
    name: 'a missed day inside the catch-up window',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    catchUpDays: 3,
    skipDays: ['2025-05-27', '2025-05-28'],
    from: '2025-05-10',
    to: '2025-06-05',
    expected: ['2025-05-17:1', '2025-05-20:2', '2025-05-29:3'],
  },
  {
    name: 'missed days beyond the catch-up window',
    invoice: { installments: [{ dueDate: '2025-05-20', amount: '100.00' }] },
    catchUpDays: 1,
    skipDays: ['2025-05-16', '2025-05-17', '2025-05-18', '2025-05-19', '2025-05-20', '2025-05-21'],
    from: '2025-05-10',
    to: '2025-06-05',
    expected: ['2025-05-27:3'],
  },
];

describe('reminder cases, day by day through the real sweep', () => {
  const smtp = new SmtpSink();
  let caseNumber = 0;

  beforeAll(async () => {
    const port = await smtp.start();
    testApp = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it.each(CASES)('$name', async (reminderCase) => {
    caseNumber += 1;
    const context = await setUpCase(reminderCase, caseNumber);
    const sweep = testApp.app.get(ReminderSweepService);
    const sent: string[] = [];
    smtp.clear();

    for (let day = reminderCase.from; day <= reminderCase.to; day = addDays(day, 1)) {
      for (const change of reminderCase.on?.[day] ?? []) {
        await change(context);
      }
      if (reminderCase.skipDays?.includes(day)) {
        continue;
      }

      const report = await sweep.sweep({ day, dryRun: false, trigger: 'cli' });
      report.dispatches
        .filter((dispatch) => dispatch.status === 'sent' && dispatch.companyId === context.companyId)
        .forEach((dispatch) => sent.push(`${day}:${dispatch.level}`));
      expect(report.counts.failed).toBe(0);
    }

    // Each company's reminders stop here, so that the next case's sweeps see only their own.
    await put(`/api/companies/${context.companyId}/reminder-settings`, {
      enabled: false,
      attachCourtesyCopy: false,
      offsets: [0],
      catchUpDays: 0,
    });

    expect(sent).toEqual(reminderCase.expected);
    expect(smtp.received).toHaveLength(reminderCase.expected.length);
    for (const text of reminderCase.mailContains ?? []) {
      smtp.received.forEach(({ mail }) => expect(mail.text).toContain(text));
    }
  });

  it('sends nothing new when the same day is swept twice', async () => {
    const context = await setUpCase(
      { name: 'twice', invoice: { installments: [{ dueDate: '2025-09-10', amount: '10.00' }] }, from: '', to: '', expected: [] },
      100,
    );
    const sweep = testApp.app.get(ReminderSweepService);
    smtp.clear();

    const first = await sweep.sweep({ day: '2025-09-10', dryRun: false, trigger: 'cli' });
    const second = await sweep.sweep({ day: '2025-09-10', dryRun: false, trigger: 'cli' });

    expect(first.counts.sent).toBe(1);
    expect(second.counts.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
    await put(`/api/companies/${context.companyId}/reminder-settings`, { enabled: false, attachCourtesyCopy: false, offsets: [0], catchUpDays: 0 });
  });

  it('takes today from Rome at 00:30 while UTC is still the day before', async () => {
    await setUpCase(
      { name: 'rome', invoice: { installments: [{ dueDate: '2025-10-20', amount: '10.00' }] }, from: '', to: '', expected: [] },
      101,
    );
    testApp.setNow(new Date('2025-10-16T22:30:00Z'));
    const today = testApp.app.get(ClockService).today();
    testApp.setNow(null);
    smtp.clear();

    const report = await testApp.app.get(ReminderSweepService).sweep({ day: today, dryRun: false, trigger: 'cli' });

    expect(today).toBe('2025-10-17');
    expect(report.counts.sent).toBe(1);
  });

  it('reports what is due without sending or recording in a dry run', async () => {
    const context = await setUpCase(
      { name: 'dry', invoice: { installments: [{ dueDate: '2025-11-20', amount: '10.00' }] }, from: '', to: '', expected: [] },
      102,
    );
    const sweep = testApp.app.get(ReminderSweepService);
    smtp.clear();

    const dry = await sweep.sweep({ day: '2025-11-17', dryRun: true, trigger: 'cli' });
    const real = await sweep.sweep({ day: '2025-11-17', dryRun: false, trigger: 'cli' });

    expect(dry.counts.due).toBe(1);
    expect(
      dry.dispatches.filter((dispatch) => dispatch.companyId === context.companyId).map((dispatch) => dispatch.status),
    ).toEqual(['due']);
    expect(real.counts.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });
  it('temporary failure: retried once after backoff', async () => {
    const context = await setUpCase(
      { name: 'retry', invoice: { installments: [{ dueDate: '2025-12-10', amount: '10.00' }] }, from: '', to: '', expected: [] },
      103,
    );
    const sweep = testApp.app.get(ReminderSweepService);
    smtp.clear();
    smtp.failNext(1, 451);

    testApp.setNow(new Date('2025-12-07T07:00:00Z'));
    const failed = await sweep.sweep({ day: '2025-12-07', dryRun: false, trigger: 'cli' });
    testApp.setNow(new Date('2025-12-07T07:06:00Z'));
    await sweep.retryDue();
    testApp.setNow(new Date('2025-12-08T07:00:00Z'));
    const nextDay = await sweep.sweep({ day: '2025-12-08', dryRun: false, trigger: 'cli' });

    const mine = (report: typeof failed) => report.dispatches.filter((dispatch) => dispatch.companyId === context.companyId);
    expect(mine(failed)).toEqual([expect.objectContaining({ level: 1, status: 'retry', reason: null, error: expect.stringContaining('451') })]);
    expect(mine(nextDay)).toEqual([]);
    expect(smtp.received).toHaveLength(1);

    const history = await testApp
      .http()
      .get(`/api/companies/${context.companyId}/reminders`)
      .set(auth())
      .expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, lastError: null })]);
  });
  it('matches real run in range dry run', async () => {
    const context = await setUpCase(
      { name: 'range', invoice: { installments: [{ dueDate: '2026-01-20', amount: '10.00' }] }, from: '', to: '', expected: [] },
      104,
    );
    const sweep = testApp.app.get(ReminderSweepService);
    const run = async (dryRun: boolean) => {
      const memory = dryRun ? createDryRunMemory() : undefined;
      const days: string[] = [];
      for (let day = '2026-01-10'; day <= '2026-01-31'; day = addDays(day, 1)) {
        const report = await sweep.sweep({ day, dryRun, dryRunMemory: memory, trigger: 'cli' });
        report.dispatches
          .filter((dispatch) => dispatch.companyId === context.companyId)
          .forEach((dispatch) => days.push(`${day}:${dispatch.level}:${dispatch.status}`));
      }

      return days;
    };

    const dry = await run(true);
    const real = await run(false);

    expect(dry).toEqual(['2026-01-17:1:due', '2026-01-20:2:due', '2026-01-27:3:due']);
    expect(real).toEqual(['2026-01-17:1:sent', '2026-01-20:2:sent', '2026-01-27:3:sent']);
  });
});

async function setUpCase(reminderCase: ReminderCase, index: number): Promise<CaseContext> {
  const sellerVat = String(20_000_000_000 + index).padStart(11, '0');
  const company = await testApp
    .http()
    .post('/api/companies')
    .set(auth())
    .send({ name: `Azienda di prova ${index}`, vatNumber: `IT${sellerVat}`, email: `ufficio${index}@azienda.example` })
    .expect(201);
  const companyId = company.body.id as number;

  await put(`/api/companies/${companyId}/reminder-settings`, {
    enabled: true,
    attachCourtesyCopy: false,
    offsets: reminderCase.offsets ?? [-3, 0, 7],
    catchUpDays: reminderCase.catchUpDays ?? 3,
  });

  const xml = sampleInvoiceXml({
    ...reminderCase.invoice,
    sellerVat,
    number: `CASO-${index}`,
    date: reminderCase.invoice.date ?? '2024-01-15',
  });
  const imported = await testApp
    .http()
    .post(`/api/companies/${companyId}/invoices/import`)
    .set(auth())
    .attach('files', Buffer.from(xml), `caso-${index}.xml`)
    .expect(200);
  expect(imported.body.files[0].status).toBe('imported');

  const invoice = await testApp
    .http()
    .get(`/api/companies/${companyId}/invoices/${imported.body.files[0].invoices[0].id}`)
    .set(auth())
    .expect(200);
  const context = { companyId, clientId: invoice.body.clientId, installmentId: invoice.body.installments[0].id };

  await setEmails(reminderCase.emails ?? [`amministrazione${index}@cliente.example`])(context);
  if (reminderCase.excluded) {
    await testApp
      .http()
      .post(`/api/companies/${companyId}/reminder-settings/excluded-clients`)
      .set(auth())
      .send({ clientIds: [context.clientId] })
      .expect(204);
  }
  if (reminderCase.amountPaid) {
    await patchInstallment(context, { amountPaid: reminderCase.amountPaid });
  }

  return context;
}
