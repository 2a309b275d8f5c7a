import { Browser, Page } from 'playwright-core';

import {
  launchBrowser,
  logIn,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser';
import { ADMIN, RunningServer, startServer } from './support/server';

const STAFF = { username: 'giulia.verdi', password: 'password-operatore-1' };

/** Repeats `check` until it returns true, for effects of a request the page does not wait for. */
async function eventually(check: () => Promise<boolean>, description: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await check()) {
      return;
    }
    await new Promise((done) => setTimeout(done, 100));
  }

  throw new Error(`Timed out waiting until ${description}`);
}

describe('users, API keys and logout', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let companyA: number;

  const api = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);

    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const createCompany = async (name: string, vatNumber: string) => {
      const response = await api('/api/companies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ name, vatNumber }),
      });

      return ((await response.json()) as { id: number }).id;
    };
    companyA = await createCompany('Officine Rossi S.p.A.', 'IT09876543217');
    await createCompany('Ferramenta Bianchi S.r.l.', 'IT01234567897');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates an API key shown once, which works until revoked', async () => {
    await logIn(page);
    await page.getByRole('combobox', { name: 'Azienda' }).click();
    await page.getByRole('option', { name: 'Officine Rossi S.p.A.' }).click();
    await page.getByRole('link', { name: 'Chiavi API' }).click();
    await page.getByRole('heading', { name: 'Chiavi API', level: 1 }).waitFor();
    await page.getByText('Nessuna chiave API').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Crea chiave' }).click();
    await page.getByText('Inserisci un nome per la chiave').waitFor();
    await page.getByLabel('Nome della chiave').fill('Gestionale contabile');
    await page.getByRole('button', { name: 'Crea chiave' }).click();

    const dialog = page.getByRole('dialog', { name: 'Chiave API creata' });
    await dialog.getByText('non sarà più mostrata').waitFor();
    const key = (await dialog.getByTestId('created-api-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('button', { name: 'Copia chiave' }).click();
    await dialog.getByText('Chiave copiata negli appunti.').waitFor();
    await screenshot(page, '20-chiave-api-creata');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ho copiato la chiave' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('Inserisci un nome per la chiave').count()).toBe(0);

    const row = page.getByRole('row', { name: /Gestionale contabile/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${key.slice(0, 11)}…`);
    expect((await row.getByRole('cell').nth(2).textContent())?.trim()).toBe(ADMIN.username);
    expect(await page.content()).not.toContain(key);

    const withKey = await api(`/api/companies/${companyA}/clients`, {
      headers: { 'X-API-Key': key },
    });
    expect(withKey.status).toBe(200);
    await page.reload();
    await row.getByText('Mai usata').waitFor({ state: 'detached' });
    await screenshot(page, '21-chiavi-api-elenco');

    await row.getByRole('button', { name: 'Revoca la chiave Gestionale contabile' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revocare la chiave API?' });
    await confirm.getByRole('button', { name: 'Revoca' }).click();
    await page.getByText('Nessuna chiave API').waitFor();

    const revoked = await api(`/api/companies/${companyA}/clients`, {
      headers: { 'X-API-Key': key },
    });
    expect(revoked.status).toBe(401);
  });

  it('creates a staff user on the users page', async () => {
    await page.getByRole('link', { name: 'Utenti' }).click();
    await page.getByRole('heading', { name: 'Utenti', level: 1 }).waitFor();
    await page.getByRole('row', { name: /admin \(tu\)/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo utente' });
    await dialog.getByLabel('Nome utente').fill(STAFF.username);
    await dialog.getByLabel('Password').fill('corta');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.getByText('Almeno 12 caratteri').waitFor();
    await dialog.getByLabel('Password').fill(STAFF.password);
    await dialog.getByRole('combobox', { name: 'Aziende assegnate' }).click();
    await page.getByRole('option', { name: 'Officine Rossi S.p.A.' }).click();
    // Escape goes to the topmost overlay, so it closes the select and leaves the dialog open.
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await dialog.waitFor();
    await screenshot(page, '22-nuovo-utente');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: new RegExp(STAFF.username) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Operatore');
    expect(await row.textContent()).toContain('Officine Rossi S.p.A.');
    await screenshot(page, '23-utenti');
  });

  it('revokes the token when the user logs out', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('solleciti.accessToken'));
    expect(token).toBeTruthy();
    const me = () => api('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);

    await page.getByRole('button', { name: /Menu utente/ }).click();
    await page.getByRole('menuitem', { name: 'Esci' }).click();
    await page.waitForURL('**/login');

    await eventually(async () => (await me()).status === 401, 'the logged-out token gets 401');
  });

  it('shows staff only their company and no user management', async () => {
    await page.getByLabel('Nome utente').fill(STAFF.username);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL('**/fatture');

    await page.getByText('Officine Rossi S.p.A.').first().waitFor();
    expect(await page.getByRole('combobox', { name: 'Azienda' }).count()).toBe(0);
    expect(await page.getByText('Ferramenta Bianchi S.r.l.').count()).toBe(0);
    await page.getByRole('link', { name: 'Chiavi API' }).waitFor();
    expect(await page.getByRole('link', { name: 'Utenti' }).count()).toBe(0);
    await screenshot(page, '24-operatore');

    await page.goto('/impostazioni/utenti');
    await page.waitForURL('**/fatture');

    const token = await page.evaluate(() => sessionStorage.getItem('solleciti.accessToken'));
    const users = await api('/api/users', { headers: { Authorization: `Bearer ${token}` } });
    expect(users.status).toBe(403);
  });
});
