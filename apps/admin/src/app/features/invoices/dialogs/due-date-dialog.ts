import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { DateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { InstallmentResponse } from '@solleciti/dto';

import { PlainDatePipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { InvoicesApi } from '../invoices-api';
import { ItalianDateAdapter, fromPlainDate, toPlainDate } from '../plain-dates';

export interface DueDateDialogData {
  installment: InstallmentResponse;
  invoiceNumber: string;
}

/** Modifica scadenza: moves an installment's due date. Closes with the updated installment. */
@Component({
  selector: 'sol-due-date-dialog',
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
    PlainDatePipe,
  ],
  providers: [{ provide: DateAdapter, useClass: ItalianDateAdapter }],
  template: `
    <h2 mat-dialog-title i18n="Title of the due date dialog@@invoices.dueDate.title">Modifica scadenza</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="due-date-content">
        <p class="due-date-context" i18n="Installment whose due date changes@@invoices.dueDate.context">
          Fattura {{ data.invoiceNumber }}, rata {{ data.installment.position }} di {{ data.installment.count }}. Scadenza
          attuale: {{ data.installment.dueDate | plainDate }}
        </p>

        <mat-form-field>
          <mat-label i18n="Label of the new due date field@@invoices.dueDate.label">Nuova scadenza</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="dueDate" placeholder="gg/mm/aaaa" i18n-placeholder="Placeholder of a date field@@invoices.dateField.placeholder" data-testid="due-date" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint i18n="Hint of the new due date field@@invoices.dueDate.hint">I solleciti non ancora inviati seguiranno la nuova data.</mat-hint>
          @if (dueDate.hasError('matDatepickerParse')) {
            <mat-error i18n="Error for a date that cannot be read@@invoices.dateField.invalid">Data non valida: scrivila come gg/mm/aaaa</mat-error>
          } @else if (dueDate.hasError('required')) {
            <mat-error i18n="Error for an empty due date@@invoices.dueDate.required">Inserisci la nuova scadenza</mat-error>
          }
        </mat-form-field>

        @if (errorMessage(); as message) {
          <p class="dialog-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [disabled]="saving()" (click)="dialogRef.close()" i18n="Cancel button of a dialog@@invoices.dialog.cancel">Annulla</button>
        <button matButton="filled" type="submit" [disabled]="saving()" i18n="Save button of the due date dialog@@invoices.dueDate.save">Salva</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .due-date-content {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 480px;
    }

    .due-date-context {
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
export class DueDateDialog {
  protected readonly data = inject<DueDateDialogData>(MAT_DIALOG_DATA);
  protected readonly dialogRef = inject<MatDialogRef<DueDateDialog, InstallmentResponse>>(MatDialogRef);
  private readonly api = inject(InvoicesApi);

  protected readonly form = new FormGroup({
    dueDate: new FormControl<Date | null>(
      this.data.installment.dueDate === null ? null : fromPlainDate(this.data.installment.dueDate),
      { validators: [Validators.required] },
    ),
  });
  protected readonly dueDate = this.form.controls.dueDate;
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected save(): void {
    if (this.saving()) {
      return;
    }
    if (this.dueDate.invalid || this.dueDate.value === null) {
      this.dueDate.markAsTouched();
      return;
    }

    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.updateDueDate(this.data.installment.id, toPlainDate(this.dueDate.value)).subscribe({
      next: (installment) => this.dialogRef.close(installment),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(describeHttpError(error));
      },
    });
  }
}
