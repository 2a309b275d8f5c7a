import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createDueReminders, dispatchHistory } from '../test/support/due-reminders';
import { SmtpSink } from '../test/support/smtp-sink';
import { startTestApp, TestApp } from '../test/support/test-app';
import { sleep, waitFor } from './support/processes';

const ROOT = resolve(__dirname, '../../..');
const WRAPPER = join(ROOT, 'tools/scripts/run-cli.mjs');
const SECRETS_KEY = 'run-cli-wrapper-e2e-secrets-key-0123456789';

interface WrapperRun {
  wrapper: ChildProcess;
  /** Resolves when the wrapper process ends, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when every process holding the wrapper's stdout and stderr has closed them. */
  closed: Promise<{ stdout: string; stderr: string }>;
}

/** Returns the ids of the live processes whose parent is `parentPid`, read from /proc (Linux only). */
function childrenOf(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const fields = statFields(Number(entry));
    if (fields !== null && fields.parentPid === parentPid && fields.state !== 'Z') {
      children.push(Number(entry));
    }
  }

  return children;
}

/** Returns true while `pid` runs; a zombie, waiting for a parent that does not reap it, counts as ended. */
function isRunning(pid: number): boolean {
  const fields = statFields(pid);

  return fields !== null && fields.state !== 'Z';
}

function statFields(pid: number): { state: string; parentPid: number } | null {
  try {
    // The command name in brackets may contain spaces, so the fields are read after its closing bracket.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parentPid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

    return { state, parentPid: Number(parentPid) };
  } catch {
    return null;
  }
}

// The wrapper as `npm run cli` starts it: it checks the build with Nx and runs dist/apps/api/cli.js.
// The SMTP server on 127.0.0.1 holds a message after its body arrived, so that a signal lands while
// a reminder is in flight. Build first with `NX_DAEMON=false npx nx run api:build`, so that the
// wrapper's build is a cache hit.
describe('run-cli.mjs signals', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let smtpPort = 0;
  const work = mkdtempSync(join(tmpdir(), 'solleciti-wrapper-'));
  const environment = () => ({
    ...process.env,
    DATABASE_URL: testApp.database.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_OUTBOX_DIR: join(work, 'outbox'),
    REMINDER_TIME_ZONE: 'Europe/Rome',
    SECRETS_KEY,
  });

  function runWrapper(args: string[]): WrapperRun {
    const wrapper = spawn(process.execPath, [WRAPPER, ...args], { cwd: ROOT, env: environment() });
    let stdout = '';
    let stderr = '';
    wrapper.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    wrapper.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    return {
      wrapper,
      exited: new Promise((done) => wrapper.on('exit', (code, signal) => done({ code, signal }))),
      closed: new Promise((done) => wrapper.on('close', () => done({ stdout, stderr }))),
    };
  }

  // Each test's due date is weeks after the previous one, so that a sweep does not catch up on the
  // reminders an earlier test left unsent.
  const arrivedFor = (address: string) => smtp.arrived.filter((mail) => mail.envelopeTo.includes(address));

  beforeAll(async () => {
    smtpPort = await smtp.start();
    testApp = await startTestApp({ SECRETS_KEY });
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp.stop();
  });

  it('SIGTERM: exit 143 after the message in flight', async () => {
    const due = await createDueReminders(testApp, { index: 21, dueDate: '2025-10-01', count: 3 });
    const address = 'amministrazione21@cliente.example';
    const hold = smtp.hold('data');
    const run = runWrapper(['sweep', '--date', '2025-10-01']);

    await hold.reached;
    const [cliPid] = childrenOf(run.wrapper.pid as number);
    run.wrapper.kill('SIGTERM');
    await sleep(300);
    hold.release();
    const exited = await run.exited;
    const output = await run.closed;

    expect(exited.code).toBe(143);
    expect(cliPid).toBeGreaterThan(0);
    expect(isRunning(cliPid)).toBe(false);
    expect(output.stdout).toBe('2025-10-01: 1 due, 1 sent, 0 failed, skipped: none\n');
    expect(output.stderr).toContain('SIGTERM received: stopping after the reminder in flight is recorded.');
    // The build of unchanged sources prints nothing.
    expect(output.stderr).not.toContain('api:build');
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent']);

    await sleep(1500);
    expect(arrivedFor(address)).toHaveLength(1);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('%s: exit %i after the message in flight', async (signal, exitCode) => {
    const index = signal === 'SIGINT' ? 22 : 23;
    const dueDate = signal === 'SIGINT' ? '2025-11-03' : '2025-12-01';
    const due = await createDueReminders(testApp, { index, dueDate, count: 3 });
    const hold = smtp.hold('data');
    const run = runWrapper(['sweep', '--date', dueDate]);

    await hold.reached;
    run.wrapper.kill(signal);
    await sleep(300);
    hold.release();
    const exited = await run.exited;
    const output = await run.closed;

    expect(exited.code).toBe(exitCode);
    expect(output.stderr).toContain(`${signal} received: stopping after the reminder in flight is recorded.`);
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent']);

    await sleep(1500);
    expect(arrivedFor(`amministrazione${index}@cliente.example`)).toHaveLength(1);
  });

  it('SIGKILL to the wrapper: the CLI stops too', async () => {
    const due = await createDueReminders(testApp, { index: 24, dueDate: '2026-01-05', count: 3 });
    const address = 'amministrazione24@cliente.example';
    const hold = smtp.hold('data');
    const run = runWrapper(['sweep', '--date', '2026-01-05']);

    await hold.reached;
    const [cliPid] = childrenOf(run.wrapper.pid as number);
    run.wrapper.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    await sleep(300);
    // The orphaned CLI is still sending the message in flight.
    expect(isRunning(cliPid)).toBe(true);
    hold.release();
    await waitFor('the orphaned CLI to exit', () => !isRunning(cliPid), 15_000);
    const output = await run.closed;

    expect(output.stderr).toContain('The parent process (run-cli.mjs) ended, so the CLI stops as on SIGHUP.');
    expect(output.stderr).toContain('SIGHUP received: stopping after the reminder in flight is recorded.');
    expect((await dispatchHistory(testApp, due.companyId)).map((row) => row.status)).toEqual(['sent']);

    await sleep(1500);
    expect(arrivedFor(address)).toHaveLength(1);
  });
});
