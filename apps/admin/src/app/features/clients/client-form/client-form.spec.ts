import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { Router, provideRouter } from '@angular/router';

import { TEST_COMPANY_CONTEXT, testClient } from '../testing';
import { ClientFormPage } from './client-form';

const CLIENTS_URL = '/api/companies/3/clients';

async function setUp(id?: string) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), TEST_COMPANY_CONTEXT],
  });
  const fixture = TestBed.createComponent(ClientFormPage);
  if (id !== undefined) {
    fixture.componentRef.setInput('id', id);
  }
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const http = TestBed.inject(HttpTestingController);
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  fixture.detectChanges();

  return { fixture, loader, http, navigate };
}

async function chooseKind(loader: HarnessLoader, label: string): Promise<void> {
  await (await loader.getHarness(MatButtonToggleHarness.with({ text: label }))).check();
}

async function input(loader: HarnessLoader, controlName: string): Promise<MatInputHarness> {
  return loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${controlName}"]` }));
}

/** Types a value and leaves the field, as a user does before the error shows. */
async function type(loader: HarnessLoader, controlName: string, value: string): Promise<void> {
  const field = await input(loader, controlName);
  await field.setValue(value);
  await field.blur();
}

async function errorsOf(loader: HarnessLoader, label: RegExp): Promise<string[]> {
  return (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getTextErrors();
}

async function labels(loader: HarnessLoader): Promise<string[]> {
  const fields = await loader.getAllHarnesses(MatFormFieldHarness);

  return Promise.all(fields.map(async (field) => (await field.getLabel())?.replace(/\s*\*$/, '') ?? ''));
}

async function save(loader: HarnessLoader): Promise<void> {
  await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();
}

describe('ClientFormPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the fields of a person', async () => {
    const { loader } = await setUp();

    await chooseKind(loader, 'Privato');
    const shown = await labels(loader);

    expect(shown).toContain('Nome');
    expect(shown).toContain('Cognome');
    expect(shown).toContain('Codice fiscale');
    expect(shown).not.toContain('Ragione sociale');
    expect(shown).not.toContain('Codice univoco ufficio');
  });

  it('shows the fields of a company', async () => {
    const { loader } = await setUp();

    await chooseKind(loader, 'Azienda');
    const shown = await labels(loader);

    expect(shown).toContain('Ragione sociale');
    expect(shown).toContain('Partita IVA');
    expect(shown).toContain('Codice fiscale (facoltativo)');
    expect(shown).not.toContain('Nome');
    expect(shown).not.toContain('Codice univoco ufficio');
  });

  it('shows the fields of a public administration', async () => {
    const { loader } = await setUp();

    await chooseKind(loader, 'Pubblica Amministrazione');
    const shown = await labels(loader);

    expect(shown).toContain("Denominazione dell'ente");
    expect(shown).toContain('Codice univoco ufficio');
    expect(shown).toContain('Codice fiscale');
    expect(shown).not.toContain('Nome');
    expect(shown).not.toContain('Ragione sociale');
  });

  it('explains a wrong codice fiscale check character', async () => {
    const { loader } = await setUp();
    await chooseKind(loader, 'Privato');

    await type(loader, 'fiscalCode', 'SMPPRV80H55H501Q');

    expect(await errorsOf(loader, /^Codice fiscale/)).toEqual([
      'Codice fiscale non valido: il carattere di controllo non corrisponde',
    ]);
  });

  it('explains a wrong partita IVA', async () => {
    const { loader } = await setUp();
    await chooseKind(loader, 'Azienda');

    await type(loader, 'vatNumber', '01234567890');
    expect(await errorsOf(loader, /^Partita IVA/)).toEqual(['Partita IVA non valida: la cifra di controllo non corrisponde']);

    await type(loader, 'vatNumber', '0123456');
    expect(await errorsOf(loader, /^Partita IVA/)).toEqual(['Partita IVA non valida: servono 11 cifre']);
  });

  it('explains a wrong CAP and provincia', async () => {
    const { loader } = await setUp();

    await type(loader, 'postalCode', '2012');
    await type(loader, 'province', 'Milano');

    expect(await errorsOf(loader, /^CAP/)).toEqual(['CAP non valido: servono 5 cifre']);
    expect(await errorsOf(loader, /^Provincia/)).toEqual(['Provincia non valida: usa la sigla di 2 lettere, es. MI']);
  });

  it('checks CAP and provincia only for Italy', async () => {
    const { loader } = await setUp();

    await type(loader, 'postalCode', 'SW1A 1AA');
    await type(loader, 'country', 'GB');

    expect(await errorsOf(loader, /^CAP/)).toEqual([]);
  });

  it('explains a wrong e-mail and PEC', async () => {
    const { loader } = await setUp();

    await type(loader, 'pec', 'fornitori.pec.example.it');
    const email = await loader.getHarness(MatInputHarness.with({ selector: '[formArrayName] input' }));
    await email.setValue('amministrazione@example');
    await email.blur();

    expect(await errorsOf(loader, /^PEC/)).toEqual(['Indirizzo PEC non valido: manca la @']);
    expect(await errorsOf(loader, /^E-mail/)).toEqual([
      'Indirizzo e-mail non valido: il dominio dopo la @ è incompleto (es. example.it)',
    ]);
  });

  it('requires the fields of the kind on Salva', async () => {
    const { loader } = await setUp();
    await chooseKind(loader, 'Privato');

    await save(loader);

    expect(await errorsOf(loader, /^Nome/)).toEqual(['Inserisci il nome']);
    expect(await errorsOf(loader, /^Cognome/)).toEqual(['Inserisci il cognome']);
    expect(await errorsOf(loader, /^Codice fiscale/)).toEqual(['Inserisci il codice fiscale']);
  });

  it('posts a company with the IT prefix', async () => {
    const { loader, http, navigate } = await setUp();
    await chooseKind(loader, 'Azienda');
    await type(loader, 'companyName', 'Ferramenta Esempio S.r.l.');
    await type(loader, 'vatNumber', '012 3456 7897');
    await type(loader, 'postalCode', '20121');
    await type(loader, 'province', 'mi');
    await type(loader, 'pec', 'ferramenta@pec.example.it');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Aggiungi e-mail' }))).click();
    const emails = await loader.getAllHarnesses(MatInputHarness.with({ selector: '[formArrayName] input' }));
    await emails[0].setValue('amministrazione@example.it');
    await emails[1].setValue(' contabilita@example.it ');
    await (await loader.getHarness(MatCheckboxHarness)).check();

    await save(loader);

    const request = http.expectOne({ method: 'POST', url: CLIENTS_URL });
    expect(request.request.body).toEqual({
      kind: 'company',
      companyName: 'Ferramenta Esempio S.r.l.',
      firstName: null,
      lastName: null,
      vatNumber: 'IT01234567897',
      fiscalCode: null,
      recipientCode: null,
      pec: 'ferramenta@pec.example.it',
      emails: ['amministrazione@example.it', 'contabilita@example.it'],
      phone: null,
      address: { street: null, streetNumber: null, postalCode: '20121', city: null, province: 'MI', country: 'IT' },
      language: 'it',
      remindersDisabled: true,
    });
    request.flush(testClient({ id: 12 }));
    expect(navigate).toHaveBeenCalledWith(['/anagrafiche/clienti', 12]);
  });

  it('posts a person with codice fiscale and language', async () => {
    const { loader, http } = await setUp();
    await chooseKind(loader, 'Privato');
    await type(loader, 'firstName', 'Prova');
    await type(loader, 'lastName', 'Esempio');
    await type(loader, 'fiscalCode', 'smpprv80h55h501p');
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Inglese' });

    await save(loader);

    const body = http.expectOne({ method: 'POST', url: CLIENTS_URL }).request.body;
    expect(body.kind).toBe('person');
    expect(body.firstName).toBe('Prova');
    expect(body.lastName).toBe('Esempio');
    expect(body.companyName).toBeNull();
    expect(body.fiscalCode).toBe('SMPPRV80H55H501P');
    expect(body.vatNumber).toBeNull();
    expect(body.language).toBe('en');
    expect(body.remindersDisabled).toBe(false);
  });

  it('posts a public administration with its office code', async () => {
    const { loader, http } = await setUp();
    await chooseKind(loader, 'Pubblica Amministrazione');
    await type(loader, 'companyName', 'Comune di Esempio');
    await type(loader, 'recipientCode', 'UF1234X');
    expect(await errorsOf(loader, /^Codice univoco ufficio/)).toEqual([
      'Codice univoco ufficio non valido: servono 6 lettere o cifre',
    ]);
    await type(loader, 'recipientCode', 'uf12ab');
    await type(loader, 'fiscalCode', '80000000002');

    await save(loader);

    const body = http.expectOne({ method: 'POST', url: CLIENTS_URL }).request.body;
    expect(body.kind).toBe('public-administration');
    expect(body.companyName).toBe('Comune di Esempio');
    expect(body.recipientCode).toBe('UF12AB');
    expect(body.fiscalCode).toBe('80000000002');
    expect(body.firstName).toBeNull();
  });

  it('shows the Italian message of a duplicate', async () => {
    const { loader, http, fixture } = await setUp();
    await type(loader, 'companyName', 'Ferramenta Esempio S.r.l.');
    await type(loader, 'vatNumber', '01234567897');

    await save(loader);
    http
      .expectOne({ method: 'POST', url: CLIENTS_URL })
      .flush({ statusCode: 409, message: "Client '5' already has VAT number IT01234567897" }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain('Esiste già un cliente con questa partita IVA');
  });

  it('loads a client and patches it', async () => {
    const { loader, http, fixture } = await setUp('7');
    http.expectOne({ method: 'GET', url: `${CLIENTS_URL}/7` }).flush(testClient());
    await fixture.whenStable();

    expect(await (await input(loader, 'vatNumber')).getValue()).toBe('01234567897');
    await type(loader, 'phone', '+39 02 1234567');
    await save(loader);

    const request = http.expectOne({ method: 'PATCH', url: `${CLIENTS_URL}/7` });
    expect(request.request.body.phone).toBe('+39 02 1234567');
    expect(request.request.body.vatNumber).toBe('IT01234567897');
    expect(request.request.body.emails).toEqual(['amministrazione@example.it']);
    request.flush(testClient({ phone: '+39 02 1234567' }));
  });

  it('saves an imported client whose stored codes fail the check', async () => {
    const { loader, http, fixture } = await setUp('7');
    http
      .expectOne({ method: 'GET', url: `${CLIENTS_URL}/7` })
      .flush(testClient({ vatNumber: 'IT22222222222', fiscalCode: '09876543210' }));
    await fixture.whenStable();

    await type(loader, 'phone', '+39 02 7654321');
    await save(loader);

    const request = http.expectOne({ method: 'PATCH', url: `${CLIENTS_URL}/7` });
    expect(request.request.body.vatNumber).toBe('IT22222222222');
    expect(request.request.body.fiscalCode).toBe('09876543210');
    request.flush(testClient());
  });

  it('checks a stored code again once it is changed', async () => {
    const { loader, http, fixture } = await setUp('7');
    http.expectOne({ method: 'GET', url: `${CLIENTS_URL}/7` }).flush(testClient({ vatNumber: 'IT22222222222' }));
    await fixture.whenStable();

    await type(loader, 'vatNumber', '22222222223');

    expect((await errorsOf(loader, /Partita IVA/)).length).toBeGreaterThan(0);
  });
});

