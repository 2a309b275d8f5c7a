import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { ClientResponse, CompanyResponse, PageResponse } from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { ExcludedClients } from './excluded-clients';

const EXCLUDED_URL = '/api/companies/7/reminder-settings/excluded-clients';
const CLIENTS_URL = '/api/companies/7/clients';

function client(id: number, displayName: string, remindersDisabled = false): ClientResponse {
  return {
    id,
    companyId: 7,
    kind: 'company',
    displayName,
    companyName: displayName,
    firstName: null,
    lastName: null,
    vatNumber: `0123456789${id}`,
    fiscalCode: null,
    recipientCode: null,
    pec: null,
    emails: [`info${id}@example.it`],
    phone: null,
    address: {} as ClientResponse['address'],
    language: 'it',
    remindersDisabled,
  };
}

function page(items: ClientResponse[], total = items.length): PageResponse<ClientResponse> {
  return { items, total, page: 1, pageSize: 10 };
}

describe('ExcludedClients', () => {
  let fixture: ComponentFixture<ExcludedClients>;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;
  let httpMock: HttpTestingController;

  function expectExcludedList(): TestRequest {
    return httpMock.expectOne(
      (request) => request.method === 'GET' && request.url === EXCLUDED_URL,
    );
  }

  function expectClientList(): TestRequest {
    return httpMock.expectOne((request) => request.method === 'GET' && request.url === CLIENTS_URL);
  }

  async function render(excluded: ClientResponse[]): Promise<void> {
    fixture = TestBed.createComponent(ExcludedClients);
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();

    const request = expectExcludedList();
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('10');
    request.flush(page(excluded));
    await fixture.whenStable();
  }

  async function openDialog(clients: ClientResponse[]): Promise<MatDialogHarness> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Escludi clienti' }))).click();
    await fixture.whenStable();

    const request = expectClientList();
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(page(clients));
    await fixture.whenStable();

    return documentLoader.getHarness(MatDialogHarness);
  }

  async function tableTexts(): Promise<string[][]> {
    const table = await loader.getHarness(MatTableHarness);

    return Promise.all((await table.getRows()).map((row) => row.getCellTextByIndex()));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ExcludedClients],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Without the exit animation the dialog closes, and reports it, right away.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi Srl' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
  });

  it('lists the excluded clients', async () => {
    await render([client(1, 'Bianchi Spa', true)]);

    const rows = await tableTexts();
    expect(rows).toEqual([['Bianchi Spa', '01234567891', 'info1@example.it', 'Elimina']]);
  });

  it('says when no client is excluded', async () => {
    await render([]);

    expect(fixture.nativeElement.textContent).toContain('Nessun cliente escluso');
  });

  it('sends DELETE with Elimina and reloads', async () => {
    await render([client(1, 'Bianchi Spa', true), client(2, 'Verdi Snc', true)]);

    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Elimina' }));
    expect(buttons).toHaveLength(2);
    await buttons[1].click();

    const request = httpMock.expectOne(`${EXCLUDED_URL}/2`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expectExcludedList().flush(page([client(1, 'Bianchi Spa', true)]));
    await fixture.whenStable();
    expect(await tableTexts()).toHaveLength(1);
  });

  it('shows a DELETE error', async () => {
    await render([client(1, 'Bianchi Spa', true)]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Elimina' }))).click();
    httpMock
      .expectOne(`${EXCLUDED_URL}/1`)
      .flush({ message: 'Client 1 not found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    const alert = fixture.nativeElement.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Elemento non trovato');
  });

  it('reloads when the tab becomes visible', async () => {
    await render([]);

    document.dispatchEvent(new Event('visibilitychange'));
    await fixture.whenStable();

    expectExcludedList().flush(page([client(3, 'Neri Srl', true)]));
    await fixture.whenStable();
    expect((await tableTexts())[0][0]).toBe('Neri Srl');
  });

  it('marks already excluded clients in the dialog', async () => {
    await render([client(1, 'Bianchi Spa', true)]);
    const dialog = await openDialog([client(1, 'Bianchi Spa', true), client(2, 'Verdi Snc')]);

    const checkboxes = await dialog.getAllHarnesses(MatCheckboxHarness);
    // Header "Seleziona tutti", then one per row.
    expect(await checkboxes[0].getLabelText()).toBe('Seleziona tutti');
    expect(await checkboxes[1].isChecked()).toBe(true);
    expect(await checkboxes[1].isDisabled()).toBe(true);
    expect(await checkboxes[2].isChecked()).toBe(false);
    expect(await checkboxes[2].isDisabled()).toBe(false);

    const table = await dialog.getHarness(MatTableHarness);
    const statuses = await Promise.all(
      (await table.getRows()).map(async (row) => (await row.getCellTextByColumnName())['status']),
    );
    expect(statuses).toEqual(['Già escluso', 'Attivi']);

    await dialog.close();
  });

  it('excludes the selected clients with POST', async () => {
    await render([]);
    const dialog = await openDialog([
      client(1, 'Bianchi Spa'),
      client(2, 'Verdi Snc'),
      client(3, 'Neri Srl'),
    ]);

    const submit = await dialog.getHarness(
      MatButtonHarness.with({ text: 'Escludi clienti selezionati' }),
    );
    expect(await submit.isDisabled()).toBe(true);

    const checkboxes = await dialog.getAllHarnesses(MatCheckboxHarness);
    await checkboxes[1].check();
    await checkboxes[3].check();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();

    const request = httpMock.expectOne(EXCLUDED_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ clientIds: [1, 3] });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(await documentLoader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expectExcludedList().flush(page([client(1, 'Bianchi Spa', true), client(3, 'Neri Srl', true)]));
    await fixture.whenStable();
    expect((await tableTexts()).map((row) => row[0])).toEqual(['Bianchi Spa', 'Neri Srl']);
  });

  it('selects the whole page with Seleziona tutti', async () => {
    await render([]);
    const dialog = await openDialog([
      client(1, 'Bianchi Spa', true),
      client(2, 'Verdi Snc'),
      client(3, 'Neri Srl'),
    ]);

    const selectAll = await dialog.getHarness(
      MatCheckboxHarness.with({ label: 'Seleziona tutti' }),
    );
    await selectAll.check();
    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Escludi clienti selezionati' }))
    ).click();

    // Client 1 is already excluded, so only the other two are sent.
    const request = httpMock.expectOne(EXCLUDED_URL);
    expect(request.request.body).toEqual({ clientIds: [2, 3] });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expectExcludedList().flush(page([]));
  });

  it('searches clients in the dialog', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await render([]);
      const dialog = await openDialog([client(1, 'Bianchi Spa'), client(2, 'Verdi Snc')]);

      const input = document.querySelector('.exclude-dialog-search input') as HTMLInputElement;
      input.value = 'verdi';
      input.dispatchEvent(new Event('input'));
      await vi.advanceTimersByTimeAsync(400);

      const request = expectClientList();
      expect(request.request.params.get('search')).toBe('verdi');
      expect(request.request.params.get('page')).toBe('1');
      request.flush(page([client(2, 'Verdi Snc')]));
      await fixture.whenStable();

      const table = await dialog.getHarness(MatTableHarness);
      expect(await table.getRows()).toHaveLength(1);
      await dialog.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
