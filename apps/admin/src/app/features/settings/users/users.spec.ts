import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { CompanyResponse, UserResponse } from '@solleciti/dto';

import { AuthService } from '../../../auth/auth.service';
import { CompanyContext } from '../../../core/company-context';
import { Users } from './users';

const USERS_URL = '/api/users';

const ADMIN: UserResponse = {
  id: 1,
  username: 'admin',
  role: 'admin',
  companyIds: [],
  lockedUntil: null,
  createdAt: '2025-01-01T08:00:00.000Z',
};

const STAFF: UserResponse = {
  id: 2,
  username: 'mario.rossi',
  role: 'staff',
  companyIds: [7],
  lockedUntil: null,
  createdAt: '2025-02-01T08:00:00.000Z',
};

describe('Users', () => {
  let fixture: ComponentFixture<Users>;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;
  let httpTesting: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(users: UserResponse[]): Promise<void> {
    fixture = TestBed.createComponent(Users);
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: USERS_URL }).flush(users);
    await settle();
  }

  async function rows(): Promise<string[][]> {
    const table = await loader.getHarness(MatTableHarness);

    const texts = await Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()));

    return texts.map((cells) => cells.map((cell) => cell.replace(/\s+/g, ' ')));
  }

  async function openNewUserDialog(): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Nuovo utente' }))).click();

    return documentLoader.getHarness(MatDialogHarness);
  }

  async function field(dialog: MatDialogHarness, label: string): Promise<MatFormFieldHarness> {
    return dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const input = await (await field(dialog, label)).getControl(MatInputHarness);
    if (!input) {
      throw new Error(`No input in the form field "${label}"`);
    }
    await input.setValue(value);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([
      { id: 7, name: 'Rossi S.r.l.' } as CompanyResponse,
      { id: 8, name: 'Bianchi S.p.A.' } as CompanyResponse,
    ]);
    companyContext.loaded.set(true);
    TestBed.inject(AuthService).currentUser.set({ id: 1, username: 'admin', role: 'admin' });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('lists users with role and companies', async () => {
    await render([ADMIN, STAFF]);

    expect(await rows()).toEqual([
      ['admin (tu)', 'Amministratore', 'Tutte', 'Modifica'],
      ['mario.rossi', 'Operatore', 'Rossi S.r.l.', 'Modifica Elimina'],
    ]);
  });

  it('creates a staff user with companies', async () => {
    await render([ADMIN]);
    const dialog = await openNewUserDialog();

    await type(dialog, 'Nome utente', 'luigi.verdi');
    await type(dialog, 'Password', 'password-sicura-1');
    const companies = await (await field(dialog, 'Aziende assegnate')).getControl(MatSelectHarness);
    await companies?.open();
    await companies?.clickOptions({ text: 'Bianchi S.p.A.' });
    // The select stays open: closing it with Escape would close the dialog too.
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpTesting.expectOne({ method: 'POST', url: USERS_URL });
    expect(request.request.body).toEqual({
      username: 'luigi.verdi',
      password: 'password-sicura-1',
      role: 'staff',
      companyIds: [8],
    });
    request.flush({ ...STAFF, id: 3, username: 'luigi.verdi', companyIds: [8] });
    await settle();
    httpTesting
      .expectOne({ method: 'GET', url: USERS_URL })
      .flush([ADMIN, { ...STAFF, id: 3, username: 'luigi.verdi', companyIds: [8] }]);
    await settle();

    expect((await rows())[1]).toEqual([
      'luigi.verdi',
      'Operatore',
      'Bianchi S.p.A.',
      'Modifica Elimina',
    ]);
  });

  it('checks username and password before sending', async () => {
    await render([ADMIN]);
    const dialog = await openNewUserDialog();

    await type(dialog, 'Nome utente', 'x');
    await type(dialog, 'Password', 'corta');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    expect(await (await field(dialog, 'Nome utente')).getTextErrors()).toEqual([
      'Da 3 a 100 caratteri: lettere, cifre e . _ @ -',
    ]);
    expect(await (await field(dialog, 'Password')).getTextErrors()).toEqual([
      'Almeno 12 caratteri',
    ]);
    httpTesting.expectNone({ method: 'POST', url: USERS_URL });
    await dialog.close();
  });

  it('shows a taken username in the dialog', async () => {
    await render([ADMIN, STAFF]);
    const dialog = await openNewUserDialog();

    await type(dialog, 'Nome utente', 'mario.rossi');
    await type(dialog, 'Password', 'password-sicura-1');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();
    httpTesting
      .expectOne({ method: 'POST', url: USERS_URL })
      .flush(
        { message: "A user named 'mario.rossi' already exists" },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(await dialog.getContentText()).toContain("A user named 'mario.rossi' already exists");
    await dialog.close();
  });

  it('hides the companies for an administrator', async () => {
    await render([ADMIN]);
    const dialog = await openNewUserDialog();

    const role = await (await field(dialog, 'Ruolo')).getControl(MatSelectHarness);
    await role?.open();
    await role?.clickOptions({ text: 'Amministratore' });

    expect(
      await dialog.getAllHarnesses(
        MatFormFieldHarness.with({ floatingLabelText: 'Aziende assegnate' }),
      ),
    ).toHaveLength(0);
    await dialog.close();
  });

  it('changes only what the edit sends', async () => {
    await render([ADMIN, STAFF]);

    await (
      await loader.getHarness(
        MatButtonHarness.with({ selector: '[aria-label="Modifica l\'utente mario.rossi"]' }),
      )
    ).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Modifica utente');
    expect(
      await (await (await field(dialog, 'Nome utente')).getControl(MatInputHarness))?.isDisabled(),
    ).toBe(true);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpTesting.expectOne({ method: 'PATCH', url: `${USERS_URL}/2` });
    expect(request.request.body).toEqual({ role: 'staff', companyIds: [7] });
    request.flush(STAFF);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: USERS_URL }).flush([ADMIN, STAFF]);
    await settle();
  });

  it('deletes a user after confirmation', async () => {
    await render([ADMIN, STAFF]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Elimina' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('mario.rossi');
    expect(await dialog.getContentText()).toContain('le chiavi API che ha creato saranno revocate');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Elimina' }))).click();
    await settle();

    httpTesting
      .expectOne({ method: 'DELETE', url: `${USERS_URL}/2` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    httpTesting.expectOne({ method: 'GET', url: USERS_URL }).flush([ADMIN]);
    await settle();
    expect(await rows()).toHaveLength(1);
  });
});
