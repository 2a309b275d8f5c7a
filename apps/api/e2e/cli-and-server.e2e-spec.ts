import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sampleInvoiceXml } from '../test/support/sample-invoice';
import { SmtpSink } from '../test/support/smtp-sink';
import { CLI, SERVER, start, waitForServer } from './support/processes';


describe('built CLI and server', () => {
  const work = mkdtempSync(join(tmpdir(), 'solleciti-e2e-'));
  const environment = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(work, 'e2e.sqlite')}`,
    MAIL_OUTBOX_DIR: join(work, 'outbox'),
    ADMIN_PASSWORD: 'e2e-password-123',
    REMINDER_TIME_ZONE: 'Europe/Rome',
  };
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { env: { ...environment, ...extra }, encoding: 'utf8' });

  // The SMTP sink runs in this process, so a CLI that talks to it must not block the event loop.
  const cliAsync = (args: string[], extra: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...environment, ...extra } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('close', (status) => done({ status, stdout }));
    });

  it('imports files, printing a line per file and a summary', () => {
    writeFileSync(
      join(work, 'ft-1.xml'),
      sampleInvoiceXml({ number: 'E2E-1', date: '2025-01-10', installments: [{ dueDate: '2025-02-10', amount: '1234.56' }] }),
    );
    writeFileSync(join(work, 'rotta.xml'), '<p:FatturaElettronica><');

    const withoutCompany = cli(['import', join(work, 'ft-1.xml')]);
    expect(withoutCompany.status).toBe(1);
    expect(withoutCompany.stdout).toContain('rejected: no company with VAT number IT09876543217; create it or pass --create-companies');

    const result = cli(['import', join(work, 'ft-1.xml'), join(work, 'rotta.xml'), '--create-companies']);
    expect(result.stdout).toContain(`${join(work, 'ft-1.xml')}: imported 1 invoice`);
    expect(result.stdout).toMatch(/rotta\.xml: rejected: .+/);
    expect(result.stdout).toContain('2 file(s): 1 imported, 0 already imported, 0 in conflict, 1 rejected');
    expect(result.status).toBe(1);
    // The sample seller has no Contatti/Email, so the CLI warns once about the company it created.
    expect(result.stderr.match(/was created without an e-mail address/g)).toHaveLength(1);
    expect(result.stderr).toContain('set its own mail server in Impostazioni › Server di posta');

    const again = cli(['import', join(work, 'ft-1.xml')]);
    expect(again.stdout).toContain('already imported');
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('was created without an e-mail address');
  });

  it('rejects bad sweep options with the value and the usage', () => {
    const result = cli(['sweep', '--date', '2025-02-30']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--date "2025-02-30" is not a calendar date; use YYYY-MM-DD');
  });

  describe('with the server running', () => {
    let server: ChildProcess;
    let port = 0;
    let token = '';
    const smtp = new SmtpSink();

    beforeAll(async () => {
      port = 30_000 + Math.floor(Math.random() * 20_000);
      server = spawn(process.execPath, [SERVER], {
        env: { ...environment, PORT: String(port), HOST: '127.0.0.1', ENABLE_REMINDER_CRON: 'false' },
        stdio: 'ignore',
      });
      await waitForServer(port);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'e2e-password-123' }),
      });
      token = ((await login.json()) as { accessToken: string }).accessToken;
    });

    afterAll(async () => {
      server?.kill('SIGTERM');
      await smtp.stop();
    });

    it('serves the Italian admin at / and the OpenAPI description', async () => {
      const page = await fetch(`http://127.0.0.1:${port}/`);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('<html lang="it"');
      expect(html).toContain('<title>Solleciti</title>');

      const deepLink = await fetch(`http://127.0.0.1:${port}/fatture`);
      expect(deepLink.status).toBe(200);

      for (const response of [page, await fetch(`http://127.0.0.1:${port}/api/health`)]) {
        expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-powered-by')).toBeNull();
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }

      const docs = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
      const openApi = (await docs.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(openApi.paths)).toContain('/api/companies/{companyId}/reminder-settings');
    });

    it('rejects bad JSON and unknown routes', async () => {
      const malformed = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"username":',
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { message: string }).message).toBe('The request body is not valid JSON');

      const unknown = await fetch(`http://127.0.0.1:${port}/api/nothing-here`, { method: 'POST' });
      expect(unknown.status).toBe(404);
    });

    it('sends the day’s reminders once through SMTP_URL, with --json output', async () => {
      const api = (path: string, method = 'GET', body?: object) =>
        fetch(`http://127.0.0.1:${port}/api${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body ? JSON.stringify(body) : undefined,
        });
      const [company] = (await (await api('/companies')).json()) as Array<{ id: number }>;
      expect((await api(`/companies/${company.id}/reminder-settings`, 'PUT', {
        enabled: true,
        attachCourtesyCopy: true,
        offsets: [-3, 0, 7],
        catchUpDays: 0,
      })).status).toBe(200);
      const clients = (await (await api(`/companies/${company.id}/clients`)).json()) as { items: Array<{ id: number }> };
      await api(`/companies/${company.id}/clients/${clients.items[0].id}`, 'PATCH', { emails: ['contabilita@cliente.example'] });

      const smtpPort = await smtp.start();
      const first = await cliAsync(['sweep', '--date', '2025-02-10', '--json'], { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
      const second = await cliAsync(['sweep', '--date', '2025-02-10'], { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });

      expect(first.status).toBe(0);
      const dispatches = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(dispatches).toEqual([
        expect.objectContaining({ invoiceNumber: 'E2E-1', level: 2, dueDate: '2025-02-10', status: 'sent', reason: null }),
      ]);
      expect(second.stdout).toContain('2025-02-10: 0 due, 0 sent, 0 failed, skipped: none');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].mail.text).toContain('1.234,56 €');
      expect(smtp.received[0].mail.attachments[0].contentType).toBe('application/pdf');
    });
  });

  it('prints a generated admin password once', async () => {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const serverEnvironment = {
      ...environment,
      DATABASE_URL: `sqlite:${join(work, 'first-start.sqlite')}`,
      ADMIN_PASSWORD: undefined,
      PORT: String(port),
      HOST: '127.0.0.1',
      ENABLE_REMINDER_CRON: 'false',
    };
    const startAndStop = async () => {
      const server = start(SERVER, [], serverEnvironment);
      try {
        // Any answer from /api/health will do: only the startup log is checked.
        await waitForServer(port);
      } catch (error) {
        server.child.kill('SIGTERM');
        const output = await server.exited;
        throw new Error(`${String(error)}; the server exited with ${output.code} and wrote:\n${output.stdout}${output.stderr}`);
      } finally {
        server.child.kill('SIGTERM');
      }

      return server.exited;
    };

    const first = await startAndStop();
    // Nest may write warnings to either stream, with colour codes, so lines are matched loosely.
    const log = `${first.stdout}${first.stderr}`;
    const warnings = log.split('\n').filter((line) => line.includes('WARN'));
    const blockStart = warnings.findIndex((line) => line.includes('==== FIRST ADMINISTRATOR ===='));
    // generatePassword() returns 12 random bytes in base64url: 16 characters.
    const password = /Password: ([A-Za-z0-9_-]{16})/.exec(log)?.[1] ?? '';

    expect(blockStart).toBeGreaterThanOrEqual(0);
    expect(password).toHaveLength(16);
    expect(warnings[blockStart + 2]).toContain('Username: admin');
    expect(warnings[blockStart + 3]).toContain(`Password: ${password}`);
    expect(warnings[blockStart + 5]).toMatch(/={20,}/);

    const second = await startAndStop();
    const secondLog = `${second.stdout}${second.stderr}`;
    expect(secondLog).not.toContain('FIRST ADMINISTRATOR');
    expect(secondLog).not.toContain(password);
  });
});
