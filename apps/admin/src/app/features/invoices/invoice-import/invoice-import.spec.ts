import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { provideRouter } from '@angular/router';
import type { CompanyResponse, ImportResponse } from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { InvoiceImport } from './invoice-import';

const IMPORT_URL = '/api/companies/7/invoices/import';

const RESPONSE: ImportResponse = {
  files: [
    {
      fileName: 'IT01234567890_FPA02.xml',
      status: 'imported',
      invoices: [
        { id: 41, documentType: 'TD01', number: '123', date: '2025-03-01' },
        { id: 42, documentType: 'TD04', number: '124', date: '2025-03-02' },
      ],
      companyId: 7,
      message: 'Imported 2 invoices.',
      reason: null,
      element: null,
    },
    {
      fileName: 'IT01234567890_FPA03.xml',
      status: 'already-imported',
      invoices: [],
      companyId: 7,
      message: 'The file was imported before.',
      reason: null,
      element: null,
    },
    {
      fileName: 'IT01234567890_FPA04.xml',
      status: 'conflict',
      invoices: [],
      companyId: 7,
      message: 'Invoice 77 of 2025 exists with other content.',
      reason: 'conflict',
      element: null,
    },
    {
      fileName: 'broken.xml',
      status: 'rejected',
      invoices: [],
      companyId: null,
      message: 'ImportoTotaleDocumento is not a number.',
      reason: 'invalid-value',
      element: 'ImportoTotaleDocumento',
    },
  ],
  imported: 1,
  alreadyImported: 1,
  conflicts: 1,
  rejected: 1,
};

describe('InvoiceImport', () => {
  let fixture: ComponentFixture<InvoiceImport>;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  function pickFiles(files: File[]): void {
    const input = fixture.nativeElement.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  function resultRows(): HTMLElement[] {
    return Array.from(fixture.nativeElement.querySelectorAll('[data-testid="import-result"]'));
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InvoiceImport],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi Srl' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpMock = TestBed.inject(HttpTestingController);

    fixture = TestBed.createComponent(InvoiceImport);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
  });

  it('lists picked files and ignores other types', async () => {
    pickFiles([
      new File(['<a/>'], 'IT01234567890_FPA02.xml'),
      new File(['x'], 'IT01234567890_FPA05.xml.p7m'),
      new File(['x'], 'notes.pdf'),
    ]);
    await fixture.whenStable();

    const names = Array.from(fixture.nativeElement.querySelectorAll('.import-file-name')).map((node) => (node as HTMLElement).textContent);
    expect(names).toEqual(['IT01234567890_FPA02.xml', 'IT01234567890_FPA05.xml.p7m']);
    expect(fixture.nativeElement.textContent).toContain('File ignorati perché non sono .xml o .p7m: notes.pdf');
  });

  it('shows upload progress, then one row per file', async () => {
    pickFiles([new File(['<a/>'], 'IT01234567890_FPA02.xml'), new File(['<b/>'], 'broken.xml')]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Importa' }))).click();
    const request = httpMock.expectOne(IMPORT_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.reportProgress).toBe(true);
    const body = request.request.body as FormData;
    expect(body.getAll('files').map((file) => (file as File).name)).toEqual(['IT01234567890_FPA02.xml', 'broken.xml']);

    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await fixture.whenStable();
    const uploading = await loader.getHarness(MatProgressBarHarness);
    expect(await uploading.getMode()).toBe('determinate');
    expect(await uploading.getValue()).toBe(40);
    expect(fixture.nativeElement.textContent).toContain('Caricamento dei file: 40%');

    request.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    await fixture.whenStable();
    const processing = await loader.getHarness(MatProgressBarHarness);
    expect(await processing.getMode()).toBe('indeterminate');
    expect(fixture.nativeElement.textContent).toContain('Lettura delle fatture in corso…');

    request.flush(RESPONSE);
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(0);
    const rows = resultRows();
    expect(rows).toHaveLength(4);
    expect(rows[0].textContent).toContain('Importata');
    expect(rows[0].textContent).toContain('2 fatture importate');
    expect(rows[0].textContent).toContain('Fattura 123');
    expect(rows[0].textContent).toContain('Nota di credito 124');
    expect(rows[1].textContent).toContain('Già importata');
    expect(rows[2].textContent).toContain('In conflitto');
    expect(rows[2].textContent).toContain('Invoice 77 of 2025 exists with other content.');
    expect(rows[3].textContent).toContain('Scartata');
    expect(rows[2].textContent).toContain('Nessuna fattura di questo file è stata importata.');
    expect(rows[3].textContent).toContain('Un dato della fattura non è valido');
    expect(rows[3].textContent).toContain('Dettaglio tecnico: ImportoTotaleDocumento is not a number.');
    expect(rows[3].textContent).toContain('Elemento: ImportoTotaleDocumento');
    expect(fixture.nativeElement.textContent).toContain('Importati: 1 · Già importati: 1 · In conflitto: 1 · Scartati: 1');
  });

  it('shows an Italian error when the upload fails', async () => {
    pickFiles([new File(['<a/>'], 'big.xml')]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Importa' }))).click();
    httpMock.expectOne(IMPORT_URL).flush({ statusCode: 413, message: 'File too large' }, { status: 413, statusText: 'Payload Too Large' });
    await fixture.whenStable();

    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain('Importazione non riuscita. Il file è troppo grande.');
    expect(resultRows()).toHaveLength(0);
  });
});
