import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CompanyResponse } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

import { CompanyContext } from '../core/company-context';
import { describeHttpError } from '../core/http-error';

/**
 * First-run form shown when the user has no company yet: creates the company (the seller) so
 * that invoices can be imported from the browser.
 */
@Component({
  selector: 'sol-company-setup',
  imports: [ReactiveFormsModule, MatButton, MatCard, MatCardContent, MatError, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <mat-card appearance="outlined" class="setup-card">
      <mat-card-content>
        <h1 i18n="Heading of the first-run company form@@companySetup.heading">Crea la tua azienda</h1>
        <p i18n="Explanation of the first-run company form@@companySetup.intro">
          Nessuna azienda è ancora configurata. Inserisci i dati della tua azienda: le fatture importate
          devono avere questa partita IVA come cedente.
        </p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="setup-form">
          <mat-form-field>
            <mat-label i18n="Company name field@@companySetup.name">Ragione sociale</mat-label>
            <input matInput formControlName="name" required />
            @if (form.controls.name.hasError('required')) {
              <mat-error i18n="Missing company name@@companySetup.name.required">Inserisci la ragione sociale</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="VAT number field@@companySetup.vat">Partita IVA</mat-label>
            <input matInput formControlName="vatNumber" required />
            <mat-hint i18n="VAT number hint@@companySetup.vat.hint">Con il prefisso del paese, per esempio IT01234567897</mat-hint>
            @if (form.controls.vatNumber.hasError('required')) {
              <mat-error i18n="Missing VAT number@@companySetup.vat.required">Inserisci la partita IVA</mat-error>
            } @else if (form.controls.vatNumber.hasError('pattern')) {
              <mat-error i18n="Invalid VAT number@@companySetup.vat.pattern">Scrivi il prefisso del paese seguito dal numero, per esempio IT01234567897</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="Company e-mail field@@companySetup.email">E-mail dell'amministrazione</mat-label>
            <input matInput type="email" formControlName="email" />
            <mat-hint i18n="Company e-mail hint@@companySetup.email.hint">I clienti rispondono ai solleciti a questo indirizzo</mat-hint>
            @if (form.controls.email.hasError('email')) {
              <mat-error i18n="Invalid company e-mail@@companySetup.email.invalid">Indirizzo e-mail non valido</mat-error>
            }
          </mat-form-field>
          @if (error(); as message) {
            <p role="alert" class="setup-error">{{ message }}</p>
          }
          <button matButton="filled" type="submit" [disabled]="saving()" i18n="Create company button@@companySetup.save">
            Crea azienda
          </button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .setup-card { max-width: 640px; }
    .setup-form { display: flex; flex-direction: column; gap: 16px; margin-top: 16px; }
    .setup-form button { align-self: flex-start; }
    .setup-error { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanySetup {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    vatNumber: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*[A-Za-z]{2}\s*[0-9A-Za-z]{2,28}\s*$/)],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }

    this.saving.set(true);
    this.error.set(null);
    const { name, vatNumber, email } = this.form.getRawValue();
    try {
      const company = await firstValueFrom(
        this.http.post<CompanyResponse>('/api/companies', {
          name: name.trim(),
          vatNumber: vatNumber.replace(/\s+/g, '').toUpperCase(),
          ...(email.trim() ? { email: email.trim() } : {}),
        }),
      );
      await this.companyContext.load(true);
      this.companyContext.select(company.id);
    } catch (error) {
      this.error.set(describeHttpError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
