import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatNoDataRow,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { ApiKeyResponse } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { RomeDateTimePipe } from '../../../core/formatting';
import { ConfirmDialog, ConfirmDialogData } from '../../../core/confirm-dialog';
import { describeHttpError } from '../../../core/http-error';
import { ApiKeyCreatedDialog } from './api-key-created-dialog';
import { ApiKeysApi } from './api-keys-api';

/** Maximum length of a key name, as the API checks it. */
const MAX_NAME_LENGTH = 100;

/**
 * Impostazioni › Chiavi API: the current company's keys for other programs, with their name,
 * creator, creation and last use (in Europe/Rome). A new key is shown once in a dialog, and
 * «Revoca» ends a key at once.
 */
@Component({
  selector: 'sol-api-keys',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatError,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatHint,
    MatInput,
    MatLabel,
    MatNoDataRow,
    MatRow,
    MatRowDef,
    MatTable,
    RomeDateTimePipe,
  ],
  templateUrl: './api-keys.html',
  styleUrl: './api-keys.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeys {
  private readonly api = inject(ApiKeysApi);
  private readonly companyContext = inject(CompanyContext);
  private readonly dialog = inject(MatDialog);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly companyName = computed(() => this.companyContext.current()?.name ?? '');
  protected readonly columns = [
    'name',
    'prefix',
    'createdBy',
    'createdAt',
    'lastUsedAt',
    'actions',
  ];
  protected readonly maxNameLength = MAX_NAME_LENGTH;
  protected readonly keys = signal<ApiKeyResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly creating = signal(false);
  /** Id of the key being revoked, whose button is disabled meanwhile. */
  protected readonly revokingId = signal<number | null>(null);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_NAME_LENGTH)],
    }),
  });

  constructor() {
    // Loads the keys again whenever the user switches company.
    effect(() => {
      this.companyContext.currentId();
      untracked(() => void this.load());
    });
  }

  protected revokeLabel(key: ApiKeyResponse): string {
    return $localize`:Accessible name of the revoke button of one key@@settings.apiKeys.revoke.label:Revoca la chiave ${key.name}:name:`;
  }

  protected async create(): Promise<void> {
    this.form.markAllAsTouched();
    const name = this.form.controls.name.value.trim();
    if (this.form.invalid || name === '') {
      this.form.controls.name.setErrors({ required: true });

      return;
    }

    this.creating.set(true);
    this.errorMessage.set(null);
    try {
      const created = await firstValueFrom(this.api.create({ name }));
      // resetForm() also clears the submitted state, which would otherwise show «required» at once.
      this.formDirective().resetForm();
      this.dialog.open(ApiKeyCreatedDialog, {
        data: created,
        width: '560px',
        disableClose: true,
        autoFocus: 'dialog',
      });
      await this.load();
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    } finally {
      this.creating.set(false);
    }
  }

  protected async revoke(key: ApiKeyResponse): Promise<void> {
    const data: ConfirmDialogData = {
      title: $localize`:Title of the revoke API key confirmation@@settings.apiKeys.revoke.title:Revocare la chiave API?`,
      message: $localize`:Text of the revoke API key confirmation@@settings.apiKeys.revoke.text:La chiave «${key.name}:name:» (${key.prefix}:prefix:…) smetterà subito di funzionare e i programmi che la usano riceveranno un errore.`,
      confirmLabel: $localize`:Button that confirms the revocation@@settings.apiKeys.revoke.confirm:Revoca`,
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (confirmed !== true) {
      return;
    }

    this.revokingId.set(key.id);
    this.errorMessage.set(null);
    try {
      await firstValueFrom(this.api.revoke(key.id));
      await this.load();
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    } finally {
      this.revokingId.set(null);
    }
  }

  private async load(): Promise<void> {
    if (this.companyContext.currentId() === null) {
      return;
    }

    this.loading.set(true);
    try {
      this.keys.set(await firstValueFrom(this.api.list()));
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
