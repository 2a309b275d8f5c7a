import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createDueReminders, dispatchHistory } from '../test/support/due-reminders';
import { SmtpSink } from '../test/support/smtp-sink';
import { startTestApp, TestApp } from '../test/support/test-app';
import { runCli } from './support/processes';

const SECRETS_KEY = 'concurrent-sweeps-e2e-secrets-key-0123456789';

// Two CLI processes sweep the same day on the same database at once: a MariaDB database when
// TEST_DATABASE_URL is set (npm run test:mariadb), a SQLite file otherwise.
describe('two sweeps of the same day at the same time', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let smtpPort = 0;

  beforeAll(async () => {
    smtpPort = await smtp.start();
    testApp = await startTestApp({ SECRETS_KEY });
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it(`each reminder sent once, work shared (${process.env['TEST_DATABASE_URL'] ? 'MariaDB' : 'SQLite'})`, async () => {
    const first = await createDueReminders(testApp, { index: 21, dueDate: '2025-10-06', count: 30 });
    const second = await createDueReminders(testApp, { index: 22, dueDate: '2025-10-06', count: 30 });
    const environment = {
      ...process.env,
      DATABASE_URL: testApp.database.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'solleciti-concurrent-')),
      REMINDER_TIME_ZONE: 'Europe/Rome',
      SECRETS_KEY,
    };

    const runs = await Promise.all([
      runCli(['sweep', '--date', '2025-10-06', '--json'], environment),
      runCli(['sweep', '--date', '2025-10-06', '--json'], environment),
    ]);

    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const outcomes = runs.map((run) =>
      run.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { installmentId: number; status: string; reason: string | null }),
    );
    const sentBy = outcomes.map((lines) => lines.filter((line) => line.status === 'sent').map((line) => line.installmentId));
    const allSent = [...sentBy[0], ...sentBy[1]];
    expect(allSent).toHaveLength(60);
    expect(new Set(allSent).size).toBe(60);
    // Both sent a part; what one found claimed, the other had sent.
    expect(sentBy.map((sent) => sent.length > 0)).toEqual([true, true]);
    for (const [index, lines] of outcomes.entries()) {
      const skipped = lines.filter((line) => line.reason === 'claimed-elsewhere').map((line) => line.installmentId);
      expect(skipped.every((installmentId) => sentBy[1 - index].includes(installmentId))).toBe(true);
    }

    const messageIds = smtp.received.map((mail) => mail.mail.messageId);
    expect(messageIds).toHaveLength(60);
    expect(new Set(messageIds).size).toBe(60);
    for (const due of [first, second]) {
      const history = await dispatchHistory(testApp, due.companyId);
      expect(history.map((row) => row.status)).toEqual(Array(30).fill('sent'));
    }
  });
});

