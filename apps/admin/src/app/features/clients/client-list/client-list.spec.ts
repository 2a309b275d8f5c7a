import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { FileDownload } from '../../../core/file-download';
import { TEST_COMPANY_CONTEXT, testClient } from '../testing';
import { ClientList } from './client-list';

const LIST_URL = '/api/companies/3/clients';
const EXPORT_URL = '/api/companies/3/clients/export.csv';

/** Records downloads, because jsdom has no URL.createObjectURL and cannot save files. */
class RecordingFileDownload {
  readonly saved: Array<{ blob: Blob; fileName: string }> = [];

  save(blob: Blob, fileName: string): void {
    this.saved.push({ blob, fileName });
  }
}

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      TEST_COMPANY_CONTEXT,
      { provide: FileDownload, useClass: RecordingFileDownload },
    ],
  });
  const fixture = TestBed.createComponent(ClientList);
  const http = TestBed.inject(HttpTestingController);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  fixture.detectChanges();
  TestBed.tick();

  return { fixture, http, loader };
}

function expectListRequest(http: HttpTestingController) {
  return http.expectOne((request) => request.url === LIST_URL);
}

describe('ClientList', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('requests the first page sorted by name', () => {
    const { http } = setUp();

    const request = expectListRequest(http);

    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('25');
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('direction')).toBe('asc');
    expect(request.request.params.has('search')).toBe(false);
    request.flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('shows kind, identifier and reminders state', async () => {
    const { http, loader } = setUp();
    expectListRequest(http).flush({
      items: [
        testClient(),
        testClient({
          id: 8,
          kind: 'person',
          displayName: 'Prova Esempio',
          vatNumber: null,
          fiscalCode: 'SMPPRV80H55H501P',
          remindersDisabled: true,
        }),
      ],
      total: 2,
      page: 1,
      pageSize: 25,
    });

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();

    expect(rows['name'].text).toEqual(['Ferramenta Esempio S.r.l.', 'Prova Esempio']);
    expect(rows['identifier'].text).toEqual(['IT01234567897', 'SMPPRV80H55H501P']);
    expect(rows['kind'].text).toEqual(['Azienda', 'Privato']);
    expect(rows['email'].text[0]).toBe('amministrazione@example.it');
    const chips = await loader.getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['Attivi', 'Esclusi']);
  });

  it('sends the search after the debounce', async () => {
    const { http, loader } = setUp();
    expectListRequest(http).flush({ items: [testClient()], total: 60, page: 1, pageSize: 25 });

    const search = await loader.getHarness(MatInputHarness.with({ selector: 'input[type="search"]' }));
    await search.setValue('ferr');
    await new Promise((resolve) => setTimeout(resolve, 350));
    TestBed.tick();

    const request = expectListRequest(http);
    expect(request.request.params.get('search')).toBe('ferr');
    expect(request.request.params.get('page')).toBe('1');
    request.flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('sends the sort direction of the name header', async () => {
    const { http, loader } = setUp();
    expectListRequest(http).flush({ items: [testClient()], total: 1, page: 1, pageSize: 25 });

    const sort = await loader.getHarness(MatSortHarness);
    const [nameHeader] = await sort.getSortHeaders({ label: 'Nome' });
    await nameHeader.click();
    TestBed.tick();

    const request = expectListRequest(http);
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('direction')).toBe('desc');
    request.flush({ items: [testClient()], total: 1, page: 1, pageSize: 25 });
  });

  it('sends the page chosen in the paginator', async () => {
    const { http, loader } = setUp();
    expectListRequest(http).flush({ items: [testClient()], total: 60, page: 1, pageSize: 25 });

    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    TestBed.tick();

    const request = expectListRequest(http);
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('pageSize')).toBe('25');
    request.flush({ items: [testClient()], total: 60, page: 2, pageSize: 25 });
  });

  it('shows markup in names as text', async () => {
    const { fixture, http, loader } = setUp();
    const hostile = '<img src="x" onerror="alert(1)"><script>alert(2)</script><b>Rossi</b>';
    const unicode = 'Bianchi \u202Egpj.exe\u202C Srl\u200B 😀 Caffe\u0301';
    expectListRequest(http).flush({
      items: [testClient({ displayName: hostile }), testClient({ id: 8, displayName: unicode })],
      total: 2,
      page: 1,
      pageSize: 25,
    });
    fixture.detectChanges();

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    const root = fixture.nativeElement as HTMLElement;

    expect(rows['name'].text).toEqual([hostile, unicode]);
    expect(root.querySelector('table img')).toBeNull();
    expect(root.querySelector('table script')).toBeNull();
    expect(root.querySelector('table b')).toBeNull();
    expect(root.querySelector('.clients-name-link')?.textContent).toBe(hostile);
  });

  it('exports the CSV with the current search', async () => {
    const { http, loader } = setUp();
    expectListRequest(http).flush({ items: [testClient()], total: 1, page: 1, pageSize: 25 });
    const search = await loader.getHarness(MatInputHarness.with({ selector: 'input[type="search"]' }));
    await search.setValue('ferr');
    await new Promise((resolve) => setTimeout(resolve, 350));
    TestBed.tick();
    expectListRequest(http).flush({ items: [testClient()], total: 1, page: 1, pageSize: 25 });

    const button = await loader.getHarness(MatButtonHarness.with({ text: 'Esporta CSV' }));
    await button.click();
    const request = http.expectOne((candidate) => candidate.url === EXPORT_URL);
    expect(request.request.params.get('search')).toBe('ferr');
    expect(request.request.responseType).toBe('blob');
    expect(await button.isDisabled()).toBe(true);
    const csv = new Blob(['\uFEFFNome;Tipo\r\n'], { type: 'text/csv' });
    request.flush(csv, {
      headers: { 'Content-Disposition': 'attachment; filename="clienti-2025-03-01.csv"' },
    });

    const download = TestBed.inject(FileDownload) as unknown as RecordingFileDownload;
    expect(download.saved).toHaveLength(1);
    expect(download.saved[0].fileName).toBe('clienti-2025-03-01.csv');
    expect(download.saved[0].blob).toBe(csv);
    expect(await button.isDisabled()).toBe(false);
  });

  it('shows why the export failed', async () => {
    const { fixture, http, loader } = setUp();
    expectListRequest(http).flush({ items: [testClient()], total: 1, page: 1, pageSize: 25 });

    const button = await loader.getHarness(MatButtonHarness.with({ text: 'Esporta CSV' }));
    await button.click();
    http.expectOne((candidate) => candidate.url === EXPORT_URL).flush(new Blob([]), { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Elemento non trovato');
    expect((TestBed.inject(FileDownload) as unknown as RecordingFileDownload).saved).toHaveLength(0);
  });
});
