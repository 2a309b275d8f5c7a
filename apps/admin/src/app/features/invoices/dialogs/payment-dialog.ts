import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { InstallmentResponse } from '@solleciti/dto';
import { formatMoney, toCents } from '@solleciti/util';

import { MoneyPipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { parseItalianAmount } from '../amounts';
import { InvoicesApi } from '../invoices-api';
import { ItalianDateAdapter, toPlainDate } from '../plain-dates';

export interface PaymentDialogData {
  installment: InstallmentResponse;
  invoiceNumber: string;
  currency: string;
}

type PaymentForm = FormGroup<{
  amount: FormControl<string>;
  paidOn: FormControl<Date | null>;
}>;

/** Validates an Italian amount text: greater than zero and at most `maxCents`. */
export function paymentAmountValidator(maxCents: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (control.value.trim() === '') {
      return null;
    }

    const amount = parseItalianAmount(control.value);
    if (amount === null) {
      return { amountFormat: true };
    }
    const cents = toCents(amount);
    if (cents <= 0) {
      return { amountNotPositive: true };
    }

    return cents > maxCents ? { amountOverResidual: true } : null;
  };
}

function notInFutureValidator(control: AbstractControl<Date | null>): ValidationErrors | null {
  const value = control.value;

  return value instanceof Date && toPlainDate(value) > toPlainDate(new Date()) ? { dateInFuture: true } : null;
}

/** Registra incasso: records a payment, full or partial, for one installment. Closes with the updated installment. */
@Component({
  selector: 'sol-payment-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSuffix,
    MoneyPipe,
  ],
  providers: [{ provide: DateAdapter, useClass: ItalianDateAdapter }],
  template: `
    <h2 mat-dialog-title i18n="Title of the payment dialog@@invoices.payment.title">Registra incasso</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="payment-content">
        <p class="payment-context" i18n="Installment the payment is for@@invoices.payment.context">
          Fattura {{ data.invoiceNumber }}, rata {{ data.installment.position }} di {{ data.installment.count }}. Residuo da
          incassare: <strong>{{ data.installment.residual | money: data.currency }}</strong>
        </p>

        <mat-form-field>
          <mat-label i18n="Label of the payment amount field@@invoices.payment.amount.label">Importo incassato</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" data-testid="payment-amount" />
          <span matTextSuffix>€</span>
          <mat-hint i18n="Hint of the payment amount field@@invoices.payment.amount.hint">Per esempio 1.234,56. Un incasso parziale lascia aperto il residuo.</mat-hint>
          @if (form.controls.amount.hasError('required')) {
            <mat-error i18n="Error for an empty amount@@invoices.payment.amount.required">Inserisci l'importo incassato</mat-error>
          } @else if (form.controls.amount.hasError('amountFormat')) {
            <mat-error i18n="Error for an amount that is not a number@@invoices.payment.amount.format"
              >Importo non valido: scrivilo come 1.234,56, con al massimo due decimali</mat-error
            >
          } @else if (form.controls.amount.hasError('amountNotPositive')) {
            <mat-error i18n="Error for a zero amount@@invoices.payment.amount.notPositive">L'importo deve essere maggiore di zero</mat-error>
          } @else if (form.controls.amount.hasError('amountOverResidual')) {
            <mat-error i18n="Error for an amount above the residual@@invoices.payment.amount.overResidual"
              >L'importo supera il residuo da incassare ({{ data.installment.residual | money: data.currency }})</mat-error
            >
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label i18n="Label of the payment date field@@invoices.payment.date.label">Data incasso</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="paidOn" placeholder="gg/mm/aaaa" i18n-placeholder="Placeholder of a date field@@invoices.dateField.placeholder" data-testid="payment-date" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          @if (form.controls.paidOn.hasError('matDatepickerParse')) {
            <mat-error i18n="Error for a date that cannot be read@@invoices.dateField.invalid">Data non valida: scrivila come gg/mm/aaaa</mat-error>
          } @else if (form.controls.paidOn.hasError('required')) {
            <mat-error i18n="Error for an empty payment date@@invoices.payment.date.required">Inserisci la data dell'incasso</mat-error>
          } @else if (form.controls.paidOn.hasError('dateInFuture')) {
            <mat-error i18n="Error for a payment date in the future@@invoices.payment.date.future">La data dell'incasso non può essere futura</mat-error>
          }
        </mat-form-field>

        @if (errorMessage(); as message) {
          <p class="dialog-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [disabled]="saving()" (click)="dialogRef.close()" i18n="Cancel button of a dialog@@invoices.dialog.cancel">Annulla</button>
        <button matButton="filled" type="submit" [disabled]="saving()" i18n="Save button of the payment dialog@@invoices.payment.save">Registra</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .payment-content {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 480px;
    }

    .payment-context {
      margin: 0 0 8px;
    }

    .dialog-error {
      margin: 0;
      padding: 12px 16px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentDialog {
  protected readonly data = inject<PaymentDialogData>(MAT_DIALOG_DATA);
  protected readonly dialogRef = inject<MatDialogRef<PaymentDialog, InstallmentResponse>>(MatDialogRef);
  private readonly api = inject(InvoicesApi);

  protected readonly form: PaymentForm = new FormGroup({
    // The full residual is the usual case, so it is filled in, the Italian way.
    amount: new FormControl(formatAmountForInput(this.data.installment.residual), {
      nonNullable: true,
      validators: [Validators.required, paymentAmountValidator(toCents(this.data.installment.residual))],
    }),
    paidOn: new FormControl<Date | null>(new Date(), { validators: [Validators.required, notInFutureValidator] }),
  });

  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected save(): void {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }

    const amount = parseItalianAmount(this.form.controls.amount.value);
    const paidOn = this.form.controls.paidOn.value;
    if (amount === null || paidOn === null) {
      return;
    }

    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.registerPayment(this.data.installment.id, amount, toPlainDate(paidOn)).subscribe({
      next: (installment) => this.dialogRef.close(installment),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(describeHttpError(error));
      },
    });
  }
}

/** Formats "1234.5" as "1.234,50" for the amount input, without the currency sign. */
function formatAmountForInput(amount: string): string {
  return toCents(amount) > 0 ? formatMoney(amount, 'it').replace(/\s*€$/, '') : '';
}
