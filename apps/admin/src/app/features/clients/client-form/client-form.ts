import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import type { ClientKind, ClientResponse, CreateClientDto } from '@solleciti/dto';

import { describeHttpError } from '../../../core/http-error';
import { CLIENT_KIND_LABELS } from '../client-labels';
import {
  capValidator,
  emailAddressValidator,
  fiscalCodeValidator,
  fromVatNumber,
  phoneValidator,
  provinceValidator,
  recipientCodeValidator,
  toVatNumber,
  vatNumberValidator,
} from '../client-validators';
import { ClientsApi } from '../clients-api';
import { normalizeCode } from '../italian-identifiers';
import { ClientFormField, clientFieldErrorMessage } from './client-form-errors';

/** The API accepts at most this many e-mail addresses per client. */
export const MAX_EMAILS = 10;

type AddressForm = FormGroup<{
  street: FormControl<string>;
  streetNumber: FormControl<string>;
  postalCode: FormControl<string>;
  city: FormControl<string>;
  province: FormControl<string>;
  country: FormControl<string>;
}>;

type ClientForm = FormGroup<{
  kind: FormControl<ClientKind>;
  companyName: FormControl<string>;
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  vatNumber: FormControl<string>;
  fiscalCode: FormControl<string>;
  recipientCode: FormControl<string>;
  address: AddressForm;
  emails: FormArray<FormControl<string>>;
  pec: FormControl<string>;
  phone: FormControl<string>;
  language: FormControl<'it' | 'en'>;
  remindersDisabled: FormControl<boolean>;
}>;

function text(maxLength: number, validators: ValidatorFn[] = []): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.maxLength(maxLength), ...validators] });
}

function emailControl(value = ''): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: [emailAddressValidator, Validators.maxLength(320)] });
}

/** True when the address is in Italy, or has no country yet (the form starts with IT). */
function isItalian(country: string): boolean {
  const code = country.trim().toUpperCase();

  return code === '' || code === 'IT';
}

/** Applies an Italian-only check to CAP and province, reading the country of the same address. */
function whenItalian(validator: ValidatorFn): ValidatorFn {
  return (control) => (isItalian(String(control.parent?.get('country')?.value ?? '')) ? validator(control) : null);
}

const countryValidator: ValidatorFn = (control) => {
  const value = String(control.value ?? '').trim();

  return value && !/^[A-Za-z]{2}$/.test(value) ? { country: true } : null;
};

