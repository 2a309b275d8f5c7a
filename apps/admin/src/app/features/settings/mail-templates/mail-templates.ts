import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  LOCALE_ID,
  TemplateRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type {
  MailSettingsResponse,
  MailTemplatePreviewResponse,
  MailTemplateResponse,
  ReminderPlaceholderResponse,
} from '@solleciti/dto';
import { catchError, debounceTime, filter, firstValueFrom, map, of, switchMap } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { languageOf } from '../../../core/formatting';
import { apiMessages, describeHttpError } from '../../../core/http-error';

type TemplateLanguage = MailTemplateResponse['language'];
type TemplateField = 'subject' | 'body';

interface TemplateText {
  subject: string;
  body: string;
}

/** The preview shown next to the editor, or the problems that kept the template from rendering. */
type PreviewState =
  | { kind: 'rendered'; preview: MailTemplatePreviewResponse; html: SafeHtml }
  | { kind: 'problems'; problems: string[] }
  | { kind: 'error'; message: string };

/** Delay between the last keystroke and the preview request, in milliseconds. */
const PREVIEW_DEBOUNCE_MS = 400;

export const TEMPLATE_LEVELS = [1, 2, 3] as const;

/**
 * Impostazioni › Modelli e-mail: subject and body of each reminder level (1 to 3) in Italian and
 * English, with placeholders and a live preview. The sweep uses these texts only for companies
 * that send through their own SMTP server.
 */
