import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { PageResponse, ReminderDispatchResponse } from '@solleciti/dto';

import { CompanyContext } from '../../core/company-context';
import { ReminderHistory } from './reminder-history';

const COMPANY_URL = '/api/companies/7';

function dispatch(overrides: Partial<ReminderDispatchResponse>): ReminderDispatchResponse {
  return {
    id: 1,
    companyId: 7,
    clientId: 11,
    clientName: 'Rossi Srl',
    invoiceId: 21,
    invoiceNumber: 'FT 12/2017',
    installmentId: 31,
    installmentPosition: 1,
    level: 1,
    dueDate: '2017-03-31',
    sendDay: '2017-03-28',
    processedDay: '2017-03-28',
    status: 'sent',
    reason: null,
    recipientCount: 2,
    attempts: 1,
    lastError: null,
    sentAt: '2017-03-28T07:05:00.000Z',
    nextAttemptAt: null,
    messageId: null,
    recipientErrors: [],
    ...overrides,
  };
}

function page(items: ReminderDispatchResponse[], total = items.length, pageNumber = 1): PageResponse<ReminderDispatchResponse> {
  return { items, total, page: pageNumber, pageSize: 25 };
}

describe('ReminderHistory', () => {
  let fixture: ComponentFixture<ReminderHistory>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReminderHistory],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CompanyContext, useValue: { apiUrl: (path = '') => `${COMPANY_URL}${path}`, currentId: signal(7) } },
      ],
    });
    fixture = TestBed.createComponent(ReminderHistory);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  // Harness actions wait for the app to be stable, which a pending request prevents, so the
  // request is flushed while the action that caused it is still running.
  async function answer(body: PageResponse<ReminderDispatchResponse> | null, status = 200) {
    const request = await nextRequest();
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await fixture.whenStable();

    return request.request.params;
  }

  async function nextRequest() {
    for (let attempt = 0; attempt < 50; attempt++) {
      TestBed.tick();
      const [request] = http.match((candidate) => candidate.url === `${COMPANY_URL}/reminders`);
      if (request) {
        return request;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`No request to ${COMPANY_URL}/reminders was sent`);
  }

  it('requests the first page with no filters', async () => {
    const params = await answer(page([]));

    expect(params.get('page')).toBe('1');
    expect(params.get('pageSize')).toBe('25');
    expect(params.has('status')).toBe(false);
    expect(params.has('from')).toBe(false);
  });

  it('renders Italian statuses and reasons', async () => {
    await answer(
      page([
        dispatch({ id: 1 }),
        dispatch({ id: 2, status: 'skipped', reason: 'no-email', recipientCount: 0, sentAt: null, level: 2 }),
        dispatch({ id: 3, status: 'skipped', reason: 'missed', sentAt: null, level: 3 }),
        dispatch({ id: 4, status: 'skipped', reason: 'excluded', sentAt: null }),
        dispatch({ id: 5, status: 'failed', lastError: 'SMTP 550 mailbox unavailable', attempts: 3, sentAt: null }),
        dispatch({ id: 6, status: 'sending', sentAt: null }),
      ]),
    );

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();

    expect(rows['status'].text).toEqual(['✓ Inviato', '⤼ Saltato', '⤼ Saltato', '⤼ Saltato', '✕ Non riuscito', '… In invio']);
    expect(rows['reason'].text).toEqual([
      '—',
      'Nessun indirizzo e-mail',
      'Giorno mancato',
      'Cliente escluso',
      'SMTP 550 mailbox unavailable (tentativi: 3)',
      '—',
    ]);
    expect(rows['level'].text.slice(0, 3)).toEqual(['1° sollecito', '2° sollecito', '3° sollecito']);
    expect(rows['day'].text[0]).toBe('28/03/2017 ore 09:05');
    expect(rows['position'].text[0]).toBe('1 scad. 31/03/2017');
    expect(rows['recipients'].text.slice(0, 2)).toEqual(['2', '0']);
  });

  it('explains retries, uncertain and rejected', async () => {
    await answer(
      page([
        dispatch({
          id: 1,
          status: 'retry',
          lastError: '451 4.3.0 Mailbox temporarily busy',
          nextAttemptAt: '2017-03-28T07:10:00.000Z',
          sentAt: null,
        }),
        dispatch({ id: 2, status: 'uncertain', reason: 'interrupted', messageId: '<a1@azienda.example>', sentAt: null }),
        dispatch({ id: 3, status: 'failed', reason: 'rejected', lastError: '554 5.7.1 Refused', attempts: 1, sentAt: null }),
        dispatch({
          id: 4,
          status: 'sent',
          recipientCount: 1,
          recipientErrors: [{ recipient: 'vecchio@cliente.example', response: '550 5.1.1 No such user', responseCode: 550 }],
        }),
      ]),
    );

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();

    expect(rows['status'].text).toEqual(['↻ In nuovo tentativo', '? Da verificare', '✕ Non riuscito', '✓ Inviato']);
    expect(rows['reason'].text[0]).toBe('451 4.3.0 Mailbox temporarily busy — prossimo tentativo 28/03/2017, 09:10');
    expect(rows['reason'].text[1]).toContain("Invio interrotto dall'arresto del programma.");
    expect(rows['reason'].text[1]).toContain('Message-ID <a1@azienda.example>');
    expect(rows['reason'].text[1]).toContain('Non verrà reinviato.');
    expect(rows['reason'].text[2]).toBe('Rifiutato dal server di posta: 554 5.7.1 Refused (tentativi: 1)');
    expect(rows['reason'].text[3]).toBe('— Indirizzi rifiutati: vecchio@cliente.example (550 5.1.1 No such user)');
  });

  it('applies the status query parameter', async () => {
    fixture.componentRef.setInput('status', 'failed');
    TestBed.tick();
    const live = http.match((candidate) => candidate.url === `${COMPANY_URL}/reminders`).filter((request) => !request.cancelled);

    expect(live).toHaveLength(1);
    expect(live[0].request.params.get('status')).toBe('failed');
    live[0].flush(page([]));
  });

  it('applies the rejectedRecipients query parameter', async () => {
    fixture.componentRef.setInput('status', 'sent');
    fixture.componentRef.setInput('rejectedRecipients', 'true');
    TestBed.tick();
    const live = http.match((candidate) => candidate.url === `${COMPANY_URL}/reminders`).filter((request) => !request.cancelled);

    expect(live).toHaveLength(1);
    expect(live[0].request.params.get('rejectedRecipients')).toBe('true');
    live[0].flush(page([]));
  });

  it('links client and invoice to their pages', async () => {
    await answer(page([dispatch({})]));

    const links = Array.from(fixture.nativeElement.querySelectorAll('td a') as NodeListOf<HTMLAnchorElement>);

    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/anagrafiche/clienti/11', '/fatture/21']);
  });

  it('sends the filters and goes back to page 1', async () => {
    await answer(page([dispatch({})], 60));

    const paginator = await loader.getHarness(MatPaginatorHarness);
    const [, secondPage] = await Promise.all([paginator.goToNextPage(), answer(page([dispatch({})], 60, 2))]);
    expect(secondPage.get('page')).toBe('2');

    const status = await loader.getHarness(MatSelectHarness);
    await status.open();
    await status.clickOptions({ text: 'Saltato' });
    const from = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="from"]' }));
    await from.setValue('2017-02-01');
    const to = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="to"]' }));
    await to.setValue('2017-02-28');
    const client = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="clientId"]' }));
    await client.setValue('11');
    const filter = await loader.getHarness(MatButtonHarness.with({ text: 'Filtra' }));
    const [, filtered] = await Promise.all([filter.click(), answer(page([]))]);
    expect(filtered.get('status')).toBe('skipped');
    expect(filtered.get('from')).toBe('2017-02-01');
    expect(filtered.get('to')).toBe('2017-02-28');
    expect(filtered.get('clientId')).toBe('11');
    expect(filtered.get('page')).toBe('1');
    expect(await (await loader.getHarness(MatTableHarness)).getRows()).toHaveLength(0);
    expect(fixture.nativeElement.textContent).toContain('Nessun sollecito trovato.');
  });

  it('changes the page size', async () => {
    await answer(page([dispatch({})], 60));

    const paginator = await loader.getHarness(MatPaginatorHarness);
    const [, params] = await Promise.all([paginator.setPageSize(50), answer(page([dispatch({})], 60))]);

    expect(params.get('pageSize')).toBe('50');
    expect(params.get('page')).toBe('1');
  });

  it('rejects an end date before the start date', async () => {
    await answer(page([]));

    const from = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="from"]' }));
    await from.setValue('2017-03-01');
    const to = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="to"]' }));
    await to.setValue('2017-02-01');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Filtra' }))).click();

    http.expectNone(`${COMPANY_URL}/reminders`);
    expect(fixture.nativeElement.textContent).toContain('La data finale precede quella iniziale.');
  });

  it('shows an error when the API fails', async () => {
    await answer(null, 500);

    expect(fixture.nativeElement.querySelector('[role="alert"]')?.textContent).toContain('Errore del server');
  });
});
