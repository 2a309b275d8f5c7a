import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CompanyResponse, UserResponse, UserRole } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

import { describeHttpError } from '../../../core/http-error';
import { ROLE_LABELS } from './user-labels';
import { UsersApi } from './users-api';

/** Data of the user form: the user to edit, or null for a new user, and the companies to offer. */
export interface UserDialogData {
  user: UserResponse | null;
  companies: CompanyResponse[];
  /** Whether the user being edited is the one logged in, whose role cannot change. */
  isSelf: boolean;
}

/**
 * Same value as MIN_PASSWORD_LENGTH in @solleciti/dto, repeated here because importing a value from
 * that library would bundle class-validator into the admin.
 */
const MIN_PASSWORD_LENGTH = 12;

/** Same rule as the API: 3 to 100 letters, digits or . _ @ - */
const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{3,100}$/;

/**
 * Creates a user or changes one's role, companies and password, and closes with the saved user.
 * API errors (such as 409 for a taken username) stay in the dialog so the input is not lost.
 */
@Component({
  selector: 'sol-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
  ],
  templateUrl: './user-dialog.html',
  styles: `
    .user-form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(440px, 80vw);
    }

    .user-error {
      margin: 0;
      padding: 12px 16px;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, UserResponse>>(MatDialogRef);
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);

  protected readonly isNew = this.data.user === null;
  protected readonly roles: readonly UserRole[] = ['staff', 'admin'];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = new FormGroup({
    username: new FormControl(this.data.user?.username ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(USERNAME_PATTERN)],
    }),
    // Required for a new user; for an existing one, empty keeps the current password.
    password: new FormControl('', {
      nonNullable: true,
      validators: [
        ...(this.isNew ? [Validators.required] : []),
        Validators.minLength(MIN_PASSWORD_LENGTH),
        Validators.maxLength(200),
      ],
    }),
    role: new FormControl<UserRole>(this.data.user?.role ?? 'staff', { nonNullable: true }),
    companyIds: new FormControl<number[]>(this.data.user?.companyIds ?? [], { nonNullable: true }),
  });

  protected readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });

  constructor() {
    if (!this.isNew) {
      this.form.controls.username.disable();
    }
    if (this.data.isSelf) {
      this.form.controls.role.disable();
    }
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      return;
    }

    const { username, password, role, companyIds } = this.form.getRawValue();
    const companies = role === 'staff' ? companyIds : [];
    this.saving.set(true);
    this.errorMessage.set(null);
    try {
      const saved = this.data.user
        ? await firstValueFrom(
            this.api.update(this.data.user.id, {
              ...(this.data.isSelf ? {} : { role }),
              companyIds: companies,
              ...(password !== '' ? { password } : {}),
            }),
          )
        : await firstValueFrom(
            this.api.create({ username, password, role, companyIds: companies }),
          );
      this.dialogRef.close(saved);
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
