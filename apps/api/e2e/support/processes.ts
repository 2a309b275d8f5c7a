import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
export const CLI = join(ROOT, 'dist/apps/api/cli.js');
export const SERVER = join(ROOT, 'dist/apps/api/main.js');

export interface Running {
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it), the signal and the output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts a built entry point (CLI or server) as its own process, collecting its output. */
export function start(entry: string, args: string[], environment: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, [entry, ...args], { env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );

  return { child, exited };
}

/** Runs the built CLI to the end. The SMTP sink lives in this process, so this must not block. */
export function runCli(args: string[], environment: Record<string, string | undefined>) {
  return start(CLI, args, environment).exited;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the server at `port` responds to /api/health with any status (503 too), or fails after `timeoutMs`. */
export async function waitForServer(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);

      return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }

  throw new Error(`The server on port ${port} did not answer /api/health within ${timeoutMs} ms`);
}

/** Polls `check` until it returns true, or fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await sleep(100);
  }

  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