/** Nuovo cliente and Modifica cliente: one form whose fields follow the client kind. */
@Component({
  selector: 'sol-client-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
  ],
  templateUrl: './client-form.html',
  styleUrl: './client-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFormPage implements OnInit {
  private readonly api = inject(ClientsApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** Client id from the route clienti/:id/modifica; absent for clienti/nuovo. */
  readonly id = input<string>();

  protected readonly kindLabels = CLIENT_KIND_LABELS;
  protected readonly kinds: ClientKind[] = ['person', 'company', 'public-administration'];
  protected readonly maxEmails = MAX_EMAILS;

  protected readonly form: ClientForm = new FormGroup({
    kind: new FormControl<ClientKind>('company', { nonNullable: true }),
    companyName: text(255),
    firstName: text(120),
    lastName: text(120),
    vatNumber: text(30),
    fiscalCode: text(16),
    recipientCode: text(7),
    address: new FormGroup({
      street: text(255),
      streetNumber: text(16),
      postalCode: text(16, [whenItalian(capValidator)]),
      city: text(120),
      province: text(8, [whenItalian(provinceValidator)]),
      country: new FormControl('IT', { nonNullable: true, validators: [countryValidator] }),
    }),
    emails: new FormArray([emailControl()]),
    pec: new FormControl('', { nonNullable: true, validators: [emailAddressValidator, Validators.maxLength(320)] }),
    phone: text(40, [phoneValidator]),
    language: new FormControl<'it' | 'en'>('it', { nonNullable: true }),
    remindersDisabled: new FormControl(false, { nonNullable: true }),
  });

  /** The kind as a signal, so the template shows the fields of that kind. */
  protected readonly kind = signal<ClientKind>(this.form.controls.kind.value);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** The client being edited, once loaded; null on Nuovo cliente. */
  protected readonly client = signal<ClientResponse | null>(null);
  /** Annulla returns to the Riepilogo of the client being edited, else to the list. */
  protected readonly cancelLink = computed(() => {
    const client = this.client();

    return client ? ['/anagrafiche/clienti', client.id] : ['/anagrafiche/clienti'];
  });

  constructor() {
    const controls = this.form.controls;
    const address = controls.address.controls;

    this.applyKindRules(controls.kind.value);
    controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => this.applyKindRules(kind));
    address.country.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      address.postalCode.updateValueAndValidity();
      address.province.updateValueAndValidity();
      controls.fiscalCode.updateValueAndValidity();
    });
    controls.fiscalCode.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      controls.vatNumber.updateValueAndValidity({ emitEvent: false });
    });
  }

  ngOnInit(): void {
    const id = Number(this.id());
    if (this.id() === undefined) {
      return;
    }
    if (!Number.isSafeInteger(id) || id <= 0) {
      this.errorMessage.set(describeHttpError(new HttpErrorResponse({ status: 404 })));
      return;
    }

    this.loading.set(true);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (client) => {
          this.loading.set(false);
          this.client.set(client);
          this.fill(client);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
  }

  protected get emails(): FormArray<FormControl<string>> {
    return this.form.controls.emails;
  }

  protected addEmail(): void {
    if (this.emails.length < MAX_EMAILS) {
      this.emails.push(emailControl());
    }
  }

  protected removeEmail(index: number): void {
    this.emails.removeAt(index);
    if (this.emails.length === 0) {
      this.emails.push(emailControl());
    }
  }

  protected errorOf(control: AbstractControl, field: ClientFormField): string | null {
    return clientFieldErrorMessage(control.errors, field);
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errorMessage.set(
        $localize`:Message when the client form has errors@@clients.form.invalid:Controlla i campi evidenziati in rosso.`,
      );
      return;
    }

    const body = this.requestBody();
    const client = this.client();
    const request = client ? this.api.update(client.id, body) : this.api.create(body);

    this.saving.set(true);
    this.errorMessage.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        void this.router.navigate(['/anagrafiche/clienti', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(saveErrorMessage(error));
      },
    });
  }

  /** Builds the POST or PATCH body; fields the kind does not show are sent as null. */
  private requestBody(): CreateClientDto {
    const value = this.form.getRawValue();
    const kind = value.kind;
    const person = kind === 'person';
    const optional = (field: string) => field.trim() || null;

    return {
      kind,
      companyName: person ? null : value.companyName.trim(),
      firstName: person ? value.firstName.trim() : null,
      lastName: person ? value.lastName.trim() : null,
      vatNumber: toVatNumber(value.vatNumber),
      fiscalCode: normalizeCode(value.fiscalCode) || null,
      recipientCode: normalizeCode(value.recipientCode) || null,
      pec: optional(value.pec),
      emails: value.emails.map((email) => email.trim()).filter((email) => email !== ''),
      phone: optional(value.phone),
      address: {
        street: optional(value.address.street),
        streetNumber: optional(value.address.streetNumber),
        postalCode: optional(value.address.postalCode),
        city: optional(value.address.city),
        province: optional(value.address.province.toUpperCase()),
        country: optional(value.address.country.toUpperCase()),
      },
      language: value.language,
      remindersDisabled: value.remindersDisabled,
    };
  }

  /** Sets the required fields and the length of the recipient code for a kind. */
  private applyKindRules(kind: ClientKind): void {
    const controls = this.form.controls;
    const setValidators = (control: AbstractControl, validators: ValidatorFn[]) => {
      control.setValidators(validators);
      control.updateValueAndValidity({ emitEvent: false });
    };

    this.kind.set(kind);
    setValidators(controls.companyName, kind === 'person' ? [Validators.maxLength(255)] : [Validators.required, Validators.maxLength(255)]);
    setValidators(controls.firstName, kind === 'person' ? [Validators.required, Validators.maxLength(120)] : []);
    setValidators(controls.lastName, kind === 'person' ? [Validators.required, Validators.maxLength(120)] : []);
    const checkedVatNumber = unlessUnchanged(vatNumberValidator, () => this.storedVatNumber);
    const checkedFiscalCode = unlessUnchanged(fiscalCodeValidator, () => this.storedFiscalCode);
    setValidators(controls.vatNumber, kind === 'company' ? [this.vatRequiredWithoutFiscalCode, checkedVatNumber] : [checkedVatNumber]);
    setValidators(controls.fiscalCode, [
      ...(kind === 'public-administration' ? [Validators.required] : []),
      ...(kind === 'person' ? [this.requiredForItalianAddress] : []),
      checkedFiscalCode,
    ]);
    setValidators(
      controls.recipientCode,
      kind === 'public-administration' ? [Validators.required, recipientCodeValidator(6)] : [recipientCodeValidator(7)],
    );
  }

  // Identifiers as stored. Invoices from other software sometimes carry codes with a wrong check
  // character, so such a code is kept as it is and the rest of the client can still be edited.
  private storedVatNumber = '';
  private storedFiscalCode = '';

  /** A company needs a partita IVA, unless it is a body with only a codice fiscale. */
  private readonly vatRequiredWithoutFiscalCode: ValidatorFn = (control) =>
    this.form.controls.fiscalCode.value.trim() ? null : Validators.required(control);

  /** A person living in Italy needs a codice fiscale; a foreign person may have none. */
  private readonly requiredForItalianAddress: ValidatorFn = (control) =>
    isItalian(this.form.controls.address.controls.country.value) ? Validators.required(control) : null;

  private fill(client: ClientResponse): void {
    this.storedVatNumber = fromVatNumber(client.vatNumber);
    this.storedFiscalCode = client.fiscalCode ?? '';
    this.emails.clear();
    for (const email of client.emails.length > 0 ? client.emails : ['']) {
      this.emails.push(emailControl(email));
    }

    this.form.setValue({
      kind: client.kind,
      companyName: client.companyName ?? '',
      firstName: client.firstName ?? '',
      lastName: client.lastName ?? '',
      vatNumber: fromVatNumber(client.vatNumber),
      fiscalCode: client.fiscalCode ?? '',
      recipientCode: client.recipientCode ?? '',
      address: {
        street: client.address.street ?? '',
        streetNumber: client.address.streetNumber ?? '',
        postalCode: client.address.postalCode ?? '',
        city: client.address.city ?? '',
        province: client.address.province ?? '',
        country: client.address.country ?? '',
      },
      emails: this.emails.getRawValue(),
      pec: client.pec ?? '',
      phone: client.phone ?? '',
      language: client.language,
      remindersDisabled: client.remindersDisabled,
    });
    // Stored data that no longer passes the checks is shown at once, not only after Salva.
    this.form.markAllAsTouched();
  }
}

function saveErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 409) {
    return $localize`:Save error, another client has the same VAT number@@clients.form.error.duplicate:Esiste già un cliente con questa partita IVA: cercalo nell'elenco clienti e modifica quello.`;
  }

  return describeHttpError(error);
}

/** Skips `validator` while the value is still the stored one (an edit leaves the identifier alone). */
function unlessUnchanged(validator: ValidatorFn, stored: () => string): ValidatorFn {
  return (control) => {
    const value = String(control.value ?? '').replace(/\s+/g, '').toUpperCase();
    const original = stored().replace(/\s+/g, '').toUpperCase();

    return original !== '' && value === original ? null : validator(control);
  };
}
