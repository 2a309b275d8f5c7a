import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createDueReminders, dispatchHistory, DueReminders } from '../test/support/due-reminders';
import { SmtpSink } from '../test/support/smtp-sink';
import { startTestApp, TestApp } from '../test/support/test-app';
import { CLI, runCli, SERVER, sleep, start, waitFor, waitForServer } from './support/processes';

const SECRETS_KEY = 'delivery-faults-e2e-secrets-key-0123456789';

// Real processes of the built CLI and server, killed with SIGKILL or stopped with SIGTERM at known
// points of a sweep, then started again. A real SMTP server on 127.0.0.1 keeps messages waiting at
// those points. The database is a SQLite file (or a MariaDB database with TEST_DATABASE_URL).
describe('kill -9 and SIGTERM during a sweep', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let smtpPort = 0;
  const work = mkdtempSync(join(tmpdir(), 'solleciti-faults-'));
  const environment = () => ({
    ...process.env,
    DATABASE_URL: testApp.database.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_OUTBOX_DIR: join(work, 'outbox'),
    REMINDER_TIME_ZONE: 'Europe/Rome',
    SECRETS_KEY,
    // Rows of a killed process count as abandoned after one second instead of fifteen minutes.
    DISPATCH_STALE_SECONDS: '1',
  });
  const sweepCli = (day: string) => start(CLI, ['sweep', '--date', day], environment());

  /** Returns the Message-IDs of the messages that reached the server for this client, with or without a reply. */
  const arrivedFor = (address: string) =>
    smtp.arrived.filter((mail) => mail.envelopeTo.includes(address)).map((mail) => mail.mail.messageId);

  /** Checks that every installment got its reminder once: sent (or uncertain) and arrived once. */
  async function expectEachSentOnce(due: DueReminders, address: string, uncertain = 0): Promise<void> {
    const history = await dispatchHistory(testApp, due.companyId);
    const arrived = arrivedFor(address);

    expect(history).toHaveLength(due.installmentIds.length);
    expect(new Set(history.map((row) => row.installmentId))).toEqual(new Set(due.installmentIds));
    expect(history.filter((row) => row.status === 'uncertain')).toHaveLength(uncertain);
    expect(history.filter((row) => row.status === 'sent')).toHaveLength(due.installmentIds.length - uncertain);
    expect(new Set(arrived).size).toBe(arrived.length);
    expect(arrived).toHaveLength(due.installmentIds.length);
    expect(new Set(arrived)).toEqual(new Set(history.map((row) => row.messageId)));
  }

  beforeAll(async () => {
    smtpPort = await smtp.start();
    testApp = await startTestApp({ SECRETS_KEY });
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('kill -9 before the body: sent once on restart', async () => {
    const due = await createDueReminders(testApp, { index: 11, dueDate: '2025-09-01', count: 3 });
    const hold = smtp.hold('mail');
    const run = sweepCli('2025-09-01');

    await hold.reached;
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    hold.release();
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sending']);

    await sleep(1100);
    const rerun = await runCli(['sweep', '--date', '2025-09-01'], environment());

    expect(rerun.code).toBe(0);
    await expectEachSentOnce(due, 'amministrazione11@cliente.example');
  });

  it('kill -9 after the body: uncertain, never resent', async () => {
    const due = await createDueReminders(testApp, { index: 12, dueDate: '2025-09-02', count: 3 });
    const hold = smtp.hold('data');
    const run = sweepCli('2025-09-02');

    await hold.reached;
    run.child.kill('SIGKILL');
    await run.exited;
    hold.release();
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['submitting']);

    await sleep(1100);
    const rerun = await runCli(['sweep', '--date', '2025-09-02'], environment());

    expect(rerun.code).toBe(0);
    await expectEachSentOnce(due, 'amministrazione12@cliente.example', 1);
    const [uncertain] = (await dispatchHistory(testApp, due.companyId)).filter((row) => row.status === 'uncertain');
    expect(uncertain.reason).toBe('interrupted');
  });

  it('kill -9 between two messages: no resend, no loss', async () => {
    const due = await createDueReminders(testApp, { index: 13, dueDate: '2025-09-03', count: 3 });
    const hold = smtp.hold('mail', 1);
    const run = sweepCli('2025-09-03');

    await hold.reached;
    run.child.kill('SIGKILL');
    await run.exited;
    hold.release();
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent', 'sending']);

    await sleep(1100);
    await runCli(['sweep', '--date', '2025-09-03'], environment());

    await expectEachSentOnce(due, 'amministrazione13@cliente.example');
  });

  it('kill -9 at five moments: no resend, no loss', async () => {
    const due = await createDueReminders(testApp, { index: 14, dueDate: '2025-09-04', count: 40 });
    const address = 'amministrazione14@cliente.example';
    const statuses: string[] = [];

    // Each run is killed a little later after a message has arrived, so the kills land at
    // different points: recording it as sent, claiming the next one, rendering its PDF, sending it.
    for (const delay of [0, 4, 12, 25, 45]) {
      const arrivedBefore = arrivedFor(address).length;
      const run = sweepCli('2025-09-04');
      let exited = false;
      void run.exited.then(() => (exited = true));
      await waitFor('a message of this run', () => exited || arrivedFor(address).length > arrivedBefore, 60_000);
      await sleep(delay);
      run.child.kill('SIGKILL');
      await run.exited;
      statuses.push((await dispatchHistory(testApp, due.companyId)).map((row) => row.status).join(','));
      await sleep(1100);
    }
    // The runs were killed part-way: some reminders were still unsent after each of them.
    expect(statuses.every((line) => line.split(',').filter((status) => status === 'sent').length < 40)).toBe(true);
    const last = await runCli(['sweep', '--date', '2025-09-04'], environment());

    expect(last.code).toBe(0);
    const history = await dispatchHistory(testApp, due.companyId);
    const uncertain = history.filter((row) => row.status === 'uncertain');
    const arrived = arrivedFor('amministrazione14@cliente.example');
    expect(history.every((row) => row.status === 'sent' || row.status === 'uncertain')).toBe(true);
    expect(new Set(history.map((row) => row.installmentId)).size).toBe(40);
    expect(new Set(arrived).size).toBe(arrived.length);
    // Every sent reminder arrived; an uncertain one arrived at most once.
    const arrivedIds = new Set(arrived);
    expect(history.filter((row) => row.status === 'sent').every((row) => arrivedIds.has(row.messageId as string))).toBe(true);
    expect(arrived.length).toBeLessThanOrEqual(40);
    expect(arrived.length).toBeGreaterThanOrEqual(40 - uncertain.length);
  });

  it('SIGTERM to the CLI: in-flight message recorded', async () => {
    const due = await createDueReminders(testApp, { index: 15, dueDate: '2025-09-05', count: 3 });
    const hold = smtp.hold('data');
    const run = sweepCli('2025-09-05');

    await hold.reached;
    run.child.kill('SIGTERM');
    await sleep(300);
    hold.release();
    const stopped = await run.exited;

    expect(stopped.code).toBe(143);
    expect(stopped.stdout).toContain('2025-09-05: 1 due, 1 sent, 0 failed');
    expect(stopped.stderr).toContain('SIGTERM received: stopping after the reminder in flight is recorded.');
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent']);

    const rerun = await runCli(['sweep', '--date', '2025-09-05'], environment());
    expect(rerun.code).toBe(0);
    await expectEachSentOnce(due, 'amministrazione15@cliente.example');
  });

  it('SIGTERM to the server: next start goes on', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const due = await createDueReminders(testApp, { index: 16, dueDate: today, count: 3 });
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    // The run time 00:00 has passed today, so the server sweeps today's reminders as it starts.
    const serverEnvironment = { ...environment(), PORT: String(port), HOST: '127.0.0.1', REMINDER_CRON: '0 0 * * *' };
    const hold = smtp.hold('data');
    const server = start(SERVER, [], serverEnvironment);

    await hold.reached;
    server.child.kill('SIGTERM');
    await sleep(300);
    hold.release();
    const stopped = await server.exited;

    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent']);

    const restarted = start(SERVER, [], serverEnvironment);
    try {
      await waitForServer(port);
      await waitFor('the restarted server to send the other two reminders', () =>
        arrivedFor('amministrazione16@cliente.example').length >= 3,
      );
      await sleep(300);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
    await expectEachSentOnce(due, 'amministrazione16@cliente.example');
  });
});
