import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
export const ADMIN = { username: 'admin', password: 'e2e-admin-password' };

export interface RunningServer {
  baseUrl: string;
  workDir: string;
  environment: NodeJS.ProcessEnv;
  /** Runs the built CLI against the same database, with `extra` variables added, returning its output. */
  cli(args: string[], extra?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

/** Starts the built server on a new SQLite file and a free port on 127.0.0.1. */
export async function startServer(): Promise<RunningServer> {
  const workDir = mkdtempSync(join(tmpdir(), 'solleciti-admin-e2e-'));
  const port = 31_000 + Math.floor(Math.random() * 20_000);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(workDir, 'e2e.sqlite')}`,
    MAIL_OUTBOX_DIR: join(workDir, 'outbox'),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ENABLE_REMINDER_CRON: 'false',
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  delete environment['SMTP_URL'];

  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    env: environment,
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl);

  return {
    baseUrl,
    workDir,
    environment,
    cli: (args, extra = {}) => {
      const result = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), ...args], {
        env: { ...environment, ...extra },
        encoding: 'utf8',
      });

      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((done) => server.once('exit', done));
    },
  };
}

async function waitForHealth(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }

  throw new Error(`The server at ${baseUrl} did not respond within 30 seconds`);
}
