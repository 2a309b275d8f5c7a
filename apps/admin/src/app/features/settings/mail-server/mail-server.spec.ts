import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CompanyResponse, MailSettingsResponse, TestMailResponse } from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { MailServer } from './mail-server';
import { describeTestMailFailure } from './test-mail-message';

const SETTINGS_URL = '/api/companies/7/mail-settings';

const CONFIGURED: MailSettingsResponse = {
  companyId: 7,
  configured: true,
  host: 'smtp.rossi.example',
  port: 587,
  security: 'starttls',
  username: 'solleciti@rossi.example',
  passwordSet: true,
  fromName: 'Rossi S.r.l.',
  fromAddress: 'amministrazione@rossi.example',
};

const NOT_CONFIGURED: MailSettingsResponse = {
  companyId: 7,
  configured: false,
  host: null,
  port: null,
  security: null,
  username: null,
  passwordSet: false,
  fromName: null,
  fromAddress: null,
};

describe('MailServer', () => {
  let fixture: ComponentFixture<MailServer>;
  let loader: HarnessLoader;
  let httpTesting: HttpTestingController;

  /** Lets the component's awaited HTTP results land, then waits for change detection. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(settings: MailSettingsResponse): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi S.r.l.' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpTesting = TestBed.inject(HttpTestingController);

    fixture = TestBed.createComponent(MailServer);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: SETTINGS_URL }).flush(settings);
    await settle();
  }

  async function input(label: string): Promise<MatInputHarness> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await field.getControl(MatInputHarness);
    if (!control) {
      throw new Error(`No input in the form field "${label}"`);
    }

    return control;
  }

  async function sendTestMail(answer: TestMailResponse): Promise<string> {
    await (await input('Invia a')).setValue('prova@rossi.example');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Invia e-mail di prova' }))).click();
    const request = httpTesting.expectOne({ method: 'POST', url: `${SETTINGS_URL}/test` });
    expect(request.request.body.to).toBe('prova@rossi.example');
    request.flush(answer);
    await settle();

    return (fixture.nativeElement as HTMLElement).querySelector('[data-testid="test-result"]')?.textContent ?? '';
  }

  afterEach(() => {
    httpTesting.verify();
  });

  it('never prefills the stored password', async () => {
    await render(CONFIGURED);

    expect(await (await input('Password')).getValue()).toBe('');
    expect(await (await input('Host')).getValue()).toBe('smtp.rossi.example');
    const passwordField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Password' }));
    expect(await passwordField.getTextHints()).toEqual(['Lasciare vuoto per mantenere la password salvata']);
  });

  it('omits an empty password from PUT', async () => {
    await render(CONFIGURED);
    await (await input('Nome mittente')).setValue('Rossi Amministrazione');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpTesting.expectOne({ method: 'PUT', url: SETTINGS_URL });
    expect('password' in request.request.body).toBe(false);
    expect(request.request.body).toEqual({
      host: 'smtp.rossi.example',
      port: 587,
      security: 'starttls',
      username: 'solleciti@rossi.example',
      fromName: 'Rossi Amministrazione',
      fromAddress: 'amministrazione@rossi.example',
    });
    request.flush({ ...CONFIGURED, fromName: 'Rossi Amministrazione' });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Impostazioni salvate.');
  });

  it('sends a typed password in PUT', async () => {
    await render(CONFIGURED);
    await (await input('Password')).setValue('nuova-password');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpTesting.expectOne({ method: 'PUT', url: SETTINGS_URL });
    expect(request.request.body.password).toBe('nuova-password');
    request.flush(CONFIGURED);
    await settle();
    expect(await (await input('Password')).getValue()).toBe('');
  });

  it('switches the port with the security mode', async () => {
    await render(NOT_CONFIGURED);
    const security = await loader.getHarness(MatSelectHarness);

    await security.clickOptions({ text: 'SSL/TLS (porta 465)' });

    expect(await (await input('Porta')).getValue()).toBe('465');
  });

  it('explains that no server means the default sender', async () => {
    await render(NOT_CONFIGURED);

    const status = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="mail-status"]')?.textContent;
    expect(status).toContain('mittente predefinito del servizio (no-reply) con il modello predefinito');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Rimuovi server' }))).toHaveLength(0);
  });

  it('does not save an incomplete form', async () => {
    await render(NOT_CONFIGURED);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    httpTesting.expectNone({ method: 'PUT', url: SETTINGS_URL });
    expect(fixture.nativeElement.textContent).toContain("Inserisci l'host del server");
  });

  it('removes the server after confirmation', async () => {
    await render(CONFIGURED);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Rimuovi server' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Rimuovere il server di posta?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Rimuovi' }))).click();
    await settle();

    httpTesting.expectOne({ method: 'DELETE', url: SETTINGS_URL }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Nessun server configurato');
    expect(await (await input('Host')).getValue()).toBe('');
  });

  it('keeps the server when removal is cancelled', async () => {
    await render(CONFIGURED);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Rimuovi server' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Annulla' }))).click();
    await settle();

    httpTesting.expectNone({ method: 'DELETE', url: SETTINGS_URL });
  });

  it('tests the settings typed in the form', async () => {
    await render(CONFIGURED);
    await (await input('Host')).setValue('smtp2.rossi.example');
    await (await input('Invia a')).setValue('prova@rossi.example');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Invia e-mail di prova' }))).click();

    const request = httpTesting.expectOne({ method: 'POST', url: `${SETTINGS_URL}/test` });
    expect(request.request.body.settings.host).toBe('smtp2.rossi.example');
    expect('password' in request.request.body.settings).toBe(false);
    request.flush({ ok: true, messageId: '<1@rossi.example>' });
    await settle();
    expect(fixture.nativeElement.textContent).toContain('E-mail di prova inviata a prova@rossi.example.');
  });

  it('explains ECONNREFUSED in Italian', async () => {
    await render(CONFIGURED);

    const text = await sendTestMail({
      ok: false,
      code: 'ECONNREFUSED',
      nodemailerCode: 'ESOCKET',
      response: null,
      responseCode: null,
      message: 'connect ECONNREFUSED 127.0.0.1:587',
    });

    expect(text).toContain('Il server non accetta connessioni su questa porta: controlla host e porta.');
    expect(text).toContain('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:587');
  });

  it('explains EAUTH with the server answer', async () => {
    await render(CONFIGURED);

    const text = await sendTestMail({
      ok: false,
      code: 'EAUTH',
      nodemailerCode: 'EAUTH',
      response: '535 5.7.8 Authentication failed',
      responseCode: 535,
      message: 'Invalid login: 535 5.7.8 Authentication failed',
    });

    expect(text).toContain('Nome utente o password non accettati dal server.');
    expect(text).toContain('535 5.7.8 Authentication failed');
  });
});

describe('describeTestMailFailure', () => {
  const failure = (code: string, message: string, responseCode: number | null = null) =>
    describeTestMailFailure({ ok: false, code, nodemailerCode: null, message, response: null, responseCode });

  it('returns only the Italian sentence', () => {
    expect(failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:25')).toBe(
      'Il server non accetta connessioni su questa porta: controlla host e porta.',
    );
  });

  it('maps each code to a sentence', () => {
    expect(failure('ETIMEDOUT', 'Connection timeout')).toContain('non ha risposto in tempo');
    expect(failure('EDNS', 'getaddrinfo ENOTFOUND smtp.example')).toContain('Server non trovato');
    expect(failure('ENOTFOUND', 'getaddrinfo ENOTFOUND smtp.example')).toContain('Server non trovato');
    expect(failure('ECONNRESET', 'read ECONNRESET')).toContain('La connessione con il server si è interrotta');
    expect(failure('ESOCKET', 'read ECONNRESET')).toContain('La connessione con il server si è interrotta');
    expect(failure('EENVELOPE', 'Mail command failed: 550')).toContain('rifiutato il mittente o il destinatario');
    expect(failure('EWHATEVER', 'unknown')).toContain('Invio non riuscito');
  });

  it('recognises TLS failures behind ESOCKET', () => {
    expect(failure('ESOCKET', 'ssl3_get_record:wrong version number')).toContain('La connessione sicura non è riuscita');
    expect(failure('ESOCKET', 'self-signed certificate')).toContain('Il certificato del server non è valido');
    expect(failure('ETLS', 'Error initiating TLS')).toContain('La connessione sicura non è riuscita');
    expect(failure('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number')).toContain('La connessione sicura');
    expect(failure('DEPTH_ZERO_SELF_SIGNED_CERT', 'self signed certificate')).toContain('Il certificato del server');
  });

  it('asks for credentials on reply 530', () => {
    expect(failure('EENVELOPE', 'Mail command failed: 530 Authentication required', 530)).toContain(
      'richiede l\'autenticazione',
    );
  });
});
