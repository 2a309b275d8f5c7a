import { addDays, todayInTimeZone } from '@solleciti/util';
import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';

import { launchBrowser, logIn, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { ADMIN, RunningServer, startServer } from './support/server';

const FIXTURES = join(__dirname, '..', 'fixtures');

/**
 * The office worker's day in the admin, in order: import, settings, exclusions both ways, a
 * payment, and tomorrow's reminders checked against the CLI's dry run of the same day.
 */
describe('office workflow in the admin', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const tomorrow = addDays(todayInTimeZone('Europe/Rome'), 1);

  const expectAccessible = async (name: string) => {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({ page: name, violations: [] });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);
    await logIn(page);
  });

  it('creates the company on first use', async () => {
    await page.getByLabel('Ragione sociale').fill('Officine Rossi S.p.A.');
    await page.getByLabel('Partita IVA').fill('it 09876543217');
    await page.getByLabel("E-mail dell'amministrazione").fill('amministrazione@officinerossi.example');
    await screenshot(page, '05-crea-azienda');
    await page.getByRole('button', { name: 'Crea azienda' }).click();

    await page.locator('header').getByText('Officine Rossi S.p.A.').waitFor();
  });

  // A failing step leaves a screenshot of what the page showed at that moment.
  afterEach(async () => {
    const state = expect.getState();
    if (page && state.currentTestName && state.assertionCalls !== state.numPassingAsserts) {
      await screenshot(page, `errore-${state.currentTestName.replace(/[^a-z0-9]+/gi, '-').slice(-60)}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports files with progress and one result per file', async () => {
    await page.goto('/fatture/importa');
    const files = readdirSync(FIXTURES).map((name) => join(FIXTURES, name));
    await page.getByLabel('Scegli i file da importare').setInputFiles([...files, join(FIXTURES, 'e2e-1.xml')]);
    await page.getByRole('button', { name: 'Importa', exact: true }).click();

    await page.getByRole('heading', { name: 'Risultato' }).waitFor();
    const results = page.getByTestId('import-result');
    expect(await results.count()).toBe(5);
    await page.getByText('Importati: 4 · Già importati: 1 · In conflitto: 0 · Scartati: 0').waitFor();
    await expectAccessible('10-importazione');
  });

  it('enables reminders with three offsets and saves', async () => {
    await page.goto('/impostazioni/solleciti');
    await page.getByText('Invio solleciti automatici').click();
    await page.getByRole('combobox', { name: 'Sollecito 3' }).click();
    await page.getByRole('option', { name: '10 giorni dopo la scadenza' }).click();
    await page.getByRole('button', { name: 'Salva' }).click();

    await page.getByText('Impostazioni salvate').waitFor();
    await expectAccessible('20-impostazioni-solleciti');
  });

  it('excludes two clients through the dialog and removes one with Elimina', async () => {
    await page.getByRole('button', { name: 'Escludi clienti', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Seleziona Cartoleria Verdi S.n.c.' }).check();
    await dialog.getByRole('checkbox', { name: 'Seleziona Studio Tecnico Neri' }).check();
    await screenshot(page, '21-dialogo-escludi');
    await dialog.getByRole('button', { name: 'Escludi clienti selezionati' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Elimina Studio Tecnico Neri dai clienti esclusi' }).click();

    await page.getByRole('button', { name: 'Elimina Cartoleria Verdi S.n.c. dai clienti esclusi' }).waitFor();
    await page.getByRole('button', { name: 'Elimina Studio Tecnico Neri dai clienti esclusi' }).waitFor({ state: 'detached' });
    await expectAccessible('22-clienti-esclusi');
  });

  it('ticks "Non inviare solleciti" on a client and sees it both ways', async () => {
    await page.goto('/anagrafiche/clienti');
    await page.getByRole('cell', { name: 'Panificio Gallo S.r.l.' }).click();
    await page.getByRole('link', { name: 'Modifica' }).or(page.getByRole('button', { name: 'Modifica' })).first().click();
    await page.getByRole('checkbox', { name: 'Non inviare solleciti di pagamento automatici' }).check();
    await page.getByRole('button', { name: 'Salva' }).click();

    await page.getByTestId('reminders-state').filter({ hasText: 'Esclusi' }).waitFor();
    await expectAccessible('30-riepilogo-escluso');

    await page.goto('/impostazioni/solleciti');
    await page.getByRole('button', { name: 'Elimina Panificio Gallo S.r.l. dai clienti esclusi' }).waitFor();
    await page.getByRole('button', { name: 'Elimina Cartoleria Verdi S.n.c. dai clienti esclusi' }).waitFor();
  });

  it('downloads the client list with Esporta CSV', async () => {
    await page.goto('/anagrafiche/clienti');
    await page.getByRole('cell', { name: 'Panificio Gallo S.r.l.' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');

    expect(download.suggestedFilename()).toMatch(/^clienti-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFFNome;Tipo;Ragione sociale;')).toBe(true);
    expect(csv).toContain('\r\nPanificio Gallo S.r.l.;Azienda;');
    await expectAccessible('31-clienti-esporta');
  });

  it('registers a partial payment and shows the residual', async () => {
    await page.goto('/fatture');
    await page.getByRole('cell', { name: 'E2E-1', exact: true }).click();
    await page.getByRole('button', { name: 'Registra incasso' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Importo incassato').fill('200,00');
    await dialog.getByRole('button', { name: 'Registra' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('1.020,00 €').first().waitFor();
    await expectAccessible('40-fattura-incasso');
  });

  it('shows the courtesy copy inside the page', async () => {
    await page.getByRole('button', { name: 'Visualizza copia di cortesia' }).click();
    const frame = page.getByRole('dialog').locator('iframe');
    await frame.waitFor();
    await page.waitForTimeout(1500);

    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, '41-copia-di-cortesia');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('lists tomorrow’s reminders as the CLI dry run does', async () => {
    // Installment 2 of E2E-1 moves to three days after tomorrow, so its first reminder is due tomorrow.
    const [year, month, day] = addDays(tomorrow, 3).split('-');
    await page.getByRole('button', { name: 'Modifica scadenza' }).nth(1).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nuova scadenza').fill(`${day}/${month}/${year}`);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });

    const dryRun = server.cli(['sweep', '--date', tomorrow, '--dry-run', '--json']);
    expect(dryRun.status).toBe(0);
    const expected = dryRun.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { invoiceNumber: string; level: number; status: string; reason: string | null })
      // Missed reminders are only recorded, never sent, so the agenda does not list them.
      .filter((item) => item.reason !== 'missed')
      .map((item) => `${item.invoiceNumber} · ${item.level}° sollecito · ${item.status === 'due' ? 'invio' : 'saltato'}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    await page.goto('/incassi/agenda');
    const box = page.locator('section.tomorrow');
    await box.getByRole('heading').filter({ hasText: /Domani (partir|non)/ }).waitFor();
    const rows = await box.locator('tr.mat-mdc-row').evaluateAll((elements) =>
      elements.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim())),
    );
    const shown = rows
      .map(([, invoice, , level, outcome]) => `${invoice} · ${level} · ${outcome.includes('inviato') ? 'invio' : 'saltato'}`)
      .sort();

    expect(shown).toEqual(expected);
    await expectAccessible('50-agenda-domani');
  });

  it('shows the reminder history page', async () => {
    await page.goto('/solleciti');
    await page.getByRole('heading', { name: 'Solleciti' }).first().waitFor();
    await expectAccessible('60-storico-solleciti');
  });

  it('flags reminders waiting for a retry', async () => {
    // The clients of tomorrow's reminders get an address, and the sweep of tomorrow meets an SMTP
    // server that is down, so their reminders wait for a retry.
    const due = server
      .cli(['sweep', '--date', tomorrow, '--dry-run', '--json'])
      .stdout.trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { companyId: number; clientId: number; reason: string | null })
      .filter((item) => item.reason === 'no-email');
    expect(due.length).toBeGreaterThan(0);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    for (const item of due) {
      const patched = await fetch(`${server.baseUrl}/api/companies/${item.companyId}/clients/${item.clientId}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ emails: ['amministrazione@cliente-e2e.example'] }),
      });
      expect(patched.status).toBe(200);
    }

    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sweep = server.cli(['sweep', '--date', tomorrow], { SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
    expect(sweep.stdout).toMatch(/\d+ to retry/);

    await page.goto('/fatture');
    const notice = page.getByRole('status').filter({ hasText: 'Solleciti da controllare' });
    await notice.getByRole('link', { name: /in nuovo tentativo/ }).click();
    await page.waitForURL(/status=retry/);
    const reason = page.locator('td.history-reason').first();
    await reason.waitFor();

    expect(await reason.textContent()).toMatch(/ECONNREFUSED.*prossimo tentativo/);
    expect(await page.locator('.history-status').first().textContent()).toContain('In nuovo tentativo');
    await expectAccessible('61-storico-nuovo-tentativo');
  });

  it.each([
    ['70-elenco-fatture', '/fatture', 'Fatture'],
    ['71-clienti', '/anagrafiche/clienti', 'Clienti'],
    ['72-nuovo-cliente', '/anagrafiche/clienti/nuovo', 'Nuovo cliente'],
    ['73-server-di-posta', '/impostazioni/server-di-posta', 'Server di posta'],
    ['74-modelli-email', '/impostazioni/modelli-email', 'Modelli e-mail'],
  ])('has no serious accessibility issue on %s', async (name, path, heading) => {
    await page.goto(path);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await page.waitForLoadState('networkidle');

    await expectAccessible(name);
  });
});

