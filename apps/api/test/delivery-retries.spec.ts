import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';

import { ReminderSweepService } from '../src/app/reminders/reminder-sweep.service';
import { createDueReminders, dispatchHistory } from './support/due-reminders';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

// Temporary failures, permanent ones and dropped connections, each injected by a real SMTP server
// on 127.0.0.1, through the real sweep and retry pass on a real database.
describe('delivery when the SMTP server fails', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let sweep: ReminderSweepService;
  const auth = () => ({ Authorization: `Bearer ${testApp.token}` });
  const at = (iso: string) => testApp.setNow(new Date(iso));
  const attention = async (companyId: number) =>
    (await testApp.http().get(`/api/companies/${companyId}/reminders/attention`).set(auth()).expect(200)).body;
  const receivedBy = (address: string) => smtp.received.filter((mail) => mail.envelopeTo.includes(address));

  beforeAll(async () => {
    const port = await smtp.start();
    testApp = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_RETRY_MAX_ATTEMPTS: '3',
      MAIL_RETRY_BASE_SECONDS: '300',
    });
    sweep = testApp.app.get(ReminderSweepService);
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  beforeEach(() => smtp.clear());

  it('4xx reply: retried with doubling delay', async () => {
    const due = await createDueReminders(testApp, { index: 1, dueDate: '2026-03-10', count: 1 });
    smtp.failNext(2, 451, '4.3.0 Mailbox temporarily busy');

    at('2026-03-10T07:00:00Z');
    await sweep.sweep({ day: '2026-03-10', dryRun: false, trigger: 'cli' });
    const [first] = await dispatchHistory(testApp, due.companyId);
    expect(first).toMatchObject({ status: 'retry', attempts: 1, nextAttemptAt: '2026-03-10T07:05:00.000Z' });
    expect(first.lastError).toContain('451 4.3.0 Mailbox temporarily busy');
    expect(await attention(due.companyId)).toEqual({ failed: 0, partlyRefused: 0, retrying: 1, uncertain: 0 });

    at('2026-03-10T07:04:59Z');
    expect(await sweep.retryDue()).toBe(0);

    at('2026-03-10T07:05:00Z');
    await sweep.retryDue();
    const [second] = await dispatchHistory(testApp, due.companyId);
    expect(second).toMatchObject({ status: 'retry', attempts: 2, nextAttemptAt: '2026-03-10T07:15:00.000Z' });

    at('2026-03-10T07:15:00Z');
    await sweep.retryDue();
    const [sent] = await dispatchHistory(testApp, due.companyId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(receivedBy('amministrazione1@cliente.example')).toHaveLength(1);
    expect(await attention(due.companyId)).toEqual({ failed: 0, partlyRefused: 0, retrying: 0, uncertain: 0 });
  });

  it('retries used up: failed, next day tries again', async () => {
    const due = await createDueReminders(testApp, { index: 2, dueDate: '2026-04-10', count: 1 });
    smtp.failNext(3, 421, '4.4.2 Connection dropped by the remote side');

    at('2026-04-10T07:00:00Z');
    await sweep.sweep({ day: '2026-04-10', dryRun: false, trigger: 'cli' });
    at('2026-04-10T07:05:00Z');
    await sweep.retryDue();
    at('2026-04-10T07:15:00Z');
    await sweep.retryDue();

    const [gaveUp] = await dispatchHistory(testApp, due.companyId);
    expect(gaveUp).toMatchObject({ status: 'failed', reason: 'retries-exhausted', attempts: 3 });
    expect(gaveUp.lastError).toContain('421 4.4.2');
    expect((await attention(due.companyId)).failed).toBe(1);

    // Another sweep of the same day leaves it failed: the limit holds for the day.
    at('2026-04-10T09:00:00Z');
    await sweep.sweep({ day: '2026-04-10', dryRun: false, trigger: 'cli' });
    expect(await dispatchHistory(testApp, due.companyId)).toEqual([
      expect.objectContaining({ status: 'failed', reason: 'retries-exhausted', attempts: 3 }),
    ]);

    at('2026-04-11T07:00:00Z');
    await sweep.sweep({ day: '2026-04-11', dryRun: false, trigger: 'cli' });
    expect(await dispatchHistory(testApp, due.companyId)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    expect(receivedBy('amministrazione2@cliente.example')).toHaveLength(1);
  });

  it('5xx reply: failed for good', async () => {
    const due = await createDueReminders(testApp, { index: 3, dueDate: '2026-05-11', count: 1 });
    smtp.failNext(1, 554, '5.7.1 Message refused by policy');

    at('2026-05-11T07:00:00Z');
    await sweep.sweep({ day: '2026-05-11', dryRun: false, trigger: 'cli' });
    at('2026-05-12T07:00:00Z');
    await sweep.sweep({ day: '2026-05-12', dryRun: false, trigger: 'cli' });
    await sweep.retryDue();

    const history = await dispatchHistory(testApp, due.companyId);
    expect(history).toEqual([expect.objectContaining({ status: 'failed', reason: 'rejected', attempts: 1 })]);
    expect(history[0].lastError).toContain('554 5.7.1 Message refused by policy');
    expect(smtp.received).toHaveLength(0);
    expect(await attention(due.companyId)).toEqual({ failed: 1, partlyRefused: 0, retrying: 0, uncertain: 0 });
  });

  it('4xx then 5xx: failed for good', async () => {
    const due = await createDueReminders(testApp, { index: 9, dueDate: '2026-05-20', count: 1 });

    smtp.failNext(1, 452, '4.2.2 Mailbox full, try later');
    at('2026-05-20T07:00:00Z');
    await sweep.sweep({ day: '2026-05-20', dryRun: false, trigger: 'cli' });
    expect((await dispatchHistory(testApp, due.companyId))[0]).toMatchObject({ status: 'retry', attempts: 1 });

    smtp.failNext(1, 552, '5.2.2 Mailbox full for good');
    at('2026-05-20T07:05:00Z');
    await sweep.retryDue();
    at('2026-05-21T07:00:00Z');
    await sweep.sweep({ day: '2026-05-21', dryRun: false, trigger: 'cli' });
    await sweep.retryDue();

    const [failed] = await dispatchHistory(testApp, due.companyId);
    expect(failed).toMatchObject({ status: 'failed', reason: 'rejected', attempts: 2 });
    expect(failed.lastError).toContain('552 5.2.2 Mailbox full for good');
    expect(smtp.received).toHaveLength(0);
  });

  it('rejected recipients: recorded one by one', async () => {
    const partly = await createDueReminders(testApp, {
      index: 4,
      dueDate: '2026-06-10',
      count: 1,
      emails: ['amministrazione4@cliente.example', 'vecchio4@cliente.example'],
    });
    const none = await createDueReminders(testApp, {
      index: 5,
      dueDate: '2026-06-10',
      count: 1,
      emails: ['sparito5@cliente.example', 'chiuso5@cliente.example'],
    });
    smtp.rejectRecipient('vecchio4@cliente.example', 550, '5.1.1 No such user here');
    smtp.rejectRecipient('sparito5@cliente.example', 550, '5.1.1 No such user here');
    smtp.rejectRecipient('chiuso5@cliente.example', 553, '5.1.3 Mailbox closed');

    at('2026-06-10T07:00:00Z');
    await sweep.sweep({ day: '2026-06-10', dryRun: false, trigger: 'cli' });

    const [sent] = await dispatchHistory(testApp, partly.companyId);
    expect(sent).toMatchObject({ status: 'sent', recipientCount: 1 });
    expect(sent.recipientErrors).toEqual([
      { recipient: 'vecchio4@cliente.example', responseCode: 550, response: expect.stringContaining('5.1.1 No such user here') },
    ]);
    expect(smtp.received.map((mail) => mail.envelopeTo)).toEqual([['amministrazione4@cliente.example']]);
    expect(await attention(partly.companyId)).toEqual({ failed: 0, partlyRefused: 1, retrying: 0, uncertain: 0 });
    const filtered = await testApp
      .http()
      .get(`/api/companies/${partly.companyId}/reminders?status=sent&rejectedRecipients=true`)
      .set(auth())
      .expect(200);
    expect(filtered.body.items.map((row: { id: number }) => row.id)).toEqual([sent.id]);

    const [failed] = await dispatchHistory(testApp, none.companyId);
    expect(failed).toMatchObject({ status: 'failed', reason: 'rejected' });
    expect(failed.recipientErrors.map((error) => [error.recipient, error.responseCode])).toEqual([
      ['sparito5@cliente.example', 550],
      ['chiuso5@cliente.example', 553],
    ]);
  });

  it('connection lost after the body: uncertain', async () => {
    const due = await createDueReminders(testApp, { index: 6, dueDate: '2026-07-10', count: 1 });
    smtp.dropAfterData(1);

    at('2026-07-10T07:00:00Z');
    await sweep.sweep({ day: '2026-07-10', dryRun: false, trigger: 'cli' });
    at('2026-07-11T07:00:00Z');
    await sweep.sweep({ day: '2026-07-11', dryRun: false, trigger: 'cli' });
    await sweep.retryDue();

    const history = await dispatchHistory(testApp, due.companyId);
    expect(history).toEqual([expect.objectContaining({ status: 'uncertain', attempts: 1 })]);
    expect(history[0].reason).toBe('connection-lost');
    expect(history[0].messageId).toMatch(/^<[0-9a-f-]+@/);
    expect(smtp.arrived).toHaveLength(1);
    expect(smtp.arrived[0].mail.messageId).toBe(history[0].messageId);
    expect((await attention(due.companyId)).uncertain).toBe(1);
  });

  it('dead company server: others still sent', async () => {
    const dead = new DeadSmtpServer();
    const deadPort = await dead.start();
    try {
      const broken = await createDueReminders(testApp, { index: 7, dueDate: '2026-08-10', count: 5 });
      const healthy = await createDueReminders(testApp, { index: 8, dueDate: '2026-08-10', count: 2 });
      expect(healthy.companyId).toBeGreaterThan(broken.companyId);
      await testApp
        .http()
        .put(`/api/companies/${broken.companyId}/mail-settings`)
        .set(auth())
        .send({
          host: '127.0.0.1',
          port: deadPort,
          security: 'none',
          username: null,
          password: null,
          fromName: 'Ufficio crediti',
          fromAddress: 'crediti@guasti7.example',
        })
        .expect(200);

      at('2026-08-10T07:00:00Z');
      const report = await sweep.sweep({ day: '2026-08-10', dryRun: false, trigger: 'cli' });

      expect(receivedBy('amministrazione8@cliente.example')).toHaveLength(2);
      const history = await dispatchHistory(testApp, broken.companyId);
      expect(history.map((row) => row.status)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
      const notTried = history.filter((row) => row.reason === 'server-paused');
      expect(notTried.map((row) => row.attempts)).toEqual([0, 0]);
      expect(notTried.every((row) => (row.lastError ?? '').length > 0)).toBe(true);
      expect(report.counts).toMatchObject({ sent: 2, retry: 5 });
      expect(dead.connections).toBeGreaterThan(0);

      // Switched off, so that the retries of this company do not run in later tests.
      await testApp
        .http()
        .put(`/api/companies/${broken.companyId}/reminder-settings`)
        .set(auth())
        .send({ enabled: false, attachCourtesyCopy: true, offsets: [0], catchUpDays: 3 })
        .expect(200);
    } finally {
      await dead.stop();
    }
  });
});

/** A TCP server that accepts connections and closes them at once, like an SMTP server that crashed. */
class DeadSmtpServer {
  connections = 0;
  private readonly server: Server = createServer((socket: Socket) => {
    this.connections += 1;
    socket.destroy();
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));

    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