@Component({
  selector: 'sol-mail-templates',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
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
    MatTab,
    MatTabContent,
    MatTabGroup,
  ],
  templateUrl: './mail-templates.html',
  styleUrl: './mail-templates.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailTemplates {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly companyContext = inject(CompanyContext);
  private readonly confirmRestoreTemplate = viewChild.required<TemplateRef<unknown>>('confirmRestore');
  private readonly subjectInput = viewChild<ElementRef<HTMLInputElement>>('subjectInput');
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');

  /** Language of the placeholder descriptions, the same as the UI. */
  protected readonly uiLanguage = languageOf(inject(LOCALE_ID));
  protected readonly levels = TEMPLATE_LEVELS;

  protected readonly form = new FormGroup({
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly level = signal<number>(1);
  protected readonly language = signal<TemplateLanguage>('it');
  protected readonly templates = signal<MailTemplateResponse[]>([]);
  protected readonly placeholders = signal<ReminderPlaceholderResponse[]>([]);
  /** Whether the company sends through its own server, or null while unknown. */
  protected readonly serverConfigured = signal<boolean | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly problems = signal<string[]>([]);
  protected readonly savedMessage = signal<string | null>(null);
  protected readonly preview = signal<PreviewState | null>(null);

  /** The form's value as a signal, so that the preview and the unsaved-changes flag follow it. */
  private readonly formValue = signal<TemplateText>({ subject: '', body: '' });
  /** Unsaved edits of the templates the user has left, by templateKey. */
  private readonly drafts = new Map<string, TemplateText>();
  /** The field that had the cursor last, where placeholders are inserted. */
  private activeField: TemplateField = 'body';

  protected readonly current = computed(() =>
    this.templates().find((template) => template.level === this.level() && template.language === this.language()) ?? null,
  );

  protected readonly hasChanges = computed(() => {
    const stored = this.current();
    const value = this.formValue();

    return stored !== null && (stored.subject !== value.subject || stored.body !== value.body);
  });

  constructor() {
    effect(() => {
      const companyId = this.companyContext.currentId();
      if (companyId !== null) {
        untracked(() => void this.load(companyId));
      }
    });

    this.form.valueChanges.subscribe(() => this.formValue.set(this.form.getRawValue()));
    this.watchPreview();
  }

  protected selectLevel(level: number): void {
    this.switchTo(level, this.language());
  }

  protected selectLanguage(language: TemplateLanguage): void {
    this.switchTo(this.level(), language);
  }

  protected rememberCursorField(field: TemplateField): void {
    this.activeField = field;
  }

  /** Inserts {{name}} at the cursor of the subject or body, whichever had the cursor last. */
  protected insertPlaceholder(name: string): void {
    const token = placeholderToken(name);
    const field = this.activeField;
    const control = this.form.controls[field];
    const element = (field === 'subject' ? this.subjectInput() : this.bodyInput())?.nativeElement;
    const value = control.value;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;

    control.setValue(value.slice(0, start) + token + value.slice(end));
    control.markAsDirty();
    if (element) {
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    }
  }

  protected placeholderToken = placeholderToken;

  protected async save(): Promise<void> {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }

    const level = this.level();
    const language = this.language();
    this.startAction();
    try {
      const saved = await firstValueFrom(
        this.http.put<MailTemplateResponse>(
          this.companyContext.apiUrl(`/mail-templates/${level}/${language}`),
          this.form.getRawValue(),
        ),
      );
      this.drafts.delete(templateKey(level, language));
      this.templates.update((templates) =>
        templates.map((template) => (template.level === level && template.language === language ? saved : template)),
      );
      this.savedMessage.set($localize`:Confirmation after saving a template@@settings.templates.saved:Modello salvato.`);
    } catch (error) {
      this.showActionError(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Deletes the company's text for the shown level and language, after a confirmation. */
  protected async restoreDefault(): Promise<void> {
    const confirmed = await firstValueFrom(
      this.dialog.open<unknown, unknown, boolean>(this.confirmRestoreTemplate(), { width: '440px' }).afterClosed(),
    );
    if (confirmed !== true) {
      return;
    }

    const level = this.level();
    const language = this.language();
    this.startAction();
    try {
      await firstValueFrom(this.http.delete<void>(this.companyContext.apiUrl(`/mail-templates/${level}/${language}`)));
      this.drafts.delete(templateKey(level, language));
      const templates = await firstValueFrom(
        this.http.get<MailTemplateResponse[]>(this.companyContext.apiUrl('/mail-templates')),
      );
      this.templates.set(templates);
      this.showTemplate(level, language);
      this.savedMessage.set(
        $localize`:Confirmation after restoring the default template@@settings.templates.restored:Modello predefinito ripristinato.`,
      );
    } catch (error) {
      this.showActionError(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Drops the unsaved edits of the shown template. */
  protected discardChanges(): void {
    this.drafts.delete(templateKey(this.level(), this.language()));
    this.showTemplate(this.level(), this.language());
  }

  private async load(companyId: number): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    this.drafts.clear();
    try {
      const [templates, placeholders] = await Promise.all([
        firstValueFrom(this.http.get<MailTemplateResponse[]>(this.companyContext.apiUrl('/mail-templates'))),
        firstValueFrom(this.http.get<ReminderPlaceholderResponse[]>(this.companyContext.apiUrl('/mail-templates/placeholders'))),
      ]);
      if (this.companyContext.currentId() !== companyId) {
        return;
      }
      this.templates.set(templates);
      this.placeholders.set(placeholders);
      this.showTemplate(this.level(), this.language());
    } catch (error) {
      this.loadError.set(describeHttpError(error));
    } finally {
      this.loading.set(false);
    }

    await this.loadServerStatus(companyId);
  }

  /** Reads whether the company has its own server. On failure the notice is left out. */
  private async loadServerStatus(companyId: number): Promise<void> {
    try {
      const settings = await firstValueFrom(
        this.http.get<MailSettingsResponse>(this.companyContext.apiUrl('/mail-settings')),
      );
      if (this.companyContext.currentId() === companyId) {
        this.serverConfigured.set(settings.configured);
      }
    } catch (error) {
      console.error('Loading the mail settings for the templates page failed.', error);
      this.serverConfigured.set(null);
    }
  }

  private switchTo(level: number, language: TemplateLanguage): void {
    if (level === this.level() && language === this.language()) {
      return;
    }
    if (this.hasChanges()) {
      this.drafts.set(templateKey(this.level(), this.language()), this.form.getRawValue());
    }
    this.showTemplate(level, language);
  }

  /** Shows a template in the editor: the unsaved draft when there is one, otherwise the stored text. */
  private showTemplate(level: number, language: TemplateLanguage): void {
    this.level.set(level);
    this.language.set(language);
    this.problems.set([]);
    this.actionError.set(null);
    this.savedMessage.set(null);

    const text = this.drafts.get(templateKey(level, language)) ?? this.current() ?? { subject: '', body: '' };
    this.form.reset({ subject: text.subject, body: text.body }, { emitEvent: false });
    this.formValue.set(this.form.getRawValue());
  }

  private startAction(): void {
    this.busy.set(true);
    this.problems.set([]);
    this.actionError.set(null);
    this.savedMessage.set(null);
  }

  private showActionError(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 400 && apiMessages(error).length > 0) {
      this.problems.set(apiMessages(error));
    } else {
      this.actionError.set(describeHttpError(error));
    }
  }

  /** Renders the edited template through the API a moment after the user stops typing. */
  private watchPreview(): void {
    const request = computed(() => {
      const companyId = this.companyContext.currentId();
      const template = this.current();
      const value = this.formValue();
      if (companyId === null || template === null) {
        return null;
      }

      return { level: template.level, language: template.language, subject: value.subject, body: value.body };
    });

    toObservable(request)
      .pipe(
        debounceTime(PREVIEW_DEBOUNCE_MS),
        filter((body) => body !== null),
        switchMap((body) =>
          this.http.post<MailTemplatePreviewResponse>(this.companyContext.apiUrl('/mail-templates/preview'), body).pipe(
            map((preview): PreviewState => ({
              kind: 'rendered',
              preview,
              // The iframe has sandbox="", so the HTML can run no script and reach no same-origin data.
              html: this.sanitizer.bypassSecurityTrustHtml(preview.html),
            })),
            catchError((error: unknown) => of(previewFailure(error))),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((state) => this.preview.set(state));
  }
}

function previewFailure(error: unknown): PreviewState {
  if (error instanceof HttpErrorResponse && error.status === 400 && apiMessages(error).length > 0) {
    return { kind: 'problems', problems: apiMessages(error) };
  }

  return { kind: 'error', message: describeHttpError(error) };
}

function templateKey(level: number, language: TemplateLanguage): string {
  return `${level}-${language}`;
}

/** Returns the Handlebars expression of a placeholder, e.g. {{invoiceNumber}}. */
export function placeholderToken(name: string): string {
  return `{{${name}}}`;
}
