// Builds the API when needed (Nx replays the cached build when nothing changed) and runs its CLI.
// Build output goes to stderr so that the CLI's stdout (for example --json) stays clean.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=stream-without-prefixes'], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
  env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
});
if (build.status !== 0) {
  process.stderr.write('Building the API failed; see the output above.\n');
  process.exit(build.status ?? 1);
}

const cli = spawnSync(process.execPath, [join(root, 'dist', 'apps', 'api', 'cli.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(cli.status ?? 1);
