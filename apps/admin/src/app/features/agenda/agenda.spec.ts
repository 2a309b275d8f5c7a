import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';

import { CompanyContext } from '../../core/company-context';
import { Agenda } from './agenda';
import { AgendaInstallment, UpcomingDay } from './agenda-data';
import { AGENDA_TODAY } from './agenda-today';

const COMPANY_URL = '/api/companies/7';

function installment(overrides: Partial<AgendaInstallment>): AgendaInstallment {
  return {
    id: 1,
    invoiceId: 21,
    invoiceNumber: 'FT 5',
    clientId: 11,
    clientName: 'Rossi Srl',
    position: 1,
    count: 1,
    dueDate: '2017-03-31',
    amountDue: '1220.00',
    amountPaid: '0.00',
    residual: '1220.00',
    status: 'open',
    noReminderReason: null,
    ...overrides,
  };
}

const EMPTY_TOMORROW: UpcomingDay = { date: '2017-03-16', due: 0, items: [], remindersEnabled: true };

/** Returns the response body for a request; an Error makes the request fail with 404. */
type Responder = (request: TestRequest) => unknown;

describe('Agenda', () => {
  let fixture: ComponentFixture<Agenda>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let requests: TestRequest[];

  function setUp(today: string, month?: string) {
    TestBed.configureTestingModule({
      imports: [Agenda],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AGENDA_TODAY, useValue: () => today },
        { provide: CompanyContext, useValue: { apiUrl: (path = '') => `${COMPANY_URL}${path}`, currentId: signal(7) } },
      ],
    });
    fixture = TestBed.createComponent(Agenda);
    if (month) {
      fixture.componentRef.setInput('mese', month);
    }
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    requests = [];
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  // Harness actions wait for stability, which pending requests prevent, so every request is
  // flushed as soon as it is sent, until none has come for a few rounds.
  async function answerAll(respond: Responder) {
    let quietRounds = 0;
    while (quietRounds < 5) {
      TestBed.tick();
      const open = http.match(() => true);
      quietRounds = open.length === 0 ? quietRounds + 1 : 0;
      for (const request of open) {
        requests.push(request);
        const body = respond(request);
        if (body instanceof Error) {
          request.flush(null, { status: 404, statusText: 'Not Found' });
        } else {
          request.flush(body as object);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await fixture.whenStable();
  }

  function requestTo(path: string): TestRequest | undefined {
    return requests.find((request) => request.request.url === `${COMPANY_URL}${path}`);
  }

  function cell(date: string): HTMLElement {
    const element = fixture.nativeElement.querySelector(`[data-date="${date}"]`);
    if (!element) {
      throw new Error(`No day cell for ${date}`);
    }

    return element;
  }

  it('places installments and reminders on their days', async () => {
    setUp('2017-03-15', '2017-03');
    await answerAll((request) => {
      switch (request.request.url) {
        case `${COMPANY_URL}/installments`:
          return [
            installment({ id: 1, dueDate: '2017-03-31' }),
            installment({ id: 2, dueDate: '2017-03-01', status: 'paid', invoiceNumber: 'FT 2' }),
            installment({ id: 3, dueDate: '2017-03-10', status: 'overdue', invoiceNumber: 'FT 3', position: 2, count: 3 }),
          ];
        case `${COMPANY_URL}/reminders/calendar`:
          return {
            days: [
              { date: '2017-03-28', due: 1, items: [upcoming({ level: 1 })] },
              { date: '2017-03-31', due: 0, items: [upcoming({ level: 2, status: 'skipped', reason: 'no-email' })] },
            ],
          };
        case `${COMPANY_URL}/reminders`:
          return { items: [sentReminder()], total: 1, page: 1, pageSize: 200 };
        case `${COMPANY_URL}/reminders/upcoming`:
          return EMPTY_TOMORROW;
        default:
          throw new Error(`Unexpected request ${request.request.urlWithParams}`);
      }
    });

    expect(fixture.nativeElement.querySelector('h2.agenda-month-title').textContent.trim()).toBe('Marzo 2017');
    expect(requestTo('/installments')?.request.params.get('from')).toBe('2017-02-27');
    expect(requestTo('/installments')?.request.params.get('to')).toBe('2017-04-02');
    expect(requestTo('/reminders/calendar')?.request.params.get('from')).toBe('2017-03-16');
    expect(requestTo('/reminders/calendar')?.request.params.get('to')).toBe('2017-04-02');
    expect(requestTo('/reminders')?.request.params.get('to')).toBe('2017-03-15');

    expect(cell('2017-03-31').textContent).toContain('FT 5');
    expect(cell('2017-03-31').textContent).toContain('Da pagare');
    expect(cell('2017-03-31').textContent).toContain('2° sollecito saltato (Nessun indirizzo e-mail) · FT 5 · Rossi Srl');
    expect(cell('2017-03-30').textContent).not.toContain('FT 5');
    expect(cell('2017-04-01').textContent).not.toContain('FT 5');
    expect(cell('2017-03-01').textContent).toContain('Pagata');
    expect(cell('2017-03-01').textContent).toContain('1° sollecito inviato · FT 5 · Rossi Srl');
    expect(cell('2017-03-10').textContent).toContain('Scaduta');
    expect(cell('2017-03-10').textContent).toContain('rata 2/3');
    expect(cell('2017-03-28').textContent).toContain('1° sollecito da inviare · FT 5');
    expect(cell('2017-03-31').querySelector('.agenda-state-open')).not.toBeNull();
  });

  it('places a due date on 29 February', async () => {
    setUp('2017-03-15', '2016-02');
    await answerAll((request) =>
      request.request.url === `${COMPANY_URL}/installments`
        ? { items: [installment({ dueDate: '2016-02-29', invoiceNumber: 'FT 29' })] }
        : request.request.url === `${COMPANY_URL}/reminders/upcoming`
          ? EMPTY_TOMORROW
          : { items: [], total: 0, page: 1, pageSize: 200 },
    );

    expect(requestTo('/reminders/calendar')).toBeUndefined();
    expect(requestTo('/installments')?.request.params.get('to')).toBe('2016-03-06');
    expect(cell('2016-02-29').textContent).toContain('FT 29');
    expect(cell('2016-02-28').textContent).not.toContain('FT 29');
    expect(cell('2016-03-01').textContent).not.toContain('FT 29');
    // 29 February 2016 was a Monday, so it starts the grid's fifth row.
    const cells = Array.from(fixture.nativeElement.querySelectorAll('[data-date]') as NodeListOf<HTMLElement>);
    expect(cells.findIndex((element) => element.dataset['date'] === '2016-02-29') % 7).toBe(0);

    const weekdays = Array.from(fixture.nativeElement.querySelectorAll('.month-weekday') as NodeListOf<HTMLElement>);
    expect(weekdays.map((element) => element.textContent?.trim())).toEqual(['Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab', 'Dom']);
  });

  it('switches to the list view', async () => {
    setUp('2017-03-15', '2016-02');
    const respond: Responder = (request) =>
      request.request.url === `${COMPANY_URL}/installments`
        ? [installment({ dueDate: '2016-02-29', invoiceNumber: 'FT 29' })]
        : request.request.url === `${COMPANY_URL}/reminders/upcoming`
          ? EMPTY_TOMORROW
          : { items: [], total: 0, page: 1, pageSize: 200 };
    await answerAll(respond);

    const toggle = await loader.getHarness(MatButtonToggleGroupHarness);
    const [, listButton] = await toggle.getToggles();
    await listButton.check();

    const sections = fixture.nativeElement.querySelectorAll('sol-agenda-list section');
    expect(sections).toHaveLength(1);
    expect(sections[0].querySelector('h3').textContent.trim()).toBe('Lunedì 29 febbraio 2016');
    expect(sections[0].textContent).toContain('FT 29');
  });

  it('moves to the next month', async () => {
    setUp('2017-03-15', '2017-02');
    const respond: Responder = (request) =>
      request.request.url === `${COMPANY_URL}/installments`
        ? []
        : request.request.url === `${COMPANY_URL}/reminders/upcoming`
          ? EMPTY_TOMORROW
          : request.request.url === `${COMPANY_URL}/reminders/calendar`
            ? { days: [] }
            : { items: [], total: 0, page: 1, pageSize: 200 };
    await answerAll(respond);
    requests = [];

    const next = await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Mese successivo"]' }));
    await Promise.all([next.click(), answerAll(respond)]);

    expect(fixture.nativeElement.querySelector('h2.agenda-month-title').textContent.trim()).toBe('Marzo 2017');
    expect(requestTo('/installments')?.request.params.get('from')).toBe('2017-02-27');
  });

  it('falls back to one dry run per day', async () => {
    setUp('2017-03-29', '2017-03');
    await answerAll((request) => {
      switch (request.request.url) {
        case `${COMPANY_URL}/installments`:
          return [];
        case `${COMPANY_URL}/reminders/calendar`:
          return new Error('missing route');
        case `${COMPANY_URL}/reminders/upcoming`: {
          const date = request.request.params.get('date') ?? '2017-03-30';

          return { date, due: 1, items: date === '2017-03-31' ? [upcoming({ level: 3 })] : [] };
        }
        default:
          return { items: [], total: 0, page: 1, pageSize: 200 };
      }
    });

    const perDay = requests.filter((request) => request.request.params.has('date')).map((request) => request.request.params.get('date'));
    expect(perDay.sort()).toEqual(['2017-03-30', '2017-03-31', '2017-04-01', '2017-04-02']);
    expect(cell('2017-03-31').textContent).toContain('3° sollecito');
  });

  it('shows what tomorrow’s sweep will send', async () => {
    setUp('2017-03-15', '2017-03');
    await answerAll((request) => {
      switch (request.request.url) {
        case `${COMPANY_URL}/reminders/upcoming`:
          return {
            date: '2017-03-16',
            due: 2,
            remindersEnabled: true,
            items: [
              upcoming({ clientName: 'Rossi Srl', invoiceNumber: 'FT 5', level: 1, dueDate: '2017-03-19' }),
              upcoming({ clientName: 'Bianchi SpA', invoiceNumber: 'FT 8', level: 2, dueDate: '2017-03-09', installmentId: 40 }),
              upcoming({ clientName: 'Verdi', invoiceNumber: 'FT 9', level: 1, status: 'skipped', reason: 'excluded', installmentId: 41 }),
            ],
          };
        case `${COMPANY_URL}/installments`:
          return [];
        case `${COMPANY_URL}/reminders/calendar`:
          return { days: [] };
        default:
          return { items: [], total: 0, page: 1, pageSize: 200 };
      }
    });

    const upcomingRequest = requestTo('/reminders/upcoming');
    expect(upcomingRequest?.request.params.keys()).toEqual([]);
    expect(fixture.nativeElement.querySelector('#tomorrow-heading').textContent).toContain('Domani partiranno 2 solleciti');

    const table = await loader.getHarness(MatTableHarness.with({ selector: '.tomorrow-table' }));
    const rows = await table.getCellTextByIndex();
    expect(rows).toEqual([
      ['Rossi Srl', 'FT 5', '19/03/2017', '1° sollecito', '✓ Sarà inviato'],
      ['Bianchi SpA', 'FT 8', '09/03/2017', '2° sollecito', '✓ Sarà inviato'],
      ['Verdi', 'FT 9', '31/03/2017', '1° sollecito', '⤼ Sarà saltato, Cliente escluso'],
    ]);
  });

  it('uses the singular for one reminder', async () => {
    setUp('2017-03-15', '2017-03');
    await answerAll((request) =>
      request.request.url === `${COMPANY_URL}/reminders/upcoming`
        ? { date: '2017-03-16', due: 1, remindersEnabled: true, items: [upcoming({})] }
        : request.request.url === `${COMPANY_URL}/installments`
          ? []
          : request.request.url === `${COMPANY_URL}/reminders/calendar`
            ? { days: [] }
            : { items: [], total: 0, page: 1, pageSize: 200 },
    );

    expect(fixture.nativeElement.querySelector('#tomorrow-heading').textContent).toContain('Domani partirà 1 sollecito');
  });
});

function upcoming(overrides: Partial<UpcomingDay['items'][number]>): UpcomingDay['items'][number] {
  return {
    installmentId: 1,
    invoiceId: 21,
    invoiceNumber: 'FT 5',
    clientId: 11,
    clientName: 'Rossi Srl',
    level: 1,
    dueDate: '2017-03-31',
    status: 'due',
    reason: null,
    recipientCount: 1,
    ...overrides,
  };
}

function sentReminder() {
  return {
    id: 9,
    companyId: 7,
    clientId: 11,
    clientName: 'Rossi Srl',
    invoiceId: 21,
    invoiceNumber: 'FT 5',
    installmentId: 1,
    installmentPosition: 1,
    level: 1,
    dueDate: '2017-03-04',
    sendDay: '2017-03-01',
    processedDay: '2017-03-01',
    status: 'sent',
    reason: null,
    recipientCount: 1,
    attempts: 1,
    lastError: null,
    sentAt: '2017-03-01T07:00:00.000Z',
    nextAttemptAt: null,
    messageId: null,
    recipientErrors: [],
  };
}
