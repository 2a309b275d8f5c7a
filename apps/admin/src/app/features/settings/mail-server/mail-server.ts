import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  TemplateRef,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { MailSettingsResponse, TestMailResponse, UpdateMailSettingsDto } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { describeHttpError } from '../../../core/http-error';
import { describeTestMailFailure, technicalTestMailDetail } from './test-mail-message';

type Security = UpdateMailSettingsDto['security'];

/** The usual port of each security mode, filled in when the user switches mode. */
const DEFAULT_PORTS: Record<Security, number> = { tls: 465, starttls: 587, none: 25 };

type MailServerForm = FormGroup<{
  host: FormControl<string>;
  port: FormControl<number | null>;
  security: FormControl<Security>;
  username: FormControl<string>;
  password: FormControl<string>;
  fromName: FormControl<string>;
  fromAddress: FormControl<string>;
}>;

/** Outcome of the last test e-mail, as shown under the test button. */
type TestMailOutcome =
  | { ok: true; to: string }
  | { ok: false; explanation: string; serverAnswer: string | null; technicalDetail: string | null };

/**
 * Impostazioni › Server di posta: the company's own SMTP server. Without one, reminders go out
 * from the system no-reply sender with the default template. The password is write-only.
 */
@Component({
  selector: 'sol-mail-server',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
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
  templateUrl: './mail-server.html',
  styleUrl: './mail-server.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailServer {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly companyContext = inject(CompanyContext);
  private readonly confirmRemoveTemplate = viewChild.required<TemplateRef<unknown>>('confirmRemove');

  protected readonly form: MailServerForm = new FormGroup({
    host: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(255)] }),
    port: new FormControl<number | null>(DEFAULT_PORTS.starttls, {
      validators: [Validators.required, Validators.min(1), Validators.max(65535), Validators.pattern(/^\d+$/)],
    }),
    security: new FormControl<Security>('starttls', { nonNullable: true }),
    username: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(255)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(512)] }),
    fromName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(255)] }),
    fromAddress: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(320)],
    }),
  });

  protected readonly testRecipient = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.email, Validators.maxLength(320)],
  });

  /** The stored settings, or null until loaded. */
  protected readonly settings = signal<MailSettingsResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly testing = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly savedMessage = signal<string | null>(null);
  protected readonly testOutcome = signal<TestMailOutcome | null>(null);

  constructor() {
    // Reload whenever the user switches company in the top bar.
    effect(() => {
      const companyId = this.companyContext.currentId();
      if (companyId !== null) {
        untracked(() => void this.load(companyId));
      }
    });

    // An empty or usual port follows the chosen security mode, but a port the user typed stays.
    this.form.controls.security.valueChanges.subscribe((security) => {
      const port = this.form.controls.port;
      if (port.value === null || Object.values(DEFAULT_PORTS).includes(port.value)) {
        port.setValue(DEFAULT_PORTS[security]);
      }
    });
  }

  protected async save(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }

    this.saving.set(true);
    this.saveError.set(null);
    this.savedMessage.set(null);
    try {
      const saved = await firstValueFrom(
        this.http.put<MailSettingsResponse>(this.companyContext.apiUrl('/mail-settings'), this.settingsBody()),
      );
      this.applySettings(saved);
      this.savedMessage.set(
        $localize`:Confirmation after saving the mail server@@settings.mail.saved:Impostazioni salvate. I prossimi solleciti partiranno da questo server.`,
      );
    } catch (error) {
      this.saveError.set(describeHttpError(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const confirmed = await firstValueFrom(
      this.dialog.open<unknown, unknown, boolean>(this.confirmRemoveTemplate(), { width: '440px' }).afterClosed(),
    );
    if (confirmed !== true) {
      return;
    }

    this.saving.set(true);
    this.saveError.set(null);
    this.savedMessage.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(this.companyContext.apiUrl('/mail-settings')));
      this.applySettings({ ...emptySettings(), companyId: this.settings()?.companyId ?? 0 });
      this.testOutcome.set(null);
      this.savedMessage.set(
        $localize`:Confirmation after removing the mail server@@settings.mail.removed:Server rimosso. I solleciti partiranno dal mittente predefinito del servizio.`,
      );
    } catch (error) {
      this.saveError.set(describeHttpError(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** Sends a test e-mail with the settings in the form, saved or not. */
  protected async sendTestMail(): Promise<void> {
    if (this.testing()) {
      return;
    }
    if (this.form.invalid || this.testRecipient.invalid) {
      this.form.markAllAsTouched();
      this.testRecipient.markAsTouched();
      return;
    }

    const to = this.testRecipient.value.trim();
    this.testing.set(true);
    this.testOutcome.set(null);
    try {
      const result = await firstValueFrom(
        this.http.post<TestMailResponse>(this.companyContext.apiUrl('/mail-settings/test'), {
          to,
          settings: this.settingsBody(),
        }),
      );
      this.testOutcome.set(
        result.ok
          ? { ok: true, to }
          : {
              ok: false,
              explanation: describeTestMailFailure(result),
              serverAnswer: result.response,
              technicalDetail: result.response ? null : technicalTestMailDetail(result),
            },
      );
    } catch (error) {
      this.testOutcome.set({ ok: false, explanation: describeHttpError(error), serverAnswer: null, technicalDetail: null });
    } finally {
      this.testing.set(false);
    }
  }

  private async load(companyId: number): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    this.saveError.set(null);
    this.savedMessage.set(null);
    this.testOutcome.set(null);
    try {
      const settings = await firstValueFrom(
        this.http.get<MailSettingsResponse>(this.companyContext.apiUrl('/mail-settings')),
      );
      // A slow response for a company the user has already left is dropped.
      if (this.companyContext.currentId() === companyId) {
        this.applySettings(settings);
      }
    } catch (error) {
      this.loadError.set(describeHttpError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private applySettings(settings: MailSettingsResponse): void {
    this.settings.set(settings);
    this.form.reset(
      {
        host: settings.host ?? '',
        port: settings.port ?? DEFAULT_PORTS.starttls,
        security: settings.security ?? 'starttls',
        username: settings.username ?? '',
        // The API never returns the password, and the field stays empty to keep the stored one.
        password: '',
        fromName: settings.fromName ?? '',
        fromAddress: settings.fromAddress ?? '',
      },
      { emitEvent: false },
    );
  }

  /** Returns the PUT body, without the password when the field is empty so the stored one is kept. */
  private settingsBody(): UpdateMailSettingsDto {
    const value = this.form.getRawValue();
    const body: UpdateMailSettingsDto = {
      host: value.host.trim(),
      port: Number(value.port),
      security: value.security,
      username: value.username.trim() || null,
      fromName: value.fromName.trim(),
      fromAddress: value.fromAddress.trim(),
    };
    if (value.password !== '') {
      body.password = value.password;
    }

    return body;
  }
}

function emptySettings(): MailSettingsResponse {
  return {
    companyId: 0,
    configured: false,
    host: null,
    port: null,
    security: null,
    username: null,
    passwordSet: false,
    fromName: null,
    fromAddress: null,
  };
}
