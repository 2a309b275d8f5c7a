import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { LOCALE_ID } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { CompanyResponse, InstallmentResponse } from '@solleciti/dto';

import { CompanyContext } from '../../../core/company-context';
import { PaymentDialog, PaymentDialogData } from './payment-dialog';

const PAYMENTS_URL = '/api/companies/7/installments/31/payments';

const INSTALLMENT: InstallmentResponse = {
  id: 31,
  invoiceId: 5,
  position: 1,
  count: 2,
  dueDate: '2025-03-31',
  amountDue: '2500.00',
  amountPaid: '0.00',
  residual: '2500.00',
  paidOn: null,
  paymentMethod: 'MP05',
  paymentTerms: 'TP01',
  iban: null,
  status: 'open',
  noReminderReason: null,
};

describe('PaymentDialog', () => {
  let fixture: ComponentFixture<PaymentDialog>;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(amount: string, paidOn: string): Promise<void> {
    const amountInput = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="payment-amount"]' }));
    await amountInput.setValue(amount);
    await amountInput.blur();
    const dateInput = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="payment-date"]' }));
    await dateInput.setValue(paidOn);
    await dateInput.blur();
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Registra' }))).click();
  }

  beforeEach(async () => {
    close = vi.fn();
    const data: PaymentDialogData = { installment: INSTALLMENT, invoiceNumber: 'FPR 12/25', currency: 'EUR' };
    TestBed.configureTestingModule({
      imports: [PaymentDialog],
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

    fixture = TestBed.createComponent(PaymentDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    httpMock.verify();
  });

  it('prefills the residual in Italian format', async () => {
    const amountInput = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="payment-amount"]' }));

    expect(await amountInput.getValue()).toBe('2.500,00');
  });

  it('posts "1.234,56" as "1234.56" with the plain date', async () => {
    await fill('1.234,56', '03/04/2025');
    await submit();

    const request = httpMock.expectOne(PAYMENTS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ amount: '1234.56', paidOn: '2025-04-03' });

    const updated = { ...INSTALLMENT, amountPaid: '1234.56', residual: '1265.44', paidOn: '2025-04-03' };
    request.flush(updated);
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('rejects more than the residual in Italian', async () => {
    await fill('2.500,01', '03/04/2025');
    await submit();

    httpMock.expectNone(PAYMENTS_URL);
    expect(await (await field('Importo incassato')).getTextErrors()).toEqual([
      "L'importo supera il residuo da incassare (2.500,00 €)",
    ]);
    expect(close).not.toHaveBeenCalled();
  });

  it('rejects text that is not an amount', async () => {
    await fill('12,345', '03/04/2025');
    await submit();

    httpMock.expectNone(PAYMENTS_URL);
    expect(await (await field('Importo incassato')).getTextErrors()).toEqual([
      'Importo non valido: scrivilo come 1.234,56, con al massimo due decimali',
    ]);
  });

  it('rejects a zero amount and a future date', async () => {
    await fill('0,00', '01/01/2999');
    await submit();

    httpMock.expectNone(PAYMENTS_URL);
    expect(await (await field('Importo incassato')).getTextErrors()).toEqual(["L'importo deve essere maggiore di zero"]);
    expect(await (await field('Data incasso')).getTextErrors()).toEqual(["La data dell'incasso non può essere futura"]);
  });

  it('shows the API error and stays open', async () => {
    await fill('100', '03/04/2025');
    await submit();

    httpMock
      .expectOne(PAYMENTS_URL)
      .flush({ statusCode: 400, message: 'amount exceeds the residual 50.00' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
      'Dati non validi: amount exceeds the residual 50.00',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
