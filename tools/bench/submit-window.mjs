// Measures the window in which a killed sweep leaves a reminder "uncertain": the time from recording
// it as submitting (the SMTP server has requested the body) to recording it as sent. Usage:
// node tools/bench/submit-window.mjs after `npx nx run api:build`. It sends BENCH_REMINDERS
// reminders (default 200) with their courtesy-copy PDF to an SMTP server on 127.0.0.1 through the
// built CLI, and prints the sweep's figures. The database is a fresh SQLite file, or the empty
// databases bench1, bench2, … of the server BENCH_DATABASE_URL (mysql://user:password@host:port).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const root = resolve(import.meta.dirname, '../..');
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => callback());
  },
});
await new Promise((done) => smtp.listen(0, '127.0.0.1', done));
const smtpPort = smtp.server.address().port;

try {
  console.log(`${REMINDERS} reminders with a PDF each, ${RUNS} sweeps on fresh databases`);
  for (let run = 1; run <= RUNS; run += 1) {
    const work = mkdtempSync(join(tmpdir(), 'solleciti-bench-window-'));
    const environment = {
      ...process.env,
      // BENCH_DATABASE_URL names a server; each run uses its own empty database "bench<run>" there.
      DATABASE_URL: process.env.BENCH_DATABASE_URL
        ? `${process.env.BENCH_DATABASE_URL.replace(/\/$/, '')}/bench${run}`
        : `sqlite:${join(work, 'bench.sqlite')}`,
      ADMIN_PASSWORD: 'bench-password-1',
      ENABLE_REMINDER_CRON: 'false',
      HOST: '127.0.0.1',
      PORT: String(32_000 + Math.floor(Math.random() * 10_000)),
      MAIL_OUTBOX_DIR: join(work, 'outbox'),
      SECRETS_KEY: 'bench-secrets-key-0123456789-0123456789',
    };
    await prepare(environment, run);

    const started = performance.now();
    const sweep = await runCli(['sweep', '--date', '2025-11-10'], { ...environment, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    const elapsed = performance.now() - started;
    const window = /time from submitting to sent: median ([\d.]+) ms, max ([\d.]+) ms/.exec(sweep.stderr);
    const measured = window ? `median ${window[1]} ms, max ${window[2]} ms` : 'not reported';
    console.log(`run ${run}: ${sweep.stdout.trim()} in ${(elapsed / 1000).toFixed(1)} s; submitting to sent: ${measured}`);
  }
} finally {
  smtp.close();
}

/** Creates a company, its settings and an invoice whose installments are all due on 2025-11-10. */
async function prepare(environment, run) {
  const base = `http://127.0.0.1:${environment.PORT}`;
  const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { env: environment, stdio: 'ignore' });
  try {
    await waitForHealth(base);
    const token = (await request(base, null, '/api/auth/login', 'POST', { username: 'admin', password: 'bench-password-1' })).accessToken;
    const sellerVat = String(40_000_000_000 + run);
    const company = await request(base, token, '/api/companies', 'POST', {
      name: `Bench ${run} S.r.l.`,
      vatNumber: `IT${sellerVat}`,
      email: 'ufficio@bench.example',
    });
    await request(base, token, `/api/companies/${company.id}/reminder-settings`, 'PUT', {
      enabled: true,
      attachCourtesyCopy: true,
      offsets: [0],
      catchUpDays: 3,
    });
    const form = new FormData();
    form.append('files', new Blob([invoiceXml(sellerVat)], { type: 'text/xml' }), 'bench.xml');
    const imported = await fetch(`${base}/api/companies/${company.id}/invoices/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    }).then((response) => response.json());
    const invoice = await request(base, token, `/api/companies/${company.id}/invoices/${imported.files[0].invoices[0].id}`);
    await request(base, token, `/api/companies/${company.id}/clients/${invoice.clientId}`, 'PATCH', { emails: ['amministrazione@cliente.example'] });
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => server.on('close', done));
  }
}

function invoiceXml(sellerVat) {
  const installments = Array.from(
    { length: REMINDERS },
    (_, index) => `<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2025-11-10</DataScadenzaPagamento><ImportoPagamento>${(100 + index).toFixed(2)}</ImportoPagamento><IBAN>IT60X0542811101000000123456</IBAN></DettaglioPagamento>`,
  ).join('');
  const total = Array.from({ length: REMINDERS }, (_, index) => 100 + index).reduce((sum, value) => sum + value, 0).toFixed(2);
  const taxable = (Number(total) / 1.22).toFixed(2);
  const tax = (Number(total) - Number(taxable)).toFixed(2);

  return `<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">
<FatturaElettronicaHeader>
<DatiTrasmissione><IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>${sellerVat}</IdCodice></IdTrasmittente><ProgressivoInvio>00001</ProgressivoInvio><FormatoTrasmissione>FPR12</FormatoTrasmissione><CodiceDestinatario>0000000</CodiceDestinatario></DatiTrasmissione>
<CedentePrestatore><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>${sellerVat}</IdCodice></IdFiscaleIVA><Anagrafica><Denominazione>Bench S.r.l.</Denominazione></Anagrafica><RegimeFiscale>RF01</RegimeFiscale></DatiAnagrafici><Sede><Indirizzo>Via Roma 1</Indirizzo><CAP>00100</CAP><Comune>Roma</Comune><Provincia>RM</Provincia><Nazione>IT</Nazione></Sede></CedentePrestatore>
<CessionarioCommittente><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>01234567897</IdCodice></IdFiscaleIVA><Anagrafica><Denominazione>Cliente Bench S.p.A.</Denominazione></Anagrafica></DatiAnagrafici><Sede><Indirizzo>Via Milano 2</Indirizzo><CAP>20100</CAP><Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede></CessionarioCommittente>
</FatturaElettronicaHeader>
<FatturaElettronicaBody>
<DatiGenerali><DatiGeneraliDocumento><TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>2025-10-01</Data><Numero>BENCH-1</Numero><ImportoTotaleDocumento>${total}</ImportoTotaleDocumento></DatiGeneraliDocumento></DatiGenerali>
<DatiBeniServizi><DettaglioLinee><NumeroLinea>1</NumeroLinea><Descrizione>Servizi</Descrizione><PrezzoUnitario>${taxable}</PrezzoUnitario><PrezzoTotale>${taxable}</PrezzoTotale><AliquotaIVA>22.00</AliquotaIVA></DettaglioLinee><DatiRiepilogo><AliquotaIVA>22.00</AliquotaIVA><ImponibileImporto>${taxable}</ImponibileImporto><Imposta>${tax}</Imposta></DatiRiepilogo></DatiBeniServizi>
<DatiPagamento><CondizioniPagamento>TP01</CondizioniPagamento>${installments}</DatiPagamento>
</FatturaElettronicaBody>
</p:FatturaElettronica>`;
}

function runCli(args, environment) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/api/cli.js'), ...args], { env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function waitForHealth(base) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      await fetch(`${base}/api/health`);
      return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('The server did not start');
}

async function request(base, token, path, method = 'GET', body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
