import { Browser, Page } from 'playwright-core';

import { launchBrowser, logIn, newPage, screenshot, seriousAccessibilityViolations } from './support/browser';
import { RunningServer, startServer } from './support/server';

describe('login and layout', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the Italian login page and rejects a wrong password', async () => {
    await page.goto('/');

    await page.waitForURL('**/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await page.getByLabel('Nome utente').fill('admin');
    await page.getByLabel('Password').fill('sbagliata');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Nome utente o password non corretti.').waitFor();
    await screenshot(page, '01-login-errore');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('logs in and shows the navigation in Italian', async () => {
    await logIn(page);

    for (const link of ['Clienti', 'Elenco fatture', 'Agenda', 'Storico solleciti', 'Server di posta', 'Modelli e-mail']) {
      await page.getByRole('link', { name: link }).waitFor();
    }
    expect(await page.title()).toBe('Fatture · Solleciti');
    await screenshot(page, '02-dopo-accesso');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('English build', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the English login page under /en', async () => {
    const page = await newPage(browser, server.baseUrl);

    await page.goto('/en/login');

    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, '03-login-inglese');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
