// Measures the client list API (search, sort, paging) with 100,000 clients in the embedded SQLite
// database, as the Anagrafiche › Clienti screen calls it. Usage: node tools/bench/clients-list.mjs
// after `npx nx run api:build`. Prints the median and worst time of each call over several runs.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const root = resolve(import.meta.dirname, '../..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const RUNS = 15;

const work = mkdtempSync(join(tmpdir(), 'solleciti-bench-'));
const port = 32_000 + Math.floor(Math.random() * 10_000);
const environment = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(work, 'bench.sqlite')}`,
  ADMIN_PASSWORD: 'bench-password-1',
  ENABLE_REMINDER_CRON: 'false',
  HOST: '127.0.0.1',
  PORT: String(port),
};
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { env: environment, stdio: 'ignore' });
try {
  await waitForHealth();
  const token = await login();
  const company = await api(token, '/api/companies', { method: 'POST', body: { name: 'Bench S.r.l.', vatNumber: 'IT09876543217' } });

  fillClients(join(work, 'bench.sqlite'), company.id);

  const calls = {
    'first page, sorted by name': `/api/companies/${company.id}/clients?page=1&pageSize=25&sort=name`,
    'page 2000, sorted by name': `/api/companies/${company.id}/clients?page=2000&pageSize=25&sort=name`,
    'search "Rossi"': `/api/companies/${company.id}/clients?search=Rossi&pageSize=25`,
    'search by VAT number': `/api/companies/${company.id}/clients?search=0000012345&pageSize=25`,
    'excluded clients list': `/api/companies/${company.id}/reminder-settings/excluded-clients?pageSize=25`,
  };
  console.log(`${CLIENTS} clients, ${RUNS} runs each (after one warm-up run)`);
  for (const [name, path] of Object.entries(calls)) {
    await api(token, path);
    const times = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await api(token, path);
      times.push(performance.now() - started);
    }
    times.sort((left, right) => left - right);
    console.log(`${name}: median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms, worst ${times[RUNS - 1].toFixed(1)} ms`);
  }
} finally {
  server.kill('SIGTERM');
}

function fillClients(path, companyId) {
  const database = new Database(path);
  const surnames = ['Rossi', 'Bianchi', 'Verdi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno'];
  const insert = database.prepare(
    `INSERT INTO clients (company_id, kind, company_name, display_name, vat_country, vat_code, emails, language, reminders_disabled)
     VALUES (?, 'company', ?, ?, 'IT', ?, '[]', 'it', ?)`,
  );
  database.transaction(() => {
    for (let index = 0; index < CLIENTS; index += 1) {
      const name = `${surnames[index % surnames.length]} ${String(index).padStart(6, '0')} S.r.l.`;
      insert.run(companyId, name, name, String(index).padStart(11, '0'), index % 50 === 0 ? 1 : 0);
    }
  })();
  database.close();
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('The server did not start');
}

async function login() {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password-1' }),
  });
  return (await response.json()).accessToken;
}

async function api(token, path, options = {}) {
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}
