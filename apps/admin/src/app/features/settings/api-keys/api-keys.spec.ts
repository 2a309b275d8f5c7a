import { Clipboard } from '@angular/cdk/clipboard';
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
import { MatTableHarness } from '@angular/material/table/testing';
import type { ApiKeyResponse, CompanyResponse, CreatedApiKeyResponse } from '@solleciti/dto';
import { vi } from 'vitest';

import { CompanyContext } from '../../../core/company-context';
import { ApiKeys } from './api-keys';

const KEYS_URL = '/api/companies/7/api-keys';
const FULL_KEY = 'sk_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv1';

const GESTIONALE: ApiKeyResponse = {
  id: 3,
  name: 'Gestionale contabile',
  prefix: 'sk_Ab12Cd34',
  createdAt: '2025-06-01T08:30:00.000Z',
  createdBy: 'mario.rossi',
  lastUsedAt: null,
};

describe('ApiKeys', () => {
  let fixture: ComponentFixture<ApiKeys>;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;
  let httpTesting: HttpTestingController;

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(keys: ApiKeyResponse[]): Promise<void> {
    fixture = TestBed.createComponent(ApiKeys);
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: KEYS_URL }).flush(keys);
    await settle();
  }

  async function nameField(): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Nome della chiave' }));
  }

  async function rows(): Promise<string[][]> {
    const table = await loader.getHarness(MatTableHarness);

    return Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()));
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
    companyContext.companies.set([{ id: 7, name: 'Rossi S.r.l.' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('lists the keys with prefix and last use', async () => {
    await render([GESTIONALE]);

    const [row] = await rows();
    expect(row[0]).toBe('Gestionale contabile');
    expect(row[1]).toBe('sk_Ab12Cd34…');
    expect(row[4]).toBe('Mai usata');
    expect(row[5]).toBe('Revoca');
  });

  it('shows the creator of each key', async () => {
    await render([GESTIONALE, { ...GESTIONALE, id: 2, name: 'Vecchia chiave', createdBy: null }]);

    const table = await loader.getHarness(MatTableHarness);
    const [header] = await table.getHeaderRows();
    expect((await header.getCellTextByIndex())[2]).toBe('Creata da');
    const [withCreator, withoutCreator] = await rows();
    expect(withCreator[2]).toBe('mario.rossi');
    expect(withoutCreator[2]).toBe('—');
  });

  it('shows times day first in Europe/Rome', async () => {
    // 23:05 UTC on 31 December is already 00:05 on 1 January in Rome, whatever the test machine's zone.
    await render([
      {
        ...GESTIONALE,
        createdAt: '2025-12-31T23:05:00.000Z',
        lastUsedAt: '2026-07-01T16:45:00.000Z',
      },
    ]);

    const [row] = await rows();
    expect(row[3]).toBe('01/01/2026, 00:05');
    expect(row[4]).toBe('01/07/2026, 18:45');
  });

  it('says when there is no key', async () => {
    await render([]);

    expect(fixture.nativeElement.textContent).toContain('Nessuna chiave API');
  });

  it('requires a name', async () => {
    await render([]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Crea chiave' }))).click();

    expect(await (await nameField()).getTextErrors()).toEqual(['Inserisci un nome per la chiave']);
  });

  it('shows a new key once with a copy button', async () => {
    await render([]);
    const copy = vi.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);
    const input = await (await nameField()).getControl(MatInputHarness);
    await input?.setValue('Gestionale contabile');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Crea chiave' }))).click();
    const request = httpTesting.expectOne({ method: 'POST', url: KEYS_URL });
    expect(request.request.body).toEqual({ name: 'Gestionale contabile' });
    const created: CreatedApiKeyResponse = { ...GESTIONALE, key: FULL_KEY };
    request.flush(created);
    await settle();
    httpTesting.expectOne({ method: 'GET', url: KEYS_URL }).flush([GESTIONALE]);
    await settle();

    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Chiave API creata');
    const text = await dialog.getContentText();
    expect(text).toContain(FULL_KEY);
    expect(text).toContain('non sarà più mostrata');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Copia chiave' }))).click();
    expect(copy).toHaveBeenCalledWith(FULL_KEY);
    expect(await dialog.getContentText()).toContain('Chiave copiata negli appunti.');

    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Ho copiato la chiave' }))
    ).click();
    expect(await documentLoader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(fixture.nativeElement.textContent).not.toContain(FULL_KEY);
  });

  it('revokes a key after confirmation', async () => {
    await render([GESTIONALE]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoca' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('Gestionale contabile');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Revoca' }))).click();
    await settle();

    httpTesting
      .expectOne({ method: 'DELETE', url: `${KEYS_URL}/3` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    httpTesting.expectOne({ method: 'GET', url: KEYS_URL }).flush([]);
    await settle();
    expect(fixture.nativeElement.textContent).toContain('Nessuna chiave API');
  });

  it('keeps a key when the revocation is cancelled', async () => {
    await render([GESTIONALE]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoca' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Annulla' }))).click();
    await settle();

    httpTesting.expectNone({ method: 'DELETE' });
    expect(await rows()).toHaveLength(1);
  });
});
