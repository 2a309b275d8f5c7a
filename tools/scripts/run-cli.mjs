// Builds the API when needed (Nx replays the cached build when nothing changed) and runs its CLI.
//
// The build runs quietly: its output is printed to stderr only when it fails, and a successful
// rebuild prints one line. So a cron job that runs this every day gets no output from an unchanged
// build, and stdout carries only the CLI's own output (for example --json).
//
// SIGTERM, SIGINT and SIGHUP are forwarded to the CLI, which stops after the reminder in flight is
// recorded. This wrapper then exits with the CLI's exit code, or 128 + the signal number when a
// signal ended the CLI, as a shell reports it.
//
// `npm run cli` starts this file with `exec`. npm 11 forwards SIGTERM and SIGINT to the shell that
// runs the script, and dash dies from SIGTERM without passing it on. npm does not forward SIGHUP.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliEntry = join(root, 'dist', 'apps', 'api', 'cli.js');
const FORWARDED_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/** The running build or CLI process, which receives the forwarded signals. */
let current = null;
/** The first signal this wrapper received, or null. */
let stopSignal = null;

for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    stopSignal ??= signal;
    forward(signal);
  });
}

const build = await buildApi();
if (build.code !== 0) {
  if (stopSignal !== null) {
    process.exit(128 + constants.signals[stopSignal]);
  }
  process.stderr.write(`${build.output}Building the API failed (exit code ${build.code}); see the output above.\n`);
  process.exit(build.code ?? 1);
}
if (stopSignal !== null) {
  // The signal arrived during the build: the CLI never starts.
  process.exit(128 + constants.signals[stopSignal]);
}
if (build.rebuilt) {
  process.stderr.write('Built the API in dist/apps/api because its sources changed.\n');
}

// The IPC channel (the fourth stdio entry) lets the CLI notice when this wrapper dies, even from
// SIGKILL, which cannot be caught or forwarded. The kernel closes the channel, and the CLI handles
// the 'disconnect' event like SIGHUP. Watching process.ppid would need polling, and stdin stays
// inherited for the user, so the channel is the only one of the three that works without either.
const cli = spawn(process.execPath, [cliEntry, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
current = { process: cli, group: false };
cli.on('error', (error) => {
  process.stderr.write(`Could not start ${cliEntry}: ${error.message}\n`);
  process.exit(1);
});
cli.on('exit', (code, signal) => {
  process.exit(code ?? 128 + constants.signals[signal]);
});

/** Runs the Nx build with its output captured; `rebuilt` is true when the content of cli.js changed. */
function buildApi() {
  // The content, not the modification time, because Nx rewrites the files when it replays a cached build.
  const before = contentHash(cliEntry);
  // A process group of its own, so a forwarded signal reaches npx, Nx and webpack alike.
  const child = spawn('npx', ['nx', 'run', 'api:build', '--output-style=stream-without-prefixes'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  current = { process: child, group: true };
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `Could not start npx: ${error.message}\n`, rebuilt: false }));
    child.on('close', (code, signal) => {
      current = null;
      resolve({
        code: code ?? 128 + constants.signals[signal],
        output,
        rebuilt: contentHash(cliEntry) !== before,
      });
    });
  });
}

function forward(signal) {
  if (current === null || current.process.exitCode !== null || current.process.signalCode !== null) {
    return;
  }
  try {
    process.kill(current.group ? -current.process.pid : current.process.pid, signal);
  } catch (error) {
    // ESRCH: the process ended between the check above and the kill.
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

function contentHash(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}
