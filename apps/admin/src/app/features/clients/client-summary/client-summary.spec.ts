import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { InvoiceDetailResponse, InvoiceSummaryResponse, ReminderDispatchResponse } from '@solleciti/dto';

import { TEST_COMPANY_CONTEXT, testClient } from '../testing';
import { ClientSummary } from './client-summary';

const API = '/api/companies/3';

function invoice(id: number, residual: string): InvoiceSummaryResponse {
  return {
    id,
    companyId: 3,
    clientId: 7,
    clientName: 'Ferramenta Esempio S.r.l.',
    documentType: 'TD01',
    number: `FT-${id}`,
    date: '2025-01-15',
    currency: 'EUR',
    totalAmount: '1220.00',
    residual,
    sourceFileName: `IT01234567897_${id}.xml`,
  };
}

function detail(summary: InvoiceSummaryResponse): InvoiceDetailResponse {
  const installment = {
    invoiceId: summary.id,
    count: 2,
    amountDue: '610.00',
    paidOn: null,
    paymentMethod: 'MP05',
    paymentTerms: 'TP01',
    iban: null,
    noReminderReason: null,
  };

  return {
    ...summary,
    lines: [],
    vatSummary: [],
    causale: [],
    installments: [
      { ...installment, id: 1, position: 1, dueDate: '2025-02-28', amountPaid: '610.00', residual: '0.00', status: 'paid' },
      { ...installment, id: 2, position: 2, dueDate: '2025-03-31', amountPaid: '0.00', residual: '610.00', status: 'overdue' },
    ],
  };
}

const REMINDER: ReminderDispatchResponse = {
  id: 1,
  companyId: 3,
  clientId: 7,
  clientName: 'Ferramenta Esempio S.r.l.',
  invoiceId: 21,
  invoiceNumber: 'FT-21',
  installmentId: 2,
  installmentPosition: 2,
  level: 1,
  dueDate: '2025-03-31',
  sendDay: '2025-04-07',
  processedDay: '2025-04-07',
  status: 'sent',
  reason: null,
  recipientCount: 1,
  attempts: 1,
  lastError: null,
  sentAt: '2025-04-07T08:00:00.000Z',
  nextAttemptAt: null,
  messageId: null,
  recipientErrors: [],
};

async function setUp(remindersDisabled = false) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      TEST_COMPANY_CONTEXT,
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(ClientSummary);
  fixture.componentRef.setInput('id', '7');
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();

  http.expectOne(`${API}/clients/7`).flush(testClient({ remindersDisabled }));
  const invoices = [invoice(21, '610.00'), invoice(22, '0.00')];
  http
    .expectOne((request) => request.url === `${API}/invoices` && request.params.get('clientId') === '7')
    .flush({ items: invoices, total: 2, page: 1, pageSize: 200 });
  http
    .expectOne((request) => request.url === `${API}/reminders` && request.params.get('clientId') === '7')
    .flush({ items: [REMINDER], total: 1, page: 1, pageSize: 10 });
  http.expectOne(`${API}/invoices/21`).flush(detail(invoices[0]));
  await fixture.whenStable();

  return { fixture, loader, http };
}

describe('ClientSummary', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists only invoices with money due', async () => {
    const { loader } = await setUp();

    const table = await loader.getHarness(MatTableHarness.with({ selector: '.summary-invoices' }));
    const cells = await table.getCellTextByColumnName();

    expect(cells['number'].text).toEqual(['FT-21']);
    expect(cells['date'].text).toEqual(['15/01/2025']);
    expect(cells['residual'].text[0]).toMatch(/^610,00\s€$/);
    expect(cells['nextDueDate'].text).toEqual(['31/03/2025 scaduta']);
  });

  it('lists the reminders received', async () => {
    const { loader } = await setUp();

    const table = await loader.getHarness(MatTableHarness.with({ selector: '.summary-reminders' }));
    const [row] = await table.getRows();

    expect(await row.getCellTextByColumnName()).toEqual({
      day: '07/04/2025',
      invoice: 'FT-21',
      installment: '2',
      level: '1',
      status: 'Inviato',
    });
  });

  it('excludes the client from reminders', async () => {
    const { loader, http, fixture } = await setUp();
    const state = () => fixture.nativeElement.querySelector('[data-testid="reminders-state"]').textContent.trim();
    expect(state()).toBe('Attivi');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Non inviare solleciti' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: `${API}/clients/7` });
    expect(request.request.body).toEqual({ remindersDisabled: true });
    request.flush(testClient({ remindersDisabled: true }));
    await fixture.whenStable();

    expect(state()).toBe('Esclusi');
    expect(await loader.getHarness(MatButtonHarness.with({ text: 'Riattiva i solleciti' }))).toBeTruthy();
  });

  it('explains why a client with invoices is not deleted', async () => {
    const { loader, http, fixture } = await setUp();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Elimina' }))).click();
    const rootLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await rootLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Elimina' }))).click();
    await fixture.whenStable();

    http
      .expectOne({ method: 'DELETE', url: `${API}/clients/7` })
      .flush(
        { statusCode: 409, message: "Client '7' has 2 invoice(s) and cannot be deleted" },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    const alert = fixture.nativeElement.querySelector('[role="alert"]').textContent;
    expect(alert).toContain('ha delle fatture registrate e non può essere eliminato');
    expect(alert).toContain('Non inviare solleciti');
  });
});
