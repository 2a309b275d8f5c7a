import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { LOCALE_ID } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import type { CompanyResponse, InstallmentResponse } from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { DueDateDialog, DueDateDialogData } from './due-date-dialog';

const INSTALLMENT_URL = '/api/companies/7/installments/31';

const INSTALLMENT: InstallmentResponse = {
  id: 31,
  invoiceId: 5,
  position: 2,
  count: 3,
  dueDate: '2025-03-31',
  amountDue: '100.00',
  amountPaid: '0.00',
  residual: '100.00',
  paidOn: null,
  paymentMethod: 'MP05',
  paymentTerms: 'TP01',
  iban: null,
  status: 'open',
  noReminderReason: null,
};

describe('DueDateDialog', () => {
  let fixture: ComponentFixture<DueDateDialog>;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;
  const originalTimeZone = process.env['TZ'];

  beforeAll(() => {
    // East of UTC, local midnight is the previous day in UTC: the case where toISOString() shifts dates.
    process.env['TZ'] = 'Europe/Rome';
  });

  afterAll(() => {
    process.env['TZ'] = originalTimeZone;
  });

  async function dateInput(): Promise<MatDatepickerInputHarness> {
    return loader.getHarness(MatDatepickerInputHarness);
  }

  beforeEach(async () => {
    close = vi.fn();
    const data: DueDateDialogData = { installment: INSTALLMENT, invoiceNumber: 'FPR 12/25' };
    TestBed.configureTestingModule({
      imports: [DueDateDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNativeDateAdapter(),
        { provide: LOCALE_ID, useValue: 'it-IT' },
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const companyContext = TestBed.inject(CompanyContext);
    companyContext.companies.set([{ id: 7, name: 'Rossi Srl' } as CompanyResponse]);
    companyContext.loaded.set(true);
    httpMock = TestBed.inject(HttpTestingController);

    fixture = TestBed.createComponent(DueDateDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
  });

  it('runs in a time zone east of UTC', () => {
    expect(new Date(2025, 2, 30).toISOString().slice(0, 10)).toBe('2025-03-29');
  });

  it('shows the current due date as dd/MM/yyyy', async () => {
    expect(await (await dateInput()).getValue()).toBe('31/03/2025');
  });

  it('sends a typed date as YYYY-MM-DD without a day shift', async () => {
    const input = await dateInput();
    await input.setValue('30/03/2025');
    await input.blur();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    const request = httpMock.expectOne(INSTALLMENT_URL);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ dueDate: '2025-03-30' });

    const updated = { ...INSTALLMENT, dueDate: '2025-03-30' };
    request.flush(updated);
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('sends a date picked in the calendar without a day shift', async () => {
    const input = await dateInput();
    await input.openCalendar();
    const calendar = await input.getCalendar();
    await calendar.selectCell({ text: '1' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    expect(httpMock.expectOne(INSTALLMENT_URL).request.body).toEqual({ dueDate: '2025-03-01' });
  });

  it('rejects a date that does not exist', async () => {
    const input = await dateInput();
    await input.setValue('31/02/2025');
    await input.blur();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Salva' }))).click();

    httpMock.expectNone(INSTALLMENT_URL);
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Nuova scadenza' }));
    expect(await field.getTextErrors()).toEqual(['Data non valida: scrivila come gg/mm/aaaa']);
  });
});
